import { randomUUID } from 'node:crypto';
import { constants, unwatchFile, watchFile } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { type Dataset, datasetSchema } from '../../core/dataset/dataset-schema.js';
import { createDatasetView, type DatasetView } from '../../core/dataset/dataset-view.js';
import { EditInvalidError, SaveError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { Mutex } from '../../core/mutex.js';
import type { AuditEntry } from '../../core/records/audit-records.js';
import {
  auditEntryFor,
  type EditableStore,
  type EditRequest,
  type EditResult,
  type StoreHealth,
} from '../../data-admin/editable-store.js';
import { AuditLog } from './audit-file.js';
import { BackupStore } from './backup-files.js';
import { loadDataset, recordValidated } from './dataset-file.js';
import { acquireLock } from './file-lock.js';

/**
 * The dataset as an editable store. Every edit runs under an in-process mutex and a lock shared with other
 * processes on the same DATA_DIR, starts from the file on disk, is built on a copy and validated in full; then
 * the audit entry is written ahead, the previous version backed up, the file replaced atomically and the entry
 * committed. Only then does the in-memory view change, so a failed edit changes nothing anywhere.
 */
export class EditableDatasetStore implements EditableStore {
  readonly audit: AuditLog;
  readonly backups: BackupStore;
  private readonly mutex = new Mutex();
  private view: DatasetView;
  private watching = false;

  private constructor(
    readonly path: string,
    dataset: Dataset,
    dataDir: string,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {
    this.view = createDatasetView(dataset);
    this.audit = new AuditLog(join(dataDir, 'audit.jsonl'));
    this.backups = new BackupStore(join(dataDir, 'backups'));
  }

  static async open(dataDir: string, options: { logger: Logger; clock?: () => Date }): Promise<EditableDatasetStore> {
    const path = join(dataDir, 'dataset.json');
    const dataset = await readDataset(path);
    const store = new EditableDatasetStore(path, dataset, dataDir, options.logger, options.clock ?? (() => new Date()));
    await store.locked(() => store.recover());
    return store;
  }

  current(): DatasetView {
    return this.view;
  }

  /** Follows edits made by another process (the CLI) on the same file. */
  /** The dataset file must still be there to read; a missing file (a deleted volume) is not a store. */
  async health(): Promise<StoreHealth> {
    try {
      await access(this.path, constants.R_OK);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `dataset file unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }

  watch(intervalMs = 1000): () => void {
    if (!this.watching) {
      this.watching = true;
      watchFile(this.path, { interval: intervalMs }, () => void this.refresh());
    }
    return () => {
      unwatchFile(this.path);
      this.watching = false;
    };
  }

  async refresh(): Promise<void> {
    try {
      const onDisk = await readDataset(this.path);
      if (onDisk.version !== this.view.version) this.view = createDatasetView(onDisk);
    } catch (error) {
      this.logger.error('dataset file changed but cannot be read; keeping the last good version', { error });
    }
  }

  edit(request: EditRequest): Promise<EditResult> {
    return this.mutex.run(() => this.locked(() => this.apply(request)));
  }

  /** Records a refused change attempt. */
  async deny(actor: string, summary: string): Promise<void> {
    await this.mutex.run(() =>
      this.locked(() =>
        this.audit.deny({ id: randomUUID(), at: this.clock().toISOString(), actor, action: 'denied', summary }),
      ),
    );
  }

  private async apply(request: EditRequest): Promise<EditResult> {
    const fresh = await readDataset(this.path);
    if (fresh.version !== this.view.version) this.view = createDatasetView(fresh);
    if (request.changeId) {
      const done = (await this.audit.entries()).find(
        (e) => e.changeId === request.changeId && e.status === 'committed',
      );
      if (done) return { entry: done, duplicate: true };
    }
    const draft = structuredClone(fresh);
    const ids = [...new Set(request.mutate(draft, this.view))];
    draft.version = fresh.version + 1;
    draft.updatedAt = this.clock().toISOString();
    const parsed = datasetSchema.safeParse(draft);
    if (!parsed.success) throw new EditInvalidError(parsed.error.issues, draft);
    const entry = auditEntryFor(request, fresh, parsed.data, ids, this.clock());
    await this.save(parsed.data, fresh, entry);
    this.view = createDatasetView(parsed.data);
    return { entry: { ...entry, status: 'committed' }, duplicate: false };
  }

  private async save(next: Dataset, previous: Dataset, entry: Omit<AuditEntry, 'status'>): Promise<void> {
    try {
      await this.audit.begin(entry);
      await this.backups.save(previous);
      const text = `${JSON.stringify(next, null, 2)}\n`;
      await writeFileAtomic(this.path, text);
      // Written from validated data: the next read need not validate it again.
      await recordValidated(this.path, text);
    } catch (error) {
      await this.audit.finish(entry.id, 'aborted', this.clock()).catch(() => undefined);
      throw new SaveError((error as NodeJS.ErrnoException).code ?? 'EIO');
    }
    // The dataset holds the edit now; if this marker is lost, recovery at the next start writes it.
    await this.audit.finish(entry.id, 'committed', this.clock()).catch((error: unknown) => {
      this.logger.warn('audit commit marker not written; it will be recovered at start', { error, entry: entry.id });
    });
  }

  /** Settles entries a crash left pending: committed if the file holds their version, aborted if not. */
  private async recover(): Promise<void> {
    const version = this.view.version;
    for (const entry of await this.audit.entries()) {
      if (entry.status !== 'pending') continue;
      const landed = entry.toVersion !== undefined && version >= entry.toVersion;
      await this.audit.finish(entry.id, landed ? 'committed' : 'aborted', this.clock());
      this.logger.warn('recovered an interrupted edit', { entry: entry.id, status: landed ? 'committed' : 'aborted' });
    }
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await acquireLock(this.path);
    } catch (error) {
      throw new SaveError((error as NodeJS.ErrnoException).code ?? 'ELOCKED');
    }
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }
}

async function readDataset(path: string): Promise<Dataset> {
  return (await loadDataset(path)).dataset;
}
