import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { Locale } from '../core/i18n/locale.js';
import type { Logger } from '../core/logger.js';
import type { DigestComposer, DigestSummarizer } from './channel-digest.js';
import { DeliveryError, type DigestPoster } from './delivery.js';
import { DigestHealth } from './health.js';
import type { DigestLedger } from './ledger.js';
import { DigestRunner, type RunnerOptions } from './runner.js';
import { DigestScheduler } from './scheduler.js';
import { type SnapshotBlobs, SnapshotStore } from './snapshot-store.js';
import type { SubscriptionStore } from './subscriptions.js';

/** Everything the /ai-digest command and the scheduler share, built once by the container. */
export interface DigestService {
  subscriptions: SubscriptionStore;
  ledger: DigestLedger;
  runner: DigestRunner;
  health: DigestHealth;
  /** Wakes the runner on each subscription's schedule; started only by a bot that serves Slack. */
  scheduler: DigestScheduler;
  defaults: { timezone: string; locale: Locale };
  /** Whether digests can reach Slack (false in the local console). */
  connected: boolean;
  /** After a subscription changes: the scheduler follows (if it runs). */
  changed(): Promise<void>;
  /** When the channel's next digest goes out, by the running scheduler; null if none runs. */
  nextRun(channelId: string): Date | null;
}

/** Without Slack (the console), a digest can be previewed but not posted. */
export const offlinePoster: DigestPoster = {
  post: () => Promise.reject(new DeliveryError('rejected', 'not_connected')),
  findPosted: () => Promise.resolve(null),
  notify: () => Promise.resolve(),
};

/** Where digest state lives (files in DATA_DIR, or PostgreSQL): the persistence backend provides it. */
export interface DigestState {
  subscriptions: SubscriptionStore;
  ledger: DigestLedger;
  snapshots: SnapshotBlobs;
}

export interface DigestServiceOptions {
  state: DigestState;
  store: DatasetStore;
  composer: DigestComposer;
  /** Null without a Slack bot token: digests can be previewed, not posted. */
  poster: DigestPoster | null;
  adminUserIds: readonly string[];
  focusCountry: string;
  defaults: { timezone: string; locale: Locale };
  logger: Logger;
  clock?: () => Date;
  runner?: Partial<RunnerOptions>;
  summarize?: DigestSummarizer;
}

export function createDigestService(options: DigestServiceOptions): DigestService {
  const clock = options.clock ?? (() => new Date());
  const { subscriptions, ledger } = options.state;
  const health = new DigestHealth(clock);
  const runner = new DigestRunner({
    subscriptions,
    ledger,
    snapshots: new SnapshotStore(options.state.snapshots),
    store: options.store,
    composer: options.composer,
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
  const scheduler = new DigestScheduler(runner, subscriptions, options.logger, clock);
  return {
    subscriptions,
    ledger,
    runner,
    health,
    scheduler,
    defaults: options.defaults,
    connected: options.poster !== null,
    changed: () => scheduler.reload(),
    nextRun: (channelId) => scheduler.nextRun(channelId),
  };
}
