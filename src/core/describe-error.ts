import { randomBytes } from 'node:crypto';
import type { Dataset } from './dataset/dataset-schema.js';
import { fieldOfIssue } from './dataset/figure-fields.js';
import { issueLines } from './dataset/schema-issues.js';
import { DatabaseUnavailableError, EditInvalidError, EditRefused, isUserError, storageCode } from './errors.js';
import { escapeMrkdwn, truncate } from './escape.js';
import type { Locale } from './i18n/locale.js';
import { type Messages, messages } from './i18n/messages.js';

/**
 * How an error reads to the person who caused it: `refusal` (what they asked cannot be done, and why),
 * `unavailable` and `storage` (nothing changed; try later or tell an admin), or `unexpected` (a bug, shown as a
 * reference to quote; the caller logs the error under the same reference). Lines are escaped mrkdwn.
 */
export type Described =
  | { kind: 'refusal' | 'unavailable' | 'storage'; code: string; lines: string[] }
  | { kind: 'unexpected'; code: 'unexpected'; lines: string[]; ref: string };

const REFUSALS: Record<EditRefused['code'], (t: Messages, detail: string) => string> = {
  unknown_figure: (t, d) => t.dataUnknownFigure(d),
  id_taken: (t, d) => t.dataIdTaken(d),
  cited_by_event: (t, d) => t.dataCitedByEvent(d),
  nothing_to_restore: (t, d) => t.dataNothingToRestore(d),
  nothing_to_undo: (t) => t.dataNothingToUndo,
  changed_since: (t, d) => t.dataChangedSince(d),
  missing_fields: (t, d) => t.dataMissingFields(d),
  unknown_series: (t, d) => t.dataUnknownSeries(d),
};

function storageLine(t: Messages, errno: string): string {
  const reasons: Record<string, string> = {
    ENOSPC: t.storageDiskFull,
    EDQUOT: t.storageDiskFull,
    EROFS: t.storageReadOnly,
    ELOCKED: t.dataBusy,
  };
  return t.storageFailed(reasons[errno] ?? t.storageNoPermission, errno);
}

/** The one translation from any error to what its reader sees. */
export function describeError(error: unknown, locale: Locale): Described {
  const t = messages(locale);
  if (isUserError(error)) return { kind: 'refusal', code: error.code, lines: [...error.lines] };
  if (error instanceof EditRefused) {
    const detail = escapeMrkdwn(truncate(error.detail, 40));
    return { kind: 'refusal', code: error.code, lines: [REFUSALS[error.code](t, detail)] };
  }
  if (error instanceof EditInvalidError) {
    const draft = error.draft as Dataset;
    const lines = issueLines(error.issues, (p) => fieldOfIssue(p, draft), locale);
    return { kind: 'refusal', code: error.code, lines: [t.dataInvalid, ...lines] };
  }
  if (error instanceof DatabaseUnavailableError) {
    return { kind: 'unavailable', code: error.code, lines: [t.temporarilyUnavailable] };
  }
  const errno = storageCode(error) ?? ((error as { errno?: unknown }).errno === 'ELOCKED' ? 'ELOCKED' : undefined);
  if (errno) return { kind: 'storage', code: 'not_saved', lines: [storageLine(t, errno)] };
  const ref = randomBytes(4).toString('hex');
  return { kind: 'unexpected', code: 'unexpected', lines: [t.unexpected(ref)], ref };
}
