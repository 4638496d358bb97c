import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { figureSchema } from '../store/schema.js';
import { StateFile } from '../store/state-file.js';
import { FIELD_NAMES } from './figure-fields.js';

/**
 * Edits waiting for Confirm. The button carries only the change id; the change itself waits here, so a replayed
 * or double-pressed button finds it already applied, and an edit cannot be forged through the button value.
 */

const fieldsSchema = z.partialRecord(z.enum(FIELD_NAMES), z.string());

export const pendingEditSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('set'), id: z.string(), fields: fieldsSchema, base: z.string() }),
  z.strictObject({ action: z.literal('add'), figure: figureSchema }),
  z.strictObject({ action: z.literal('remove'), id: z.string(), base: z.string() }),
  z.strictObject({ action: z.literal('restore'), id: z.string() }),
  z.strictObject({ action: z.literal('undo'), entry: z.string() }),
  z.strictObject({ action: z.literal('import'), figures: z.array(figureSchema), baseVersion: z.number().int() }),
]);
export type PendingEdit = z.infer<typeof pendingEditSchema>;

export const pendingRecordSchema = z.strictObject({
  changeId: z.string(),
  actor: z.string(),
  summary: z.string(),
  createdAt: z.iso.datetime(),
  edit: pendingEditSchema,
});
export type PendingRecord = z.infer<typeof pendingRecordSchema>;

const fileSchema = z.strictObject({ schemaVersion: z.literal(1), pending: z.array(pendingRecordSchema) });

export const PENDING_TTL_MS = 60 * 60_000;

/** Edits waiting for Confirm, whichever backend keeps them. */
export interface PendingStore {
  put(actor: string, summary: string, edit: PendingEdit): Promise<string>;
  get(changeId: string): Promise<PendingRecord | undefined>;
  drop(changeId: string): Promise<void>;
}

export class PendingEdits implements PendingStore {
  private readonly file: StateFile<z.infer<typeof fileSchema>>;

  constructor(
    dataDir: string,
    private readonly clock: () => Date,
  ) {
    this.file = new StateFile(join(dataDir, 'pending-edits.json'), fileSchema, () => ({
      schemaVersion: 1,
      pending: [],
    }));
  }

  /** Keeps an edit for an hour; returns its change id. */
  put(actor: string, summary: string, edit: PendingEdit): Promise<string> {
    const changeId = randomUUID();
    const now = this.clock();
    return this.file.update((draft) => {
      draft.pending = draft.pending.filter((p) => now.getTime() - Date.parse(p.createdAt) < PENDING_TTL_MS);
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

export function newChangeId(): string {
  return randomUUID();
}
