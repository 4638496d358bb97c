import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { figureSchema } from '../core/dataset/dataset-schema.js';
import { FIELD_NAMES } from '../core/dataset/figure-fields.js';

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
  // An import waits as the changes it makes, not as the whole dataset it would leave (`figures` is how versions
  // before this one kept it; such a preview is still honoured until it expires).
  z.strictObject({
    action: z.literal('import'),
    changes: z.array(z.strictObject({ id: z.string(), after: figureSchema.nullable() })).optional(),
    figures: z.array(figureSchema).optional(),
    baseVersion: z.number().int(),
  }),
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

export const pendingFileSchema = z.strictObject({ schemaVersion: z.literal(1), pending: z.array(pendingRecordSchema) });

export const PENDING_TTL_MS = 60 * 60_000;
/** Previews kept at once, and import previews among them (the only large ones): the oldest go first. */
export const MAX_PENDING = 50;
export const MAX_PENDING_IMPORTS = 3;

/** The previews to keep when one more is added: unexpired, and within the caps (newest kept). */
export function prune(records: readonly PendingRecord[], now: Date): PendingRecord[] {
  const fresh = records.filter((p) => now.getTime() - Date.parse(p.createdAt) < PENDING_TTL_MS);
  const imports = fresh.filter((p) => p.edit.action === 'import').slice(-(MAX_PENDING_IMPORTS - 1));
  return fresh.filter((p) => p.edit.action !== 'import' || imports.includes(p)).slice(-(MAX_PENDING - 1));
}

/** Edits waiting for Confirm, whichever backend keeps them. */
export interface PendingStore {
  put(actor: string, summary: string, edit: PendingEdit): Promise<string>;
  get(changeId: string): Promise<PendingRecord | undefined>;
  drop(changeId: string): Promise<void>;
}

export function newChangeId(): string {
  return randomUUID();
}
