import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { Locale } from '../core/i18n/locale.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../persistence/pg/database.js';
import { PgDigestLedger, PgSnapshotBlobs, PgSubscriptionStore } from '../persistence/pg/digest-tables.js';
import type { DigestSummarizer } from './channel-digest.js';
import { DeliveryError, type DigestPoster } from './delivery.js';
import { DigestHealth } from './health.js';
import { type DigestLedger, FileDigestLedger } from './ledger.js';
import { DigestRunner, type RunnerOptions } from './runner.js';
import { FileSnapshotBlobs, SnapshotStore } from './snapshot.js';
import { FileSubscriptionStore, type SubscriptionStore } from './subscriptions.js';

/** Everything the /ai-digest command and the scheduler share, built once by the composition root. */
export interface DigestService {
  subscriptions: SubscriptionStore;
  ledger: DigestLedger;
  runner: DigestRunner;
  health: DigestHealth;
  defaults: { timezone: string; locale: Locale };
  /** Whether digests can reach Slack (false in the local console). */
  connected: boolean;
  /** Called after a subscription changes, so the scheduler can follow. */
  changed(): Promise<void>;
  nextRun(channelId: string): Date | null;
}

/** Without Slack (the console), a digest can be previewed but not posted. */
export const offlinePoster: DigestPoster = {
  post: () => Promise.reject(new DeliveryError('rejected', 'not_connected')),
  findPosted: () => Promise.resolve(null),
  notify: () => Promise.resolve(),
};

export interface DigestServiceOptions {
  dataDir: string;
  store: DatasetStore;
  poster: DigestPoster | null;
  adminUserIds: readonly string[];
  focusCountry: string;
  defaults: { timezone: string; locale: Locale };
  logger: Logger;
  clock?: () => Date;
  runner?: Partial<RunnerOptions>;
  summarize?: DigestSummarizer;
  /** With PostgreSQL, the state several replicas share; else files in dataDir. */
  database?: Database;
}

export function createDigestService(options: DigestServiceOptions): DigestService {
  const clock = options.clock ?? (() => new Date());
  const db = options.database;
  const subscriptions = db ? new PgSubscriptionStore(db) : new FileSubscriptionStore(options.dataDir);
  const ledger = db ? new PgDigestLedger(db) : new FileDigestLedger(options.dataDir);
  const blobs = db ? new PgSnapshotBlobs(db) : new FileSnapshotBlobs(join(options.dataDir, 'digest-snapshots'));
  const health = new DigestHealth(clock);
  const runner = new DigestRunner({
    subscriptions,
    ledger,
    snapshots: new SnapshotStore(blobs),
    store: options.store,
    poster: options.poster ?? offlinePoster,
    health,
    adminUserIds: options.adminUserIds,
    focusCountry: options.focusCountry,
    logger: options.logger,
    clock,
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    ...(options.runner ? { options: options.runner } : {}),
    ...(options.summarize ? { summarize: options.summarize } : {}),
  });
  const service: DigestService = {
    subscriptions,
    ledger,
    runner,
    health,
    defaults: options.defaults,
    connected: options.poster !== null,
    changed: async () => {},
    nextRun: () => null,
  };
  return service;
}
