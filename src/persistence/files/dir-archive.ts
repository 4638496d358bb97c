import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { datasetSchema } from '../../core/dataset/dataset-schema.js';
import { validateDataset } from '../../core/dataset/dataset-validation.js';
import type { AuditEntry } from '../../core/records/audit-records.js';
import { ledgerFileSchema, subscriptionsFileSchema } from '../../core/records/digest-records.js';
import { pendingRecordSchema } from '../../data-admin/pending.js';
import { preferencesFileSchema } from '../../preferences/preferences.js';
import type { ArchiveSource, ArchiveTarget, StateArchive } from '../transfer.js';
import { AuditLog } from './audit-file.js';

/** A DATA_DIR as a state archive, in the files' own formats (what the bot on files reads and writes). */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function readJson(path: string): Promise<unknown | null> {
  return readFile(path, 'utf8').then(
    (t) => JSON.parse(t) as unknown,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
}

async function names(dir: string, pattern: RegExp): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => pattern.test(n));
}

async function readVersions(dir: string) {
  const files = await names(join(dir, 'backups'), /^dataset-v\d+\.json$/);
  return Promise.all(files.map(async (n) => datasetSchema.parse(await readJson(join(dir, 'backups', n)))));
}

async function readSnapshots(dir: string) {
  const files = await names(join(dir, 'digest-snapshots'), /\.json$/);
  return Promise.all(
    files.map(async (n) => ({ hash: n.slice(0, -5), data: await readFile(join(dir, 'digest-snapshots', n), 'utf8') })),
  );
}

async function read(dir: string): Promise<StateArchive> {
  const pendingFile = (await readJson(join(dir, 'pending-edits.json'))) as { pending?: unknown[] } | null;
  const subs = (await readJson(join(dir, 'subscriptions.json'))) ?? { schemaVersion: 1, subscriptions: [] };
  const ledger = (await readJson(join(dir, 'digest-ledger.json'))) ?? { schemaVersion: 1, entries: [] };
  const prefs = (await readJson(join(dir, 'preferences.json'))) ?? { schemaVersion: 1, users: {} };
  return {
    dataset: validateDataset(await readJson(join(dir, 'dataset.json')), join(dir, 'dataset.json')),
    versions: await readVersions(dir),
    audit: await new AuditLog(join(dir, 'audit.jsonl')).entries(),
    pending: (pendingFile?.pending ?? []).map((p) => pendingRecordSchema.parse(p)),
    subscriptions: subscriptionsFileSchema.parse(subs).subscriptions,
    ledger: ledgerFileSchema.parse(ledger).entries,
    snapshots: await readSnapshots(dir),
    preferences: preferencesFileSchema.parse(prefs).users,
  };
}

/** Aborted edits are a pending entry and an aborted status, as the audit log writes them. */
function auditLines(audit: readonly AuditEntry[]): string {
  const lines = audit.flatMap((e) =>
    e.status === 'aborted'
      ? [
          { type: 'entry', ...e, status: 'pending' },
          { type: 'status', id: e.id, status: 'aborted', at: e.at },
        ]
      : [{ type: 'entry', ...e }],
  );
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
}

async function write(dir: string, a: StateArchive): Promise<void> {
  await mkdir(join(dir, 'backups'), { recursive: true });
  await mkdir(join(dir, 'digest-snapshots'), { recursive: true });
  await writeFileAtomic(join(dir, 'dataset.json'), json(a.dataset));
  for (const v of a.versions) {
    await writeFileAtomic(join(dir, 'backups', `dataset-v${String(v.version).padStart(6, '0')}.json`), json(v));
  }
  await writeFileAtomic(join(dir, 'audit.jsonl'), auditLines(a.audit));
  await writeFileAtomic(join(dir, 'pending-edits.json'), json({ schemaVersion: 1, pending: a.pending }));
  const subscriptions = subscriptionsFileSchema.parse({ schemaVersion: 1, subscriptions: a.subscriptions });
  await writeFileAtomic(join(dir, 'subscriptions.json'), json(subscriptions));
  await writeFileAtomic(
    join(dir, 'digest-ledger.json'),
    json(ledgerFileSchema.parse({ schemaVersion: 1, entries: a.ledger })),
  );
  for (const s of a.snapshots) await writeFileAtomic(join(dir, 'digest-snapshots', `${s.hash}.json`), s.data);
  const users = preferencesFileSchema.parse({ schemaVersion: 1, users: a.preferences });
  await writeFileAtomic(join(dir, 'preferences.json'), json(users));
}

export function dirArchive(dir: string): ArchiveSource & ArchiveTarget {
  return { read: () => read(dir), write: (archive) => write(dir, archive) };
}
