import * as z from 'zod';
import { figureSchema } from '../dataset/dataset-schema.js';

/**
 * The audit trail of dataset edits, an append-only JSON Lines file beside the dataset. An edit is written
 * ahead as `pending`, then marked `committed` once the dataset file holds it (or `aborted` if it never did),
 * so a crash between the two files is recognised on the next start. Refused attempts are recorded as
 * `denied`.
 */

export const AUDIT_ACTIONS = ['set', 'add', 'remove', 'restore', 'undo', 'import', 'denied'] as const;

export const changeSchema = z.strictObject({
  id: z.string(),
  before: figureSchema.nullable(),
  after: figureSchema.nullable(),
});
export type FigureChange = z.infer<typeof changeSchema>;

export const entrySchema = z.strictObject({
  type: z.literal('entry'),
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** What was asked, in the admin's words (for denied attempts, what they tried). */
  summary: z.string(),
  /** The confirmation this edit came from, so a second press of Confirm is recognised. */
  changeId: z.string().optional(),
  /** For undo: the entry it reverses. */
  undoes: z.string().optional(),
  fromVersion: z.number().int().optional(),
  toVersion: z.number().int().optional(),
  changes: z.array(changeSchema),
  status: z.enum(['pending', 'committed', 'denied']),
});

export const statusSchema = z.strictObject({
  type: z.literal('status'),
  id: z.string(),
  status: z.enum(['committed', 'aborted']),
  at: z.iso.datetime(),
});

export const lineSchema = z.discriminatedUnion('type', [entrySchema, statusSchema]);

export type AuditEntry = Omit<z.infer<typeof entrySchema>, 'status' | 'type'> & {
  status: 'pending' | 'committed' | 'aborted' | 'denied';
};

/** An audit entry as stored whole (PostgreSQL keeps one row per entry, its status beside it). */
export const auditEntrySchema = entrySchema
  .omit({ type: true, status: true })
  .extend({ status: z.enum(['pending', 'committed', 'aborted', 'denied']) });
