import { open, readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { type AuditEntry, lineSchema } from '../../core/records/audit-records.js';

/**
 * The audit trail on files: append-only JSON Lines beside the dataset, each line synced; an entry, then its
 * status. A torn last line (a crash mid-append) is ignored.
 */

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
