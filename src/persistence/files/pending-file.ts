import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  PENDING_TTL_MS,
  type PendingEdit,
  type PendingRecord,
  type PendingStore,
  pendingFileSchema,
  prune,
} from '../../data-admin/pending.js';
import { StateFile } from './state-file.js';

/** Previews waiting for Confirm, in DATA_DIR/pending-edits.json. */
export class PendingEdits implements PendingStore {
  private readonly file: StateFile<z.infer<typeof pendingFileSchema>>;

  constructor(
    dataDir: string,
    private readonly clock: () => Date,
  ) {
    this.file = new StateFile(join(dataDir, 'pending-edits.json'), pendingFileSchema, () => ({
      schemaVersion: 1,
      pending: [],
    }));
  }

  /** Keeps an edit for an hour; returns its change id. */
  put(actor: string, summary: string, edit: PendingEdit): Promise<string> {
    const changeId = randomUUID();
    const now = this.clock();
    return this.file.update((draft) => {
      draft.pending = prune(draft.pending, now);
      draft.pending.push({ changeId, actor, summary, createdAt: now.toISOString(), edit });
      return changeId;
    });
  }

  async get(changeId: string): Promise<PendingRecord | undefined> {
    const now = this.clock().getTime();
    const record = (await this.file.read()).pending.find((p) => p.changeId === changeId);
    return record && now - Date.parse(record.createdAt) < PENDING_TTL_MS ? record : undefined;
  }

  async drop(changeId: string): Promise<void> {
    await this.file.update((draft) => {
      draft.pending = draft.pending.filter((p) => p.changeId !== changeId);
    });
  }
}
