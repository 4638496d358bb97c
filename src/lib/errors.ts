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
