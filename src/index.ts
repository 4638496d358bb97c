/**
 * The composition root: configuration, logger, dataset, digests, then the CLI (with arguments), the local
 * console (without Slack tokens) or the Slack app with its digest scheduler. Nothing else has start-up effects.
 */

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { createSlackApp, type HealthReport } from './app.js';
import { runCli } from './cli/main.js';
import type { CommandServices } from './commands/execute.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { EditableDatasetStore } from './data-admin/editable-store.js';
import { AlreadyRunningError, holdDataDir } from './data-admin/process-lock.js';
import { DataAdmin } from './data-admin/service.js';
import type { DigestSummarizer } from './digests/channel-digest.js';
import { SlackDigestPoster } from './digests/delivery.js';
import { DigestScheduler } from './digests/scheduler.js';
import { createDigestService, type DigestService } from './digests/service.js';
import { messages } from './i18n/messages.js';
import { BriefEngine, DEFAULT_LIMITS } from './llm/engine.js';
import { createOpenAiBriefer } from './llm/openai-briefer.js';
import { renderSummaryBlocks } from './llm/render.js';
import { createLogger, type Logger } from './logger.js';
import { DataFileError } from './store/json-file.js';
import { boltLogger } from './transport/bolt-logger.js';
import { runConsole } from './transport/console.js';
import { localSurface } from './transport/local-surface.js';
import { backgroundClientOptions } from './transport/slack-client.js';
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
      : `Slack API at ${apiUrl} (SLACK_API_URL) could not be reached`;
    super(`${hint} (${code}).`);
  }
}

function briefEngine(config: Config, logger: Logger): BriefEngine {
  const llm = config.llm;
  const briefer = llm
    ? createOpenAiBriefer({
        apiKey: llm.apiKey,
        ...(llm.baseUrl ? { baseUrl: llm.baseUrl } : {}),
        model: llm.model,
        timeoutMs: llm.timeoutMs,
        maxTokens: llm.maxTokens,
      })
    : null;
  return new BriefEngine(briefer, logger, {
    ...DEFAULT_LIMITS,
    perUserPerHour: llm?.perUserPerHour ?? 0,
    dailyBudget: llm?.dailyBudget ?? 0,
  });
}

/** The digest's summary paragraph through the same grounded engine as /ai-brief. */
function digestSummarizer(engine: BriefEngine): DigestSummarizer | undefined {
  if (!engine.enabled) return undefined;
  return async ({ locale, view, figures, channelId }) => {
    const question = messages(locale).digestSummaryQuestion;
    const result = await engine.ask({ question, locale, view, figures, userId: `digest:${channelId}` });
    return result.kind === 'brief' ? renderSummaryBlocks(view, result.text, locale, result.model) : undefined;
  };
}

function digestService(config: Config, services: Omit<CommandServices, 'digests'>, logger: Logger): DigestService {
  const token = config.slack.botToken;
  const client = token
    ? new WebClient(token, {
        ...backgroundClientOptions(config.slack.apiUrl),
        logger: boltLogger(logger, config.logLevel),
      })
    : null;
  return createDigestService({
    dataDir: config.dataDir,
    store: services.store,
    poster: client ? new SlackDigestPoster(client) : null,
    adminUserIds: config.adminUserIds,
    focusCountry: config.focusCountry,
    defaults: { timezone: config.defaultTimezone, locale: config.defaultLocale },
    logger,
    ...(services.brief && digestSummarizer(services.brief) ? { summarize: digestSummarizer(services.brief) } : {}),
  });
}

async function openServices(config: Config, logger: Logger): Promise<CommandServices> {
  const store = await EditableDatasetStore.open(config.dataDir, { logger });
  const view = store.current();
  if (!view.country(config.focusCountry)) {
    const known = view
      .countries()
      .map((c) => c.code)
      .join(', ');
    throw new ConfigError([`FOCUS_COUNTRY: ${config.focusCountry} is not a country in the dataset (${known})`]);
  }
  logger.info('dataset loaded', { version: view.version, figures: view.figureCount });
  const base = {
    store,
    defaultLocale: config.defaultLocale,
    focusCountry: config.focusCountry,
    logger,
    adminUserIds: config.adminUserIds,
    dataAdmin: new DataAdmin(store, config.dataDir, () => new Date()),
    brief: briefEngine(config, logger),
  };
  return { ...base, digests: digestService(config, base, logger) };
}

function health(config: Config, services: CommandServices): HealthReport {
  const outage = services.digests?.health.authFailure() ?? null;
  return {
    status: outage ? 'degraded' : 'ok',
    mode: config.mode,
    datasetVersion: services.store.current().version,
    ...(outage ? { digests: { authFailure: outage } } : {}),
  };
}

async function startSlack(config: Config, services: CommandServices, logger: Logger): Promise<void> {
  const app = createSlackApp({ config, services, logger, health: () => health(config, services) });
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
  const stop = async (signal: string) => {
    logger.info('shutting down', { signal });
    const drained = (await scheduler?.stop(SHUTDOWN_GRACE_MS)) ?? true;
    if (!drained) logger.warn('digest posts still in flight at shutdown; the ledger will reconcile them');
    await app.stop().catch((error: unknown) => logger.warn('stop failed', { error }));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig(process.env, argv.length > 0 ? 'cli' : 'bot');
  const quiet = argv.length > 0 || config.mode === 'console';
  const logger = createLogger({ level: quiet ? 'warn' : config.logLevel, secrets: config.secrets });
  const services = await openServices(config, logger);
  if (argv.length > 0) {
    const surface = localSurface(join(config.dataDir, 'exports'), config.defaultLocale);
    process.exitCode = await runCli(argv, { ...services, surface }, { stdout: process.stdout, stderr: process.stderr });
    return;
  }
  await holdDataDir(config.dataDir);
  const store = services.store as EditableDatasetStore;
  store.watch();
  if (config.mode === 'console') {
    const operator = config.adminUserIds[0];
    const surface = localSurface(join(config.dataDir, 'exports'), config.defaultLocale);
    await runConsole(services, { surface, ...(operator ? { userId: operator } : {}) });
    process.exit(0);
  }
  await startSlack(config, services, logger);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DataFileError) {
    process.stderr.write(`AI Policy Brief cannot start. ${error.message}\n${restoreHint(error.path)}`);
  } else if (
    error instanceof ConfigError ||
    error instanceof SlackUnavailableError ||
    error instanceof AlreadyRunningError
  ) {
    process.stderr.write(`AI Policy Brief cannot start. ${error.message}\n`);
  } else {
    process.stderr.write(`AI Policy Brief cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(EXIT_STARTUP_FAILURE);
});
