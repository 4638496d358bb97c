import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { SlackDigestPoster } from '../../src/adapters/slack/digest-poster.js';
import { backgroundClientOptions } from '../../src/adapters/slack/slack-client.js';
import { digestComposer } from '../../src/briefings/digest/digest-composer.js';
import type { Subscription } from '../../src/core/records/digest-records.js';
import type { DigestSummarizer } from '../../src/digests/channel-digest.js';
import { createDigestService, type DigestService, type DigestState } from '../../src/digests/digest-service.js';
import type { RunnerOptions } from '../../src/digests/runner.js';
import { openDatasetStore } from '../../src/persistence/files/dataset-file.js';
import { FileDigestLedger } from '../../src/persistence/files/ledger-file.js';
import { FileSnapshotBlobs } from '../../src/persistence/files/snapshot-files.js';
import { FileSubscriptionStore } from '../../src/persistence/files/subscription-file.js';
import type { Database } from '../../src/persistence/pg/database.js';
import { PgDigestLedger, PgSnapshotBlobs, PgSubscriptionStore } from '../../src/persistence/pg/digest-tables.js';
import { FakeSlack } from './fake-slack.js';
import { capturingLogger, DATASET_PATH } from './services.js';

export const BOT_TOKEN = 'xoxb-7000-7001-digestTestBot';
export const ADMINS = ['U0ADMIN1', 'U0ADMIN2'];

/** Digest state as the bot keeps it: files in the DATA_DIR, or PostgreSQL tables. */
export function digestState(dataDir: string, db?: Database): DigestState {
  if (db)
    return {
      subscriptions: new PgSubscriptionStore(db),
      ledger: new PgDigestLedger(db),
      snapshots: new PgSnapshotBlobs(db),
    };
  return {
    subscriptions: new FileSubscriptionStore(dataDir),
    ledger: new FileDigestLedger(dataDir),
    snapshots: new FileSnapshotBlobs(join(dataDir, 'digest-snapshots')),
  };
}

/** A digest service on a fresh DATA_DIR, posting to a fake Slack over real HTTP with a settable clock. */
export async function digestHarness(
  options: {
    runner?: Partial<RunnerOptions>;
    dataDir?: string;
    slack?: FakeSlack;
    apiUrl?: string;
    summarize?: DigestSummarizer;
    /** Digest state in PostgreSQL instead of files in the DATA_DIR. */
    database?: Database;
  } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'apb-digest-'));
  if (!options.dataDir) copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
  const slack = options.slack ?? (await new FakeSlack().start());
  const logger = capturingLogger();
  let now = new Date('2026-11-30T00:00:30Z');
  slack.clock = () => now.getTime();
  const client = new WebClient(BOT_TOKEN, backgroundClientOptions(options.apiUrl ?? `${slack.url}/api/`));
  const service: DigestService = createDigestService({
    state: digestState(dataDir, options.database),
    composer: digestComposer,
    store: await openDatasetStore(join(dataDir, 'dataset.json')),
    poster: new SlackDigestPoster(client),
    adminUserIds: ADMINS,
    focusCountry: 'KR',
    defaults: { timezone: 'Asia/Seoul', locale: 'ko' },
    logger,
    clock: () => now,
    runner: { channelGapMs: 10, ...options.runner },
    ...(options.summarize ? { summarize: options.summarize } : {}),
  });
  return {
    dataDir,
    slack,
    service,
    logger,
    setNow(instant: string | Date) {
      now = new Date(instant);
    },
  };
}

export function subscription(channelId: string, overrides: Partial<Subscription> = {}): Subscription {
  return {
    channelId,
    frequency: 'weekly',
    days: ['mon'],
    time: '09:00',
    timezone: 'Asia/Seoul',
    locale: 'ko',
    skipDates: [],
    paused: null,
    notices: {},
    createdBy: 'U0ADMIN1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export async function subscribe(service: DigestService, ...subs: Subscription[]): Promise<void> {
  for (const sub of subs) await service.subscriptions.change(sub.channelId, () => sub);
}
