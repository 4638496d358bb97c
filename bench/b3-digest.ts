import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { SlackDigestPoster } from '../src/adapters/slack/digest-poster.js';
import { backgroundClientOptions } from '../src/adapters/slack/slack-client.js';
import { digestComposer } from '../src/briefings/digest/digest-composer.js';
import { createLogger } from '../src/core/logger.js';
import type { Subscription } from '../src/core/records/digest-records.js';
import { createDigestService } from '../src/digests/digest-service.js';
import { openDatasetStore } from '../src/persistence/files/dataset-file.js';
import { openFilesBackend } from '../src/persistence/files/files-backend.js';
import { Database } from '../src/persistence/pg/database.js';
import { PgDigestLedger, PgSnapshotBlobs, PgSubscriptionStore } from '../src/persistence/pg/digest-tables.js';
import { migrate } from '../src/persistence/pg/migrate.js';
import { ROOT } from './child.js';
import { createDatabase } from './pg.js';
import { dataDirCopy, startSlack } from './processes.js';
import { ratio, round } from './stats.js';

/**
 * B3: one scheduled slot for many subscribed channels against a fake Slack that allows one message a second per
 * channel and answers a share of calls with 429 and Retry-After. Every channel must get exactly one digest; the
 * wall time is compared with the least any fan-out could take under those waits.
 */

export interface B3Result {
  backend: 'files' | 'postgres';
  replicas: number;
  channels: number;
  wallMs: number;
  idealMs: number;
  ratio: number;
  topLevelPerChannel: { min: number; max: number };
  threadReplies: number;
  throttled: number;
  /** 429s the bot caused by posting to a channel too soon (should be none). */
  tooSoon: number;
  report: { posted: number; skipped: number; failed: number };
  /** Each replica's own report and, for processes, how long its run took. */
  perReplica: { posted: number; skipped: number; failed: number; ms?: number }[];
}

const SLOT = new Date('2026-11-30T00:00:30Z'); // Monday 09:00:30 in Seoul
const GAP_MS = 1000;
const RETRY_AFTER_S = 1;

function subscription(channelId: string): Subscription {
  return {
    channelId,
    frequency: 'weekly',
    days: ['mon'],
    time: '09:00',
    timezone: 'Asia/Seoul',
    locale: channelId.endsWith('1') ? 'en' : 'ko',
    skipDates: [],
    paused: null,
    notices: {},
    createdBy: 'U0BENCH',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

type Counts = { posted: number; skipped: number; failed: number; ms?: number };

type Go = () => Promise<Counts[]>;

/** A replica's digest service as B3 runs it: the bot's own, against the fake Slack, with the clock at the slot. */
export async function benchDigestService(dataDir: string, slackUrl: string, slot: Date, database?: Database) {
  return createDigestService({
    state: database
      ? {
          subscriptions: new PgSubscriptionStore(database),
          ledger: new PgDigestLedger(database),
          snapshots: new PgSnapshotBlobs(database),
        }
      : (await openFilesBackend(dataDir, createLogger({ level: 'error' }))).digestState,
    composer: digestComposer,
    store: await openDatasetStore(join(dataDir, 'dataset.json')),
    poster: new SlackDigestPoster(new WebClient('xoxb-bench-digest', backgroundClientOptions(`${slackUrl}/api/`))),
    adminUserIds: [],
    focusCountry: 'KR',
    defaults: { timezone: 'Asia/Seoul', locale: 'ko' },
    logger: createLogger({ level: 'error', secrets: database ? [database.url] : [] }),
    clock: () => slot,
  });
}

/** One runner in this process, on files, subscribed and ready to run the slot. */
async function prepareInProcess(dataDir: string, slackUrl: string, ids: string[]): Promise<Go> {
  const service = await benchDigestService(dataDir, slackUrl, SLOT);
  await Promise.all(ids.map((id) => service.subscriptions.change(id, () => subscription(id))));
  return async () => {
    const report = await service.runner.runDue(SLOT);
    return [{ posted: report.posted.length, skipped: report.skipped.length, failed: report.failed.length }];
  };
}

/** A replica process, open and waiting for the word to run the slot. */
async function startReplica(dataDir: string, url: string, slackUrl: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/b3-replica.ts', dataDir, url, slackUrl, SLOT.toISOString()],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  const exited = once(child, 'exit');
  while (!out.includes('READY')) {
    if (child.exitCode !== null) throw new Error(`B3 replica exited ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    run: async (): Promise<Counts> => {
      child.stdin.write('go\n');
      await exited;
      return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Counts;
    },
  };
}

/** Several replica processes on one PostgreSQL database, started and waiting to be told to run at the same moment. */
async function prepareReplicas(replicas: number, url: string, slackUrl: string, ids: string[]): Promise<Go> {
  const logger = createLogger({ level: 'error', secrets: [url] });
  await migrate(url);
  const database = new Database(url, logger);
  try {
    const subscriptions = new PgSubscriptionStore(database);
    await Promise.all(ids.map((id) => subscriptions.change(id, () => subscription(id))));
  } finally {
    await database.close();
  }
  const ready = await Promise.all(Array.from({ length: replicas }, () => startReplica(dataDirCopy(), url, slackUrl)));
  return () => Promise.all(ready.map((r) => r.run()));
}

export async function runB3(options: {
  channels: number;
  rateLimitShare: number;
  /** PostgreSQL server where a database may be created; with it, `replicas` processes share one database. */
  databaseAdminUrl?: string;
  replicas?: number;
}): Promise<B3Result> {
  const slack = await startSlack({
    channelGapMs: GAP_MS,
    rateLimitShare: options.rateLimitShare,
    retryAfterSeconds: RETRY_AFTER_S,
  });
  const pgDb = options.databaseAdminUrl ? await createDatabase(options.databaseAdminUrl) : null;
  try {
    const replicas = pgDb ? (options.replicas ?? 3) : 1;
    const ids = Array.from({ length: options.channels }, (_, i) => `C${String(i).padStart(6, '0')}`);
    const go = pgDb
      ? await prepareReplicas(replicas, pgDb.url, slack.url, ids)
      : await prepareInProcess(dataDirCopy(), slack.url, ids);
    const started = performance.now();
    const reports = await go();
    const wallMs = performance.now() - started;
    const report = {
      posted: sum(reports.map((r) => r.posted)),
      skipped: sum(reports.map((r) => r.skipped)),
      failed: sum(reports.map((r) => r.failed)),
    };
    const stats = await slack.stats();
    const perChannel = new Map<string, { top: number; all: number; throttled: number }>();
    for (const id of ids) perChannel.set(id, { top: 0, all: 0, throttled: 0 });
    for (const p of stats.posted) {
      const c = perChannel.get(p.channel);
      if (!c) continue;
      c.all += 1;
      if (!p.threadTs) c.top += 1;
    }
    for (const t of stats.throttled.filter((x) => x.injected)) {
      const c = perChannel.get(t.channel);
      if (c) c.throttled += 1;
    }
    // No fan-out can beat, for its slowest channel, the spacing between that channel's own messages plus the
    // waits Slack asked of it; channels are independent of each other.
    const idealMs = Math.max(
      ...[...perChannel.values()].map((c) => (c.all - 1) * GAP_MS + c.throttled * RETRY_AFTER_S * 1000),
    );
    const tops = [...perChannel.values()].map((c) => c.top);
    return {
      backend: pgDb ? 'postgres' : 'files',
      replicas,
      channels: options.channels,
      wallMs: round(wallMs, 0),
      idealMs,
      ratio: ratio(wallMs, idealMs),
      topLevelPerChannel: { min: Math.min(...tops), max: Math.max(...tops) },
      threadReplies: stats.posted.filter((p) => p.threadTs).length,
      throttled: stats.throttled.filter((t) => t.injected).length,
      tooSoon: stats.throttled.filter((t) => !t.injected).length,
      report,
      perReplica: reports,
    };
  } finally {
    await slack.stop();
    await pgDb?.drop();
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
