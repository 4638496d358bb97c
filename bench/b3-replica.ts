/**
 * One B3 replica in its own process: a digest service on the PostgreSQL database and fake Slack it is given.
 * Prints READY once open, runs the slot when a line arrives on stdin, then prints its report as JSON.
 * Usage: node --import tsx bench/b3-replica.ts <data dir> <database url> <slack url> <slot ISO>
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { SlackDigestPoster } from '../src/digests/delivery.js';
import { createDigestService } from '../src/digests/service.js';
import { createLogger } from '../src/logger.js';
import { openDatasetStore } from '../src/store/dataset-store.js';
import { Database } from '../src/store/pg/database.js';
import { backgroundClientOptions } from '../src/transport/slack-client.js';

const [dataDir = '', url = '', slackUrl = '', at = ''] = process.argv.slice(2);
const slot = new Date(at);
const logger = createLogger({ level: 'error', secrets: [url] });
const database = new Database(url, logger);
const service = createDigestService({
  dataDir,
  store: await openDatasetStore(join(dataDir, 'dataset.json')),
  poster: new SlackDigestPoster(new WebClient('xoxb-bench-digest', backgroundClientOptions(`${slackUrl}/api/`))),
  adminUserIds: [],
  focusCountry: 'KR',
  defaults: { timezone: 'Asia/Seoul', locale: 'ko' },
  logger,
  clock: () => slot,
  database,
});
process.stdout.write('READY\n');
await once(process.stdin, 'data');
const started = performance.now();
const report = await service.runner.runDue(slot);
const counts = { posted: report.posted.length, skipped: report.skipped.length, failed: report.failed.length };
process.stdout.write(`${JSON.stringify({ ...counts, ms: Math.round(performance.now() - started) })}\n`);
await database.close();
process.exit(0);
