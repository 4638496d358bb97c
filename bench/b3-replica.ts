/**
 * One B3 replica in its own process: a digest service on the PostgreSQL database and fake Slack it is given.
 * Prints READY once open, runs the slot when a line arrives on stdin, then prints its report as JSON.
 * Usage: node --import tsx bench/b3-replica.ts <data dir> <database url> <slack url> <slot ISO>
 */
import { once } from 'node:events';
import { createLogger } from '../src/core/logger.js';
import { Database } from '../src/persistence/pg/database.js';
import { benchDigestService } from './b3-digest.js';

const [dataDir = '', url = '', slackUrl = '', at = ''] = process.argv.slice(2);
const slot = new Date(at);
const database = new Database(url, createLogger({ level: 'error', secrets: [url] }));
const service = await benchDigestService(dataDir, slackUrl, slot, database);
process.stdout.write('READY\n');
await once(process.stdin, 'data');
const started = performance.now();
const report = await service.runner.runDue(slot);
const counts = { posted: report.posted.length, skipped: report.skipped.length, failed: report.failed.length };
process.stdout.write(`${JSON.stringify({ ...counts, ms: Math.round(performance.now() - started) })}\n`);
await database.close();
process.exit(0);
