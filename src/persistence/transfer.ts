import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetSchema } from '../core/dataset/dataset-schema.js';
import { validateDataset } from '../core/dataset/dataset-validation.js';
import {
  type LedgerFile,
  ledgerFileSchema,
  type SubscriptionsFile,
  subscriptionsFileSchema,
} from '../core/records/digest-records.js';
import { AuditLog, auditEntrySchema } from '../data-admin/audit.js';
import { pendingRecordSchema } from '../data-admin/pending.js';
import { preferencesFileSchema } from '../preferences/preferences.js';
import { writeFileAtomic } from './files/atomic-write.js';
import type { Database } from './pg/database.js';
import { PgPreferenceStore } from './pg/preference-table.js';

/**
 * `cli data export` and `cli data import`: a DATA_DIR's whole state (dataset, kept versions, audit, pending
 * previews, subscriptions, digest ledger and snapshots, users' preferences) into PostgreSQL and back, in the
 * files' own formats.
 */

export interface TransferCounts {
  version: number;
  versions: number;
  audit: number;
  pending: number;
  subscriptions: number;
  ledger: number;
  snapshots: number;
  preferences: number;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const readJson = async (path: string): Promise<unknown | null> =>
  readFile(path, 'utf8').then(
    (t) => JSON.parse(t) as unknown,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );

export async function exportToDir(db: Database, dir: string): Promise<TransferCounts> {
  await mkdir(join(dir, 'backups'), { recursive: true });
  await mkdir(join(dir, 'digest-snapshots'), { recursive: true });
  const head = (await db.query<{ data: string }>('SELECT data FROM dataset_head WHERE id = 1')).rows[0];
  if (!head) throw new Error('the database holds no dataset');
  const dataset = validateDataset(JSON.parse(head.data), 'PostgreSQL dataset_head');
  await writeFileAtomic(join(dir, 'dataset.json'), json(dataset));
  const versions = (await db.query<{ version: number; data: string }>('SELECT version, data FROM dataset_versions'))
    .rows;
  for (const v of versions) {
    await writeFileAtomic(
      join(dir, 'backups', `dataset-v${String(v.version).padStart(6, '0')}.json`),
      json(JSON.parse(v.data)),
    );
  }
  const audit = (await db.query<{ entry: unknown }>('SELECT entry FROM audit_log ORDER BY seq')).rows.map((r) =>
    auditEntrySchema.parse(r.entry),
  );
  const lines = audit.flatMap((e) =>
    e.status === 'aborted'
      ? [
          { type: 'entry', ...e, status: 'pending' },
          { type: 'status', id: e.id, status: 'aborted', at: e.at },
        ]
      : [{ type: 'entry', ...e }],
  );
  await writeFileAtomic(join(dir, 'audit.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const pending = (await db.query<{ record: unknown }>('SELECT record FROM pending_edits ORDER BY created_at')).rows;
  await writeFileAtomic(
    join(dir, 'pending-edits.json'),
    json({ schemaVersion: 1, pending: pending.map((r) => pendingRecordSchema.parse(r.record)) }),
  );
  const subs = (await db.query<{ data: unknown }>('SELECT data FROM subscriptions ORDER BY channel_id')).rows;
  const subscriptions: SubscriptionsFile = subscriptionsFileSchema.parse({
    schemaVersion: 1,
    subscriptions: subs.map((r) => r.data),
  });
  await writeFileAtomic(join(dir, 'subscriptions.json'), json(subscriptions));
  const ledgerRows = (await db.query<{ entry: unknown }>('SELECT entry FROM digest_ledger ORDER BY slot, key')).rows;
  const ledger: LedgerFile = ledgerFileSchema.parse({ schemaVersion: 1, entries: ledgerRows.map((r) => r.entry) });
  await writeFileAtomic(join(dir, 'digest-ledger.json'), json(ledger));
  const snapshots = (await db.query<{ hash: string; data: string }>('SELECT hash, data FROM digest_snapshots')).rows;
  for (const s of snapshots) await writeFileAtomic(join(dir, 'digest-snapshots', `${s.hash}.json`), s.data);
  const users = await new PgPreferenceStore(db).all();
  await writeFileAtomic(join(dir, 'preferences.json'), json(preferencesFileSchema.parse({ schemaVersion: 1, users })));
  return {
    version: dataset.version,
    versions: versions.length,
    audit: audit.length,
    pending: pending.length,
    subscriptions: subscriptions.subscriptions.length,
    ledger: ledger.entries.length,
    snapshots: snapshots.length,
    preferences: Object.keys(users).length,
  };
}

/** Loads a DATA_DIR into an empty database (or replaces what it holds with `replace`), in one transaction. */
export async function importFromDir(
  db: Database,
  dir: string,
  options: { replace?: boolean } = {},
): Promise<TransferCounts> {
  const dataset = validateDataset(await readJson(join(dir, 'dataset.json')), join(dir, 'dataset.json'));
  const versionNames = (await readdir(join(dir, 'backups')).catch(() => [] as string[])).filter((n) =>
    /^dataset-v\d+\.json$/.test(n),
  );
  const versions = await Promise.all(
    versionNames.map(async (n) => datasetSchema.parse(await readJson(join(dir, 'backups', n)))),
  );
  const audit = await new AuditLog(join(dir, 'audit.jsonl')).entries();
  const pendingFile = (await readJson(join(dir, 'pending-edits.json'))) as { pending?: unknown[] } | null;
  const pending = (pendingFile?.pending ?? []).map((p) => pendingRecordSchema.parse(p));
  const subs = subscriptionsFileSchema.parse(
    (await readJson(join(dir, 'subscriptions.json'))) ?? { schemaVersion: 1, subscriptions: [] },
  );
  const ledger = ledgerFileSchema.parse(
    (await readJson(join(dir, 'digest-ledger.json'))) ?? { schemaVersion: 1, entries: [] },
  );
  const snapshotNames = (await readdir(join(dir, 'digest-snapshots')).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.json'),
  );
  const snapshots = await Promise.all(
    snapshotNames.map(async (n) => ({
      hash: n.slice(0, -5),
      data: await readFile(join(dir, 'digest-snapshots', n), 'utf8'),
    })),
  );
  const preferences = preferencesFileSchema.parse(
    (await readJson(join(dir, 'preferences.json'))) ?? { schemaVersion: 1, users: {} },
  );
  await db.transaction(async (client) => {
    const held = await client.query('SELECT 1 FROM dataset_head');
    if (held.rowCount && !options.replace) throw new Error('the database already holds a dataset (use --replace)');
    for (const table of [
      'dataset_head',
      'dataset_versions',
      'audit_log',
      'pending_edits',
      'subscriptions',
      'digest_ledger',
      'digest_snapshots',
      'user_preferences',
    ]) {
      await client.query(`DELETE FROM ${table}`);
    }
    await client.query('INSERT INTO dataset_head (id, version, data) VALUES (1, $1, $2)', [
      dataset.version,
      JSON.stringify(dataset),
    ]);
    for (const v of versions)
      await client.query('INSERT INTO dataset_versions (version, data) VALUES ($1, $2)', [
        v.version,
        JSON.stringify(v),
      ]);
    for (const e of audit) {
      await client.query('INSERT INTO audit_log (id, status, change_id, entry, at) VALUES ($1, $2, $3, $4, $5)', [
        e.id,
        e.status,
        e.changeId ?? null,
        JSON.stringify(e),
        e.at,
      ]);
    }
    for (const p of pending) {
      await client.query('INSERT INTO pending_edits (change_id, record, created_at) VALUES ($1, $2, $3)', [
        p.changeId,
        JSON.stringify(p),
        p.createdAt,
      ]);
    }
    for (const s of subs.subscriptions) {
      await client.query('INSERT INTO subscriptions (channel_id, data) VALUES ($1, $2)', [
        s.channelId,
        JSON.stringify(s),
      ]);
    }
    for (const e of ledger.entries) {
      await client.query('INSERT INTO digest_ledger (key, channel_id, slot, entry) VALUES ($1, $2, $3, $4)', [
        e.key,
        e.channelId,
        e.slot,
        JSON.stringify(e),
      ]);
    }
    for (const s of snapshots)
      await client.query('INSERT INTO digest_snapshots (hash, data) VALUES ($1, $2)', [s.hash, s.data]);
    for (const [userId, prefs] of Object.entries(preferences.users))
      await client.query('INSERT INTO user_preferences (user_id, data) VALUES ($1, $2)', [
        userId,
        JSON.stringify(prefs),
      ]);
  });
  return {
    version: dataset.version,
    versions: versions.length,
    audit: audit.length,
    pending: pending.length,
    subscriptions: subs.subscriptions.length,
    ledger: ledger.entries.length,
    snapshots: snapshots.length,
    preferences: Object.keys(preferences.users).length,
  };
}
