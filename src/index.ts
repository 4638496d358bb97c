/**
 * The composition root: configuration, logger, dataset, then the CLI (with arguments), the local console
 * (without Slack tokens) or the Slack app (Socket Mode or HTTP). Nothing else has start-up side effects.
 */
import { join } from 'node:path';
import { createSlackApp } from './app.js';
import { runCli } from './cli/main.js';
import type { CommandServices } from './commands/execute.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { openDatasetStore } from './store/dataset-store.js';
import { DataFileError } from './store/json-file.js';
import { runConsole } from './transport/console.js';
import { slackErrorCode } from './transport/slack-commands.js';

const EXIT_STARTUP_FAILURE = 3;

/** auth.test failed at start-up: a bad token, or Slack (or SLACK_API_URL) out of reach. */
class SlackUnavailableError extends Error {
  constructor(apiUrl: string, code: string) {
    const hint = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'].includes(code)
      ? 'Slack rejected SLACK_BOT_TOKEN'
      : `Slack API at ${apiUrl} (SLACK_API_URL) could not be reached`;
    super(`${hint} (${code}).`);
  }
}

async function openServices(config: Config, logger: Logger): Promise<CommandServices> {
  const store = await openDatasetStore(join(config.dataDir, 'dataset.json'));
  const view = store.current();
  if (!view.country(config.focusCountry)) {
    const known = view
      .countries()
      .map((c) => c.code)
      .join(', ');
    throw new ConfigError([`FOCUS_COUNTRY: ${config.focusCountry} is not a country in the dataset (${known})`]);
  }
  logger.info('dataset loaded', { version: view.version, figures: view.figureCount });
  return { store, defaultLocale: config.defaultLocale, focusCountry: config.focusCountry, logger };
}

async function startSlack(config: Config, services: CommandServices, logger: Logger): Promise<void> {
  const app = createSlackApp({
    config,
    services,
    logger,
    health: () => ({ status: 'ok', mode: config.mode, datasetVersion: services.store.current().version }),
  });
  await app.init().catch((error: unknown) => {
    throw new SlackUnavailableError(config.slack.apiUrl, slackErrorCode(error));
  });
  await app.start();
  logger.info('AI Policy Brief is running', { mode: config.mode, port: config.port });
  const stop = async (signal: string) => {
    logger.info('shutting down', { signal });
    await app.stop().catch((error: unknown) => logger.warn('stop failed', { error }));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({
    level: argv.length > 0 || config.mode === 'console' ? 'warn' : config.logLevel,
    secrets: config.secrets,
  });
  const services = await openServices(config, logger);
  if (argv.length > 0) {
    process.exitCode = await runCli(argv, services, { stdout: process.stdout, stderr: process.stderr });
    return;
  }
  if (config.mode === 'console') {
    await runConsole(services);
    return;
  }
  await startSlack(config, services, logger);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFileError || error instanceof SlackUnavailableError) {
    process.stderr.write(`AI Policy Brief cannot start. ${error.message}\n`);
  } else {
    process.stderr.write(`AI Policy Brief cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(EXIT_STARTUP_FAILURE);
});
