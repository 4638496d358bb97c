/**
 * The entry point: configuration and logger, then the mode the arguments and the environment choose (the CLI,
 * the local console, or the Slack app), each started from the container's services.
 */
import { join } from 'node:path';
import { runCli } from './adapters/cli/cli.js';
import { runDbMigrate } from './adapters/cli/db-migrate.js';
import { runConsole } from './adapters/console/console.js';
import { localSurface } from './adapters/console/local-surface.js';
import { type Config, loadConfig } from './config.js';
import { type Container, migrateDatabase, openContainer, startupFailure, transferState } from './container.js';
import { createLogger, type Logger } from './core/logger.js';

const EXIT_STARTUP_FAILURE = 3;
const io = { stdout: process.stdout, stderr: process.stderr };

/** `db migrate` and `data export|import` work on the database alone, before any dataset is opened. */
async function runStorageCommand(argv: string[], config: Config, logger: Logger): Promise<number> {
  if (argv[0] === 'db') return runDbMigrate(config.databaseUrl, migrateDatabase, io);
  const { runDataTransfer } = await import('./adapters/cli/data-transfer.js');
  const transfer = (request: Parameters<typeof transferState>[0], databaseUrl: string) =>
    transferState(request, { ...config, databaseUrl }, logger);
  return runDataTransfer(argv.slice(1), config.databaseUrl, transfer, io);
}

async function serve(container: Container): Promise<void> {
  const { config, logger, services } = container;
  await container.holdDataDir(() => {
    logger.error('another process took over DATA_DIR; stopping so that only one writes it', { dir: config.dataDir });
    process.exit(EXIT_STARTUP_FAILURE);
  });
  if (config.mode !== 'console') {
    const { startSlack } = await import('./adapters/slack/start.js');
    return startSlack(container);
  }
  const operator = config.adminUserIds[0];
  const surface = localSurface(join(config.dataDir, 'exports'), config.defaultLocale);
  const chartDir = join(config.dataDir, 'exports', 'charts');
  await runConsole(services, { surface, chartDir, ...(operator ? { userId: operator } : {}) });
  process.exit(0);
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig(process.env, argv.length > 0 ? 'cli' : 'bot');
  const quiet = argv.length > 0 || config.mode === 'console';
  const logger = createLogger({ level: quiet ? 'warn' : config.logLevel, secrets: config.secrets });
  // The last resort: a promise some library left unawaited must not end a bot that serves everyone else.
  process.on('unhandledRejection', (error: unknown) => logger.error('unhandled rejection', { error }));
  if ((argv[0] === 'db' && argv[1] === 'migrate') || argv[0] === 'data') {
    process.exitCode = await runStorageCommand(argv, config, logger);
    return;
  }
  const container = await openContainer(config, logger);
  if (argv.length === 0) return serve(container);
  const surface = localSurface(join(config.dataDir, 'exports'), config.defaultLocale);
  process.exitCode = await runCli(argv, { ...container.services, surface }, io);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(startupFailure(error));
  process.exit(EXIT_STARTUP_FAILURE);
});
