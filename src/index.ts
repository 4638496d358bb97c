/**
 * The composition root: configuration, logger, dataset, digests, then the CLI (with arguments), the local
 * console (without Slack tokens) or the Slack app with its digest scheduler. Nothing else has start-up effects.
 */

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSlackApp, type HealthReport } from './app.js';
import { PgThreadStates } from './assistant/pg-threads.js';
import { runDataTransfer } from './cli/data-transfer.js';
import { runCli } from './cli/main.js';
import type { CommandServices } from './commands/execute.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import type { EditableStore } from './data-admin/editable-store.js';
import { AlreadyRunningError, holdDataDir } from './data-admin/process-lock.js';
import { DigestScheduler } from './digests/scheduler.js';
import { redactUrl, redactUrlsIn } from './lib/redact.js';
import { createLogger, type Logger } from './logger.js';
import { openServices } from './services.js';
import { DataFileError } from './store/json-file.js';
import { type Database, DatabaseUnavailableError } from './store/pg/database.js';
import { runConsole } from './transport/console.js';
import { PgDeliveries } from './transport/deliveries.js';
import { localSurface } from './transport/local-surface.js';
import { slackErrorCode } from './transport/slack-commands.js';

const EXIT_STARTUP_FAILURE = 3;

/** How to get a good dataset back, naming the newest backup if there is one; the bad file stays as it is. */
function restoreHint(path: string): string {
  const dir = join(dirname(path), 'backups');
  const newest = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /^dataset-v\d+\.json$/.test(n))
        .sort()
        .at(-1)
    : undefined;
  const restore = newest
    ? `To restore the last good version: cp ${join(dir, newest)} ${path}`
    : 'No backup exists yet: fix the file by hand, or restore it from version control (git checkout -- data/dataset.json).';
  return `The file was left untouched. ${restore}\n`;
}
const SHUTDOWN_GRACE_MS = 10_000;

/** auth.test failed at start-up: a bad token, or Slack (or SLACK_API_URL) out of reach. */
class SlackUnavailableError extends Error {
  constructor(apiUrl: string, code: string) {
    const hint = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'].includes(code)
      ? 'Slack rejected SLACK_BOT_TOKEN'
      : `Slack API at ${redactUrl(apiUrl)} (SLACK_API_URL) could not be reached`;
    super(`${hint} (${code}).`);
  }
}

async function health(config: Config, services: CommandServices): Promise<HealthReport> {
  const outage = services.digests?.health.authFailure() ?? null;
  const store = await (services.store as EditableStore).health();
  return {
    status: !store.ok ? 'unavailable' : outage ? 'degraded' : 'ok',
    mode: config.mode,
    datasetVersion: services.store.current().version,
    ...(outage ? { digests: { authFailure: outage } } : {}),
    ...(store.ok ? {} : { store: { reason: store.reason } }),
  };
}

async function startSlack(
  config: Config,
  services: CommandServices & { database?: Database },
  logger: Logger,
): Promise<void> {
  const deliveries = services.database ? new PgDeliveries(services.database) : undefined;
  const threads = services.database ? new PgThreadStates(services.database) : undefined;
  const app = createSlackApp({
    config,
    services,
    logger,
    health: () => health(config, services),
    ...(deliveries ? { deliveries } : {}),
    ...(threads ? { threads } : {}),
  });
  await app.init().catch((error: unknown) => {
    throw new SlackUnavailableError(config.slack.apiUrl, slackErrorCode(error));
  });
  await app.start();
  logger.info('AI Policy Brief is running', { mode: config.mode, port: config.port });
  const digests = services.digests;
  const scheduler =
    digests && config.scheduler ? new DigestScheduler(digests.runner, digests.subscriptions, logger) : null;
  if (digests && scheduler) {
    digests.changed = () => scheduler.reload();
    digests.nextRun = (channel) => scheduler.nextRun(channel);
    await scheduler.start();
  }
  let stopping = false;
  const stop = async (signal: string) => {
    // A process manager may signal twice (tsx relays the group's SIGTERM too); one orderly shutdown is enough.
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const drained = (await scheduler?.stop(SHUTDOWN_GRACE_MS)) ?? true;
    if (!drained) logger.warn('digest posts still in flight at shutdown; the ledger will reconcile them');
    await app.stop().catch((error: unknown) => logger.warn('stop failed', { error }));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig(process.env, argv.length > 0 ? 'cli' : 'bot');
  const quiet = argv.length > 0 || config.mode === 'console';
  const logger = createLogger({ level: quiet ? 'warn' : config.logLevel, secrets: config.secrets });
  // The last resort: a promise some library left unawaited must not end a bot that serves everyone else.
  process.on('unhandledRejection', (error: unknown) => logger.error('unhandled rejection', { error }));
  if (argv[0] === 'data') {
    process.exitCode = await runDataTransfer(argv.slice(1), config, logger, {
      stdout: process.stdout,
      stderr: process.stderr,
    });
    return;
  }
  const services = await openServices(config, logger);
  if (argv.length > 0) {
    const surface = localSurface(join(config.dataDir, 'exports'), config.defaultLocale);
    process.exitCode = await runCli(argv, { ...services, surface }, { stdout: process.stdout, stderr: process.stderr });
    return;
  }
  await holdDataDir(config.dataDir, {
    onLost: () => {
      logger.error('another process took over DATA_DIR; stopping so that only one writes it', {
        dataDir: config.dataDir,
      });
      process.exit(EXIT_STARTUP_FAILURE);
    },
  });
  const store = services.store as EditableStore;
  store.watch();
  if (config.mode === 'console') {
    const operator = config.adminUserIds[0];
    const surface = localSurface(join(config.dataDir, 'exports'), config.defaultLocale);
    const chartDir = join(config.dataDir, 'exports', 'charts');
    await runConsole(services, { surface, chartDir, ...(operator ? { userId: operator } : {}) });
    process.exit(0);
  }
  await startSlack(config, services, logger);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DataFileError) {
    process.stderr.write(redactUrlsIn(`AI Policy Brief cannot start. ${error.message}\n${restoreHint(error.path)}`));
  } else if (
    error instanceof ConfigError ||
    error instanceof SlackUnavailableError ||
    error instanceof AlreadyRunningError ||
    error instanceof DatabaseUnavailableError
  ) {
    process.stderr.write(redactUrlsIn(`AI Policy Brief cannot start. ${error.message}\n`));
  } else {
    process.stderr.write(
      redactUrlsIn(`AI Policy Brief cannot start: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  }
  process.exit(EXIT_STARTUP_FAILURE);
});
