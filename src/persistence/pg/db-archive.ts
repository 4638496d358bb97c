import type pg from 'pg';
import { datasetSchema } from '../../core/dataset/dataset-schema.js';
import { validateDataset } from '../../core/dataset/dataset-validation.js';
import { auditEntrySchema } from '../../core/records/audit-records.js';
import { ledgerFileSchema, subscriptionsFileSchema } from '../../core/records/digest-records.js';
import { pendingRecordSchema } from '../../data-admin/pending.js';
import type { ArchiveSource, ArchiveTarget, StateArchive } from '../transfer.js';
import type { Database } from './database.js';
import { PgPreferenceStore } from './preference-table.js';

/** A PostgreSQL database as a state archive: read in full, or written in one transaction. */

const TABLES = [
  'dataset_head',
  'dataset_versions',
  'audit_log',
  'pending_edits',
  'subscriptions',
  'digest_ledger',
  'digest_snapshots',
  'user_preferences',
];

async function rows<R extends pg.QueryResultRow>(db: Database, sql: string): Promise<R[]> {
  return (await db.query<R>(sql)).rows;
}

async function read(db: Database): Promise<StateArchive> {
  const head = (await rows<{ data: string }>(db, 'SELECT data FROM dataset_head WHERE id = 1'))[0];
  if (!head) throw new Error('the database holds no dataset');
  const versions = await rows<{ data: string }>(db, 'SELECT data FROM dataset_versions ORDER BY version');
  const audit = await rows<{ entry: unknown }>(db, 'SELECT entry FROM audit_log ORDER BY seq');
  const pending = await rows<{ record: unknown }>(db, 'SELECT record FROM pending_edits ORDER BY created_at');
  const subs = await rows<{ data: unknown }>(db, 'SELECT data FROM subscriptions ORDER BY channel_id');
  const ledger = await rows<{ entry: unknown }>(db, 'SELECT entry FROM digest_ledger ORDER BY slot, key');
  return {
    dataset: validateDataset(JSON.parse(head.data), 'PostgreSQL dataset_head'),
    versions: versions.map((v) => datasetSchema.parse(JSON.parse(v.data))),
    audit: audit.map((r) => auditEntrySchema.parse(r.entry)),
    pending: pending.map((r) => pendingRecordSchema.parse(r.record)),
    subscriptions: subscriptionsFileSchema.parse({ schemaVersion: 1, subscriptions: subs.map((r) => r.data) })
      .subscriptions,
    ledger: ledgerFileSchema.parse({ schemaVersion: 1, entries: ledger.map((r) => r.entry) }).entries,
    snapshots: await rows<{ hash: string; data: string }>(db, 'SELECT hash, data FROM digest_snapshots'),
    preferences: await new PgPreferenceStore(db).all(),
  };
}

/** Every row of the archive, as (SQL, values) pairs in insertion order. */
function inserts(a: StateArchive): [string, unknown[]][] {
  const q = (sql: string, values: unknown[]): [string, unknown[]] => [sql, values];
  return [
    q('INSERT INTO dataset_head (id, version, data) VALUES (1, $1, $2)', [
      a.dataset.version,
      JSON.stringify(a.dataset),
    ]),
    ...a.versions.map((v) =>
      q('INSERT INTO dataset_versions (version, data) VALUES ($1, $2)', [v.version, JSON.stringify(v)]),
    ),
    ...a.audit.map((e) =>
      q('INSERT INTO audit_log (id, status, change_id, entry, at) VALUES ($1, $2, $3, $4, $5)', [
        e.id,
        e.status,
        e.changeId ?? null,
        JSON.stringify(e),
        e.at,
      ]),
    ),
    ...a.pending.map((p) =>
      q('INSERT INTO pending_edits (change_id, record, created_at) VALUES ($1, $2, $3)', [
        p.changeId,
        JSON.stringify(p),
        p.createdAt,
      ]),
    ),
    ...a.subscriptions.map((s) =>
      q('INSERT INTO subscriptions (channel_id, data) VALUES ($1, $2)', [s.channelId, JSON.stringify(s)]),
    ),
    ...a.ledger.map((e) =>
      q('INSERT INTO digest_ledger (key, channel_id, slot, entry) VALUES ($1, $2, $3, $4)', [
        e.key,
        e.channelId,
        e.slot,
        JSON.stringify(e),
      ]),
    ),
    ...a.snapshots.map((s) => q('INSERT INTO digest_snapshots (hash, data) VALUES ($1, $2)', [s.hash, s.data])),
    ...Object.entries(a.preferences).map(([userId, prefs]) =>
      q('INSERT INTO user_preferences (user_id, data) VALUES ($1, $2)', [userId, JSON.stringify(prefs)]),
    ),
  ];
}

async function write(db: Database, archive: StateArchive, options: { replace: boolean }): Promise<void> {
  await db.transaction(async (client) => {
    const held = await client.query('SELECT 1 FROM dataset_head');
    if (held.rowCount && !options.replace) throw new Error('the database already holds a dataset (use --replace)');
    for (const table of TABLES) await client.query(`DELETE FROM ${table}`);
    for (const [sql, values] of inserts(archive)) await client.query(sql, values);
  });
}

export function dbArchive(db: Database): ArchiveSource & ArchiveTarget {
  return { read: () => read(db), write: (archive, options) => write(db, archive, options) };
}
