/**
 * The composition root: configuration, logger, dataset, digests, then the CLI (with arguments), the local
 * console (without Slack tokens) or the Slack app with its digest scheduler. Nothing else has start-up effects.
 */

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from './adapters/cli/cli.js';
import { runDbMigrate } from './adapters/cli/db-migrate.js';
import { runConsole } from './adapters/console/console.js';
import { localSurface } from './adapters/console/local-surface.js';
import { loadConfig } from './config.js';
import { openServices } from './container.js';
import { createLogger } from './core/logger.js';
import { redactUrlsIn } from './core/redact.js';
import type { EditableStore } from './data-admin/editable-store.js';
import { holdDataDir } from './persistence/files/data-dir-lock.js';
import { DataFileError } from './persistence/files/json-file.js';

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
async function main(argv: string[]): Promise<void> {
  const config = loadConfig(process.env, argv.length > 0 ? 'cli' : 'bot');
  const quiet = argv.length > 0 || config.mode === 'console';
  const logger = createLogger({ level: quiet ? 'warn' : config.logLevel, secrets: config.secrets });
  // The last resort: a promise some library left unawaited must not end a bot that serves everyone else.
  process.on('unhandledRejection', (error: unknown) => logger.error('unhandled rejection', { error }));
  const io = { stdout: process.stdout, stderr: process.stderr };
  if (argv[0] === 'db' && argv[1] === 'migrate') {
    process.exitCode = await runDbMigrate(config.databaseUrl, io);
    return;
  }
  if (argv[0] === 'data') {
    const { runDataTransfer } = await import('./adapters/cli/data-transfer.js');
    process.exitCode = await runDataTransfer(argv.slice(1), config, logger, io);
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
  const { startSlack } = await import('./adapters/slack/start.js');
  await startSlack(config, services, logger);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

/** Failures that explain themselves (configuration, Slack or the database out of reach, DATA_DIR in use). */
const SELF_EXPLAINED = new Set([
  'ConfigError',
  'SlackUnavailableError',
  'AlreadyRunningError',
  'DatabaseUnavailableError',
]);

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DataFileError) {
    process.stderr.write(redactUrlsIn(`AI Policy Brief cannot start. ${message}\n${restoreHint(error.path)}`));
  } else if (error instanceof Error && SELF_EXPLAINED.has(error.name)) {
    process.stderr.write(redactUrlsIn(`AI Policy Brief cannot start. ${message}\n`));
  } else {
    process.stderr.write(redactUrlsIn(`AI Policy Brief cannot start: ${message}\n`));
  }
  process.exit(EXIT_STARTUP_FAILURE);
});
