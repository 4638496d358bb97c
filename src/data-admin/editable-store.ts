import { randomUUID } from 'node:crypto';
import type { Dataset } from '../core/dataset/dataset-schema.js';
import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { EditInvalidError, SaveError } from '../core/errors.js';
import type { AuditEntry, FigureChange } from '../core/records/audit-records.js';

export { EditInvalidError, SaveError };

export interface EditRequest {
  actor: string;
  action: 'set' | 'add' | 'remove' | 'restore' | 'undo' | 'import';
  summary: string;
  changeId?: string;
  undoes?: string;
  /** Changes the draft (a deep copy of the data on disk) and returns the ids of the figures it touched. */
  mutate(draft: Dataset, current: DatasetView): string[];
}

export interface EditResult {
  entry: AuditEntry;
  /** True when this change was already applied earlier (a second Confirm, a replayed request). */
  duplicate: boolean;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The dataset as admins edit it, whichever backend holds it (files in DATA_DIR, or PostgreSQL). */
export interface EditableStore extends DatasetStore {
  edit(request: EditRequest): Promise<EditResult>;
  /** Records a refused change attempt. */
  deny(actor: string, summary: string): Promise<void>;
  readonly audit: { entries(): Promise<AuditEntry[]> };
  /** Follows edits other processes make; returns how to stop. */
  watch(): () => void;
  /** Whether the store can be used now (for /healthz). */
  health(): Promise<StoreHealth>;
}

export type StoreHealth = { ok: true } | { ok: false; reason: string };

/** The audit entry for an edit from `before` to `after`: the figures it touched, old and new. */
export function auditEntryFor(
  request: EditRequest,
  before: Dataset,
  after: Dataset,
  ids: readonly string[],
  at: Date,
): Omit<AuditEntry, 'status'> {
  const find = (d: Dataset, id: string) => d.figures.find((f) => f.id === id) ?? null;
  const changes: FigureChange[] = ids
    .map((id) => ({ id, before: find(before, id), after: find(after, id) }))
    .filter((c) => !sameJson(c.before, c.after));
  return {
    id: randomUUID(),
    at: at.toISOString(),
    actor: request.actor,
    action: request.action,
    summary: request.summary,
    ...(request.changeId ? { changeId: request.changeId } : {}),
    ...(request.undoes ? { undoes: request.undoes } : {}),
    fromVersion: before.version,
    toVersion: after.version,
    changes,
  };
}
