import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { figureSchema } from '../core/dataset/dataset-schema.js';

/**
 * The audit trail of dataset edits, an append-only JSON Lines file beside the dataset. An edit is written
 * ahead as `pending`, then marked `committed` once the dataset file holds it (or `aborted` if it never did),
 * so a crash between the two files is recognised on the next start. Refused attempts are recorded as
 * `denied`.
 */

export const AUDIT_ACTIONS = ['set', 'add', 'remove', 'restore', 'undo', 'import', 'denied'] as const;

const changeSchema = z.strictObject({
  id: z.string(),
  before: figureSchema.nullable(),
  after: figureSchema.nullable(),
});
export type FigureChange = z.infer<typeof changeSchema>;

const entrySchema = z.strictObject({
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

const statusSchema = z.strictObject({
  type: z.literal('status'),
  id: z.string(),
  status: z.enum(['committed', 'aborted']),
  at: z.iso.datetime(),
});

const lineSchema = z.discriminatedUnion('type', [entrySchema, statusSchema]);

export type AuditEntry = Omit<z.infer<typeof entrySchema>, 'status' | 'type'> & {
  status: 'pending' | 'committed' | 'aborted' | 'denied';
};

/** An audit entry as stored whole (PostgreSQL keeps one row per entry, its status beside it). */
export const auditEntrySchema = entrySchema
  .omit({ type: true, status: true })
  .extend({ status: z.enum(['pending', 'committed', 'aborted', 'denied']) });

async function appendLine(path: string, line: unknown): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.appendFile(`${JSON.stringify(line)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class AuditLog {
  constructor(readonly path: string) {}

  /** Every entry, oldest first, with its final status. A torn last line (a crash mid-append) is ignored. */
  async entries(): Promise<AuditEntry[]> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const entries = new Map<string, AuditEntry>();
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let parsed: z.infer<typeof lineSchema>;
      try {
        parsed = lineSchema.parse(JSON.parse(raw));
      } catch {
        continue;
      }
      if (parsed.type === 'entry') {
        const { type: _type, ...entry } = parsed;
        entries.set(parsed.id, entry);
      } else {
        const entry = entries.get(parsed.id);
        if (entry) entry.status = parsed.status;
      }
    }
    return [...entries.values()];
  }

  async begin(entry: Omit<AuditEntry, 'status'>): Promise<void> {
    await appendLine(this.path, { type: 'entry', ...entry, status: 'pending' });
  }

  async finish(id: string, status: 'committed' | 'aborted', at: Date): Promise<void> {
    await appendLine(this.path, { type: 'status', id, status, at: at.toISOString() });
  }

  async deny(entry: Omit<AuditEntry, 'status' | 'changes'>): Promise<void> {
    await appendLine(this.path, { type: 'entry', ...entry, changes: [], status: 'denied' });
  }
}
