/**
 * One family of errors. Every error a user or an operator can see is an AppError with a code; `describeError`
 * (describe-error.ts) is the one place that turns any error into a private, escaped message in the reader's
 * language. Anything thrown that is not an AppError is a bug: it is shown only as a reference number, and logged.
 */
export class AppError extends Error {
  constructor(
    /** What happened, for code, logs and the table of user texts: `not_admin`, `database_unavailable`, … */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A problem with what the user asked for (unknown country, bad argument, not allowed), already written for them:
 * its lines are escaped mrkdwn in their language.
 */
export class UserError extends AppError {
  constructor(
    code: string,
    readonly lines: readonly string[],
  ) {
    super(code, `${code}: ${lines.join(' ')}`);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The store (PostgreSQL) cannot be reached, or has lost its database or tables; nothing was done. */
export class DatabaseUnavailableError extends AppError {
  constructor(
    message: string,
    /** The SQLSTATE or socket error behind it, when known. */
    readonly reason = 'connection',
  ) {
    super('database_unavailable', message);
  }
}

/** A data file that cannot be used, with the path and a reason a person can act on. */
export class DataFileError extends AppError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('data_file', `${path}: ${reason}`);
  }
}

/** An edit the schema rejects; `issues` name the record and field. */
export class EditInvalidError extends AppError {
  constructor(
    readonly issues: { path: readonly PropertyKey[]; message: string }[],
    /** The rejected draft, so an issue's figure index can be named by its id. */
    readonly draft: unknown,
  ) {
    super('invalid_edit', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
}

/** Why an edit cannot be made as asked, with the id or field it concerns. */
export type RefusalCode =
  | 'unknown_figure'
  | 'id_taken'
  | 'cited_by_event'
  | 'nothing_to_restore'
  | 'nothing_to_undo'
  | 'changed_since'
  | 'missing_fields'
  | 'unknown_series';

export class EditRefused extends AppError {
  declare readonly code: RefusalCode;
  constructor(
    code: RefusalCode,
    readonly detail: string,
  ) {
    super(code, `${code}: ${detail}`);
  }
}

/** The edit was valid but could not be saved (disk full, read-only, permissions, busy); nothing changed. */
export class SaveError extends AppError {
  constructor(
    /** The errno (ENOSPC, EROFS, …) or ELOCKED. */
    readonly errno: string,
  ) {
    super('not_saved', `could not save (${errno})`);
  }
}

const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']);

/** The errno of a write the file system refused (full, read-only, no permission), looking through causes. */
export function storageCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { errno?: unknown; code?: unknown }).code;
    const errno = e instanceof SaveError ? e.errno : code;
    if (typeof errno === 'string' && STORAGE_CODES.has(errno)) return errno;
  }
  return undefined;
}
