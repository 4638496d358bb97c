/**
 * A problem with what the user asked for (unknown country, bad argument, not allowed). Its lines are shown to
 * the user privately, as mrkdwn that has already been escaped; anything else thrown is a bug and is shown
 * only as a reference number.
 */
export class UserError extends Error {
  override name = 'UserError' as const;
  constructor(
    readonly code: string,
    readonly lines: readonly string[],
  ) {
    super(`${code}: ${lines.join(' ')}`);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']);

/** The errno of a write the file system refused (full, read-only, no permission), looking through causes. */
export function storageCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_CODES.has(code)) return code;
  }
  return undefined;
}
