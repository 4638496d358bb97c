import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Deliveries, MemoryDeliveries } from './adapters/slack/deliveries.js';
import type { HealthReport } from './adapters/slack/slack-app.js';
import { renderSummaryBlocks } from './briefings/brief/summary.js';
import { digestComposer } from './briefings/digest/digest-composer.js';
import { defaultChartFonts } from './charts/chart-render.js';
import { Charter } from './charts/charter.js';
import { inMemory, type ThreadStates } from './commands/assistant/threads.js';
import type { CommandServices } from './commands/context.js';
import { ReplyCache } from './commands/reply-cache.js';
import { type Config, ConfigError } from './config.js';
import { DataFileError, isAppError } from './core/errors.js';
import { messages } from './core/i18n/messages.js';
import type { Logger } from './core/logger.js';
import { packagePath } from './core/package-root.js';
import { redactUrlsIn } from './core/redact.js';
import { DataAdmin } from './data-admin/data-admin.js';
import type { EditableStore } from './data-admin/editable-store.js';
import type { PendingStore } from './data-admin/pending.js';
import type { DigestSummarizer } from './digests/channel-digest.js';
import { type DigestPoster, lazyPoster } from './digests/delivery.js';
import { createDigestService, type DigestState } from './digests/digest-service.js';
import type { AnswerCache } from './llm/answer-cache.js';
import { BriefEngine, DEFAULT_LIMITS } from './llm/engine.js';
import { createOpenAiBriefer } from './llm/openai-briefer.js';
import type { UsageMeter } from './llm/usage.js';
import { restoreHint } from './persistence/files/backup-files.js';
import { holdDataDir } from './persistence/files/data-dir-lock.js';
import { openFilesBackend } from './persistence/files/files-backend.js';
import type { PreferenceStore } from './preferences/preferences.js';

/**
 * The composition root's workshop: builds every service once from the configuration (all of them, in every mode;
 * nothing is patched afterwards) on the storage the configuration picks, files in DATA_DIR or PostgreSQL. The
 * PostgreSQL driver, Slack's Web API client and the model SDK are loaded only when the configuration needs them.
 */

/** What a storage backend provides (persistence/files/files-backend.ts, persistence/pg/pg-backend.ts). */
interface Backend {
  store: EditableStore;
  pending: PendingStore;
  preferences: PreferenceStore;
  digestState: DigestState;
  usage: UsageMeter;
  answers: AnswerCache;
  /** Shared by replicas when the backend can (PostgreSQL); else in this process's memory. */
  threads?: ThreadStates;
  deliveries?: Deliveries;
  close?: () => Promise<void>;
}

export interface Container {
  config: Config;
  logger: Logger;
  services: CommandServices;
  /** What the Slack adapter needs besides the commands' services. */
  slack: { deliveries: Deliveries; threads: ThreadStates; health: () => Promise<HealthReport> };
  /** Holds DATA_DIR for a long-running bot (one per directory); `onLost` if another process took it. */
  holdDataDir(onLost: () => void): Promise<void>;
  /** Closes what holds the process open (the database pool). */
  close(): Promise<void>;
}

/** What an empty database is seeded from: DATA_DIR's dataset if there is one, else the repository's. */
function seedPath(dataDir: string): string {
  const own = join(dataDir, 'dataset.json');
  return existsSync(own) ? own : packagePath('data', 'dataset.json');
}

async function openBackend(config: Config, logger: Logger): Promise<Backend> {
  if (!config.databaseUrl) return openFilesBackend(config.dataDir, logger);
  const { openPgBackend } = await import('./persistence/pg/pg-backend.js');
  return openPgBackend(config.databaseUrl, seedPath(config.dataDir), logger);
}

function briefEngine(config: Config, logger: Logger, backend: Backend): BriefEngine {
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
  const limits = { ...DEFAULT_LIMITS, perUserPerHour: llm?.perUserPerHour ?? 0, dailyBudget: llm?.dailyBudget ?? 0 };
  return new BriefEngine(briefer, logger, limits, () => new Date(), {
    usage: backend.usage,
    answers: backend.answers,
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

/** Posts through Slack's Web API, loaded the first time a digest is posted. */
function slackPoster(config: Config, logger: Logger): DigestPoster | null {
  const token = config.slack.botToken;
  if (!token) return null;
  return lazyPoster(async () => {
    const { createDigestPoster } = await import('./adapters/slack/digest-poster.js');
    return createDigestPoster(token, config, logger);
  });
}

function checkFocus(config: Config, store: EditableStore, logger: Logger): void {
  const view = store.current();
  if (!view.country(config.focusCountry)) {
    const known = view
      .countries()
      .map((c) => c.code)
      .join(', ');
    throw new ConfigError([`FOCUS_COUNTRY: ${config.focusCountry} is not a country in the dataset (${known})`]);
  }
  logger.info('dataset loaded', { version: view.version, figures: view.figureCount });
}

function commandServices(config: Config, logger: Logger, backend: Backend): CommandServices {
  const brief = briefEngine(config, logger, backend);
  const summarize = digestSummarizer(brief);
  const digests = createDigestService({
    state: backend.digestState,
    store: backend.store,
    composer: digestComposer,
    poster: slackPoster(config, logger),
    adminUserIds: config.adminUserIds,
    focusCountry: config.focusCountry,
    defaults: { timezone: config.defaultTimezone, locale: config.defaultLocale },
    logger,
    ...(summarize ? { summarize } : {}),
  });
  return {
    store: backend.store,
    defaultLocale: config.defaultLocale,
    focusCountry: config.focusCountry,
    timezone: config.defaultTimezone,
    logger,
    adminUserIds: config.adminUserIds,
    digests,
    dataAdmin: new DataAdmin(backend.store, backend.pending),
    brief,
    clock: () => new Date(),
    replies: new ReplyCache(),
    charter: new Charter(config.chartFonts.length > 0 ? config.chartFonts : defaultChartFonts(), logger),
    preferences: backend.preferences,
  };
}

async function health(config: Config, services: CommandServices): Promise<HealthReport> {
  const outage = services.digests.health.authFailure();
  const store = await services.dataAdmin.store.health();
  return {
    status: !store.ok ? 'unavailable' : outage ? 'degraded' : 'ok',
    mode: config.mode,
    datasetVersion: services.store.current().version,
    ...(outage ? { digests: { authFailure: outage } } : {}),
    ...(store.ok ? {} : { store: { reason: store.reason } }),
  };
}

export async function openContainer(config: Config, logger: Logger): Promise<Container> {
  const backend = await openBackend(config, logger);
  checkFocus(config, backend.store, logger);
  const services = commandServices(config, logger, backend);
  return {
    config,
    logger,
    services,
    slack: {
      deliveries: backend.deliveries ?? new MemoryDeliveries(),
      threads: backend.threads ?? inMemory(),
      health: () => health(config, services),
    },
    holdDataDir: async (onLost) => {
      await holdDataDir(config.dataDir, { onLost });
      backend.store.watch();
    },
    close: async () => {
      await backend.close?.();
    },
  };
}

/** `cli db migrate` (npm run db:migrate): applies the PostgreSQL migrations; returns their names. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const { migrate } = await import('./persistence/pg/migrate.js');
  return migrate(url);
}

/** `cli data export|import`: a DATA_DIR's whole state out of PostgreSQL, or into it. */
export async function transferState(
  request: { action: 'export' | 'import'; dir: string; replace: boolean },
  config: Config & { databaseUrl: string },
  logger: Logger,
) {
  const [{ migrate }, { Database }, { dbArchive }, { dirArchive }, { transfer }] = await Promise.all([
    import('./persistence/pg/migrate.js'),
    import('./persistence/pg/database.js'),
    import('./persistence/pg/db-archive.js'),
    import('./persistence/files/dir-archive.js'),
    import('./persistence/transfer.js'),
  ]);
  await migrate(config.databaseUrl);
  const db = new Database(config.databaseUrl, logger);
  try {
    const [from, to] =
      request.action === 'export' ? [dbArchive(db), dirArchive(request.dir)] : [dirArchive(request.dir), dbArchive(db)];
    return await transfer(from, to, { replace: request.replace });
  } finally {
    await db.close();
  }
}

/** Why the bot could not start, for the operator: the error's own words, and how to recover a damaged dataset. */
export function startupFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!isAppError(error)) return redactUrlsIn(`AI Policy Brief cannot start: ${message}\n`);
  const hint = error instanceof DataFileError ? restoreHint(error.path) : '';
  return redactUrlsIn(`AI Policy Brief cannot start. ${message}\n${hint}`);
}
