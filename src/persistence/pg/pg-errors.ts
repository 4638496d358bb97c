/**
 * What a failed PostgreSQL query means for a request, without loading the driver: a command that only needs to tell
 * "the database is away" from a bug imports this, not database.ts.
 */

import { DatabaseUnavailableError } from '../../core/errors.js';
import { redactUrl } from '../../core/redact.js';

export { redactUrl };

/** SQLSTATEs saying the database or its tables are gone: dropped, or emptied and not yet migrated again. */
const SCHEMA_MISSING = new Set(['3D000', '3F000', '42P01']);
/** Connection exceptions, insufficient resources, operator intervention; and a role or password gone. */
const UNAVAILABLE_CLASSES = ['08', '53', '57'];
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '28000', '28P01']);

export function isSchemaMissing(error: unknown): boolean {
  return SCHEMA_MISSING.has((error as { code?: string }).code ?? '');
}

/** Errors a request can meet while PostgreSQL restarts, is unreachable, or has lost its database or tables. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : '';
  return (
    UNAVAILABLE_CODES.has(code) ||
    isSchemaMissing(error) ||
    (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}

export { DatabaseUnavailableError };
