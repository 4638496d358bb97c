import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Dataset, datasetSchema } from '../../core/dataset/dataset-schema.js';
import { validateDataset, validateDatasetChecked } from '../../core/dataset/dataset-validation.js';
import { createDatasetView, type DatasetView } from '../../core/dataset/dataset-view.js';
import type { Logger } from '../../core/logger.js';
import { Mutex } from '../../core/mutex.js';
import { type AuditEntry, auditEntrySchema } from '../../core/records/audit-records.js';
import {
  auditEntryFor,
  type EditableStore,
  EditInvalidError,
  type EditRequest,
  type EditResult,
  type StoreHealth,
} from '../../data-admin/editable-store.js';
import {
  MAX_PENDING,
  MAX_PENDING_IMPORTS,
  PENDING_TTL_MS,
  type PendingEdit,
  type PendingRecord,
  type PendingStore,
  pendingRecordSchema,
} from '../../data-admin/pending.js';
import { SCHEMA_FINGERPRINT } from '../files/dataset-file.js';
import type { Database } from './database.js';
import { DatabaseUnavailableError } from './pg-errors.js';

const CHANNEL = 'apb_dataset';
const KEEP_VERSIONS = 20;
/** How often a replica checks the version itself, in case a notification was missed while reconnecting. */
const POLL_MS = 5_000;
const HEALTH_FRESH_MS = 1_000;

/**
 * The dataset in PostgreSQL, for several replicas. An edit is one transaction: the head row locked, the change
 * made on a copy of what the database holds now and validated, the audit entry, the previous version kept,
 * the new head, and a notification every replica follows within a second. A confirmation is applied once
 * (a unique index on committed change ids), whichever replica receives it.
 */
export class PgDatasetStore implements EditableStore {
  private view: DatasetView;
  private stopWatching: (() => void) | null = null;
  private readonly editing = new Mutex();
  private lastHealth: { at: number; result: Promise<StoreHealth>; failures: number } | null = null;

  readonly audit = {
    entries: async (): Promise<AuditEntry[]> => {
      const { rows } = await this.db.query<{ entry: unknown }>('SELECT entry FROM audit_log ORDER BY seq');
      return rows.map((r) => auditEntrySchema.parse(r.entry));
    },
  };

  private constructor(
    private readonly db: Database,
    dataset: Dataset,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {
    this.view = createDatasetView(dataset);
  }

  /** Opens the database's dataset; an empty database is seeded from `seedPath` (the repo's data/dataset.json). */
  static async open(
    db: Database,
    seedPath: string,
    options: { logger: Logger; clock?: () => Date },
  ): Promise<PgDatasetStore> {
    const clock = options.clock ?? (() => new Date());
    await PgDatasetStore.seed(db, seedPath, options.logger);
    return new PgDatasetStore(db, await PgDatasetStore.read(db), options.logger, clock);
  }

  /** Writes the dataset at `seedPath` into an empty database (one replica does; the others find it there). */
  static async seed(db: Database, seedPath: string, logger: Logger): Promise<void> {
    await db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['dataset:seed']);
      const { rowCount } = await client.query('SELECT 1 FROM dataset_head');
      if (rowCount) return;
      const seed = validateDataset(JSON.parse(await readFile(seedPath, 'utf8')), seedPath);
      await client.query('INSERT INTO dataset_head (id, version, data) VALUES (1, $1, $2)', [
        seed.version,
        JSON.stringify(seed),
      ]);
      logger.info('database seeded with the dataset', { version: seed.version, figures: seed.figures.length });
    });
  }

  /** Whether the database answers with a dataset now (asked at most once a second, for /healthz). */
  health(): Promise<StoreHealth> {
    const now = Date.now();
    const last = this.lastHealth;
    if (last && now - last.at < HEALTH_FRESH_MS && last.failures === this.db.unavailableCount) return last.result;
    const result = this.db.query('SELECT version FROM dataset_head WHERE id = 1').then(
      ({ rowCount }): StoreHealth => (rowCount ? { ok: true } : { ok: false, reason: 'dataset missing' }),
      (error: unknown): StoreHealth => ({
        ok: false,
        reason: error instanceof DatabaseUnavailableError ? `database unavailable (${error.reason})` : 'database error',
      }),
    );
    this.lastHealth = { at: now, result, failures: this.db.unavailableCount };
    return result;
  }

  /** The head row's dataset; validated unless the bot wrote it, validated, under the current schema. */
  private static read(db: Database): Promise<Dataset> {
    return db.once(async (client) => {
      const { rows } = await client.query<{ data: string; validated_schema: string | null }>(
        'SELECT data, validated_schema FROM dataset_head WHERE id = 1',
      );
      const row = rows[0];
      if (!row) throw new Error('dataset_head is empty');
      const raw = JSON.parse(row.data) as unknown;
      if (row.validated_schema === SCHEMA_FINGERPRINT) return raw as Dataset;
      const { dataset, changed } = validateDatasetChecked(raw, 'PostgreSQL dataset_head');
      if (!changed) {
        await client.query('UPDATE dataset_head SET validated_schema = $1 WHERE id = 1 AND data = $2', [
          SCHEMA_FINGERPRINT,
          row.data,
        ]);
      }
      return dataset;
    });
  }

  current(): DatasetView {
    return this.view;
  }

  async edit(request: EditRequest): Promise<EditResult> {
    // Edits take the head row's lock one at a time anyway; queueing them here holds one pooled connection instead
    // of one per waiting edit, so a burst of edits cannot starve the pool (or time out waiting for it).
    return this.editing.run(() => this.editNow(request));
  }

  private async editNow(request: EditRequest): Promise<EditResult> {
    const outcome = await this.db.transaction(
      async (client) => {
        const { rows } = await client.query<{ data: string }>('SELECT data FROM dataset_head WHERE id = 1 FOR UPDATE');
        // The locked row as it is now; it was validated when written (the bot writes only validated data).
        const fresh = JSON.parse(rows[0]?.data ?? 'null') as Dataset;
        if (!fresh) throw new Error('dataset_head is empty');
        if (request.changeId) {
          const done = await client.query<{ entry: unknown }>(
            "SELECT entry FROM audit_log WHERE change_id = $1 AND status = 'committed'",
            [request.changeId],
          );
          if (done.rows[0])
            return { entry: auditEntrySchema.parse(done.rows[0].entry), duplicate: true, dataset: fresh };
        }
        const view = fresh.version === this.view.version ? this.view : createDatasetView(fresh);
        const draft = structuredClone(fresh);
        const ids = [...new Set(request.mutate(draft, view))];
        draft.version = fresh.version + 1;
        draft.updatedAt = this.clock().toISOString();
        const parsed = datasetSchema.safeParse(draft);
        if (!parsed.success) throw new EditInvalidError(parsed.error.issues, draft);
        const entry: AuditEntry = {
          ...auditEntryFor(request, fresh, parsed.data, ids, this.clock()),
          status: 'committed',
        };
        await client.query(
          'INSERT INTO dataset_versions (version, data) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING',
          [fresh.version, JSON.stringify(fresh)],
        );
        await client.query('DELETE FROM dataset_versions WHERE version <= $1', [fresh.version - KEEP_VERSIONS]);
        await client.query('INSERT INTO audit_log (id, status, change_id, entry, at) VALUES ($1, $2, $3, $4, $5)', [
          entry.id,
          entry.status,
          entry.changeId ?? null,
          JSON.stringify(entry),
          entry.at,
        ]);
        await client.query(
          'UPDATE dataset_head SET version = $1, data = $2, validated_schema = $3, updated_at = now() WHERE id = 1',
          [parsed.data.version, JSON.stringify(parsed.data), SCHEMA_FINGERPRINT],
        );
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, String(parsed.data.version)]);
        return { entry, duplicate: false, dataset: parsed.data };
      },
      { closeAfter: true },
    );
    if (outcome.dataset.version !== this.view.version) this.view = createDatasetView(outcome.dataset);
    return { entry: outcome.entry, duplicate: outcome.duplicate };
  }

  async deny(actor: string, summary: string): Promise<void> {
    const entry: AuditEntry = {
      id: randomUUID(),
      at: this.clock().toISOString(),
      actor,
      action: 'denied',
      summary,
      changes: [],
      status: 'denied',
    };
    await this.db.query('INSERT INTO audit_log (id, status, entry, at) VALUES ($1, $2, $3, $4)', [
      entry.id,
      entry.status,
      JSON.stringify(entry),
      entry.at,
    ]);
  }

  /** Reloads when another replica's edit is announced, and every few seconds checks the version anyway. */
  watch(): () => void {
    if (this.stopWatching) return this.stopWatching;
    let closed = false;
    let unlisten: (() => Promise<void>) | null = null;
    const listen = async () => {
      if (closed) return;
      try {
        unlisten = await this.db.listen(
          CHANNEL,
          (payload) => {
            if (Number(payload) !== this.view.version) void this.refresh();
          },
          () => {
            unlisten = null;
            if (!closed) setTimeout(() => void listen(), 1000).unref();
          },
        );
        await this.refresh();
      } catch {
        if (!closed) setTimeout(() => void listen(), 1000).unref();
      }
    };
    void listen();
    const poll = setInterval(() => void this.refresh(), POLL_MS);
    poll.unref();
    this.stopWatching = () => {
      closed = true;
      clearInterval(poll);
      void unlisten?.();
      this.stopWatching = null;
    };
    return this.stopWatching;
  }

  async refresh(): Promise<void> {
    try {
      const { rows } = await this.db.query<{ version: number }>('SELECT version FROM dataset_head WHERE id = 1');
      if (rows[0] && rows[0].version !== this.view.version)
        this.view = createDatasetView(await PgDatasetStore.read(this.db));
    } catch (error) {
      this.logger.warn('dataset not refreshed from PostgreSQL; keeping the last version', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** Every version kept (the newest twenty before the head), newest first. */
  async versions(): Promise<number[]> {
    const { rows } = await this.db.query<{ version: number }>(
      'SELECT version FROM dataset_versions ORDER BY version DESC',
    );
    return rows.map((r) => r.version);
  }
}

export class PgPendingEdits implements PendingStore {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  async put(actor: string, summary: string, edit: PendingEdit): Promise<string> {
    const changeId = randomUUID();
    const now = this.clock();
    const record: PendingRecord = { changeId, actor, summary, createdAt: now.toISOString(), edit };
    await this.db.query('DELETE FROM pending_edits WHERE created_at < $1', [new Date(now.getTime() - PENDING_TTL_MS)]);
    // Within the caps, newest kept: import previews (the large ones) first, then all previews.
    await this.db.query(
      `DELETE FROM pending_edits WHERE change_id IN (
         SELECT change_id FROM pending_edits WHERE record->'edit'->>'action' = 'import'
         ORDER BY created_at DESC OFFSET $1)`,
      [MAX_PENDING_IMPORTS - 1],
    );
    await this.db.query(
      'DELETE FROM pending_edits WHERE change_id IN (SELECT change_id FROM pending_edits ORDER BY created_at DESC OFFSET $1)',
      [MAX_PENDING - 1],
    );
    await this.db.query('INSERT INTO pending_edits (change_id, record, created_at) VALUES ($1, $2, $3)', [
      changeId,
      JSON.stringify(pendingRecordSchema.parse(record)),
      record.createdAt,
    ]);
    return changeId;
  }

  async get(changeId: string): Promise<PendingRecord | undefined> {
    const { rows } = await this.db.query<{ record: unknown }>('SELECT record FROM pending_edits WHERE change_id = $1', [
      changeId,
    ]);
    const record = rows[0] ? pendingRecordSchema.parse(rows[0].record) : undefined;
    return record && this.clock().getTime() - Date.parse(record.createdAt) < PENDING_TTL_MS ? record : undefined;
  }

  async drop(changeId: string): Promise<void> {
    await this.db.query('DELETE FROM pending_edits WHERE change_id = $1', [changeId]);
  }
}
