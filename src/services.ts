import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebClient } from '@slack/web-api';
import { Charter } from './charts/charter.js';
import { defaultChartFonts } from './charts/render.js';
import type { CommandServices } from './commands/execute.js';
import { ReplyCache } from './commands/reply-cache.js';
import { type Config, ConfigError } from './config.js';
import { EditableDatasetStore, type EditableStore } from './data-admin/editable-store.js';
import { PgDatasetStore, PgPendingEdits } from './data-admin/pg-store.js';
import { DataAdmin } from './data-admin/service.js';
import type { DigestSummarizer } from './digests/channel-digest.js';
import { SlackDigestPoster } from './digests/delivery.js';
import { createDigestService, type DigestService } from './digests/service.js';
import { messages } from './i18n/messages.js';
import { PgAnswerCache } from './llm/answer-cache.js';
import { BriefEngine, DEFAULT_LIMITS } from './llm/engine.js';
import { createOpenAiBriefer } from './llm/openai-briefer.js';
import { renderSummaryBlocks } from './llm/render.js';
import { PgUsageMeter } from './llm/usage.js';
import type { Logger } from './logger.js';
import { PgPreferenceStore } from './preferences/pg-store.js';
import { FilePreferenceStore } from './preferences/store.js';
import { Database, DatabaseUnavailableError, isUnavailable, redactUrl } from './store/pg/database.js';
import { migrate } from './store/pg/migrate.js';
import { schemaRepair } from './store/pg/repair.js';
import { boltLogger } from './transport/bolt-logger.js';
import { backgroundClientOptions } from './transport/slack-client.js';

/**
 * The services every entry point shares, wired from the configuration: the editable dataset, data admin, the
 * grounded-briefing engine and digests. Part of the composition root (src/index.ts), kept apart so that
 * benchmarks build exactly what the bot builds.
 */

function briefEngine(config: Config, logger: Logger, database: Database | undefined): BriefEngine {
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
  return new BriefEngine(
    briefer,
    logger,
    { ...DEFAULT_LIMITS, perUserPerHour: llm?.perUserPerHour ?? 0, dailyBudget: llm?.dailyBudget ?? 0 },
    () => new Date(),
    database ? { usage: new PgUsageMeter(database), answers: new PgAnswerCache(database) } : {},
  );
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

function digestService(
  config: Config,
  services: Omit<CommandServices, 'digests'>,
  logger: Logger,
  database: Database | undefined,
): DigestService {
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
    ...(database ? { database } : {}),
  });
}

/** What an empty database is seeded from: DATA_DIR's dataset if there is one, else the repository's. */
function seedPath(dataDir: string): string {
  const own = join(dataDir, 'dataset.json');
  return existsSync(own) ? own : fileURLToPath(new URL('../data/dataset.json', import.meta.url));
}

/** PostgreSQL, migrated, when DATABASE_URL is set: state shared by every replica. */
async function openDatabase(url: string, logger: Logger): Promise<Database> {
  try {
    const applied = await migrate(url);
    if (applied.length > 0) logger.info('database migrated', { applied });
  } catch (error) {
    if (isUnavailable(error)) throw new DatabaseUnavailableError(`PostgreSQL at ${redactUrl(url)} is unavailable`);
    throw error;
  }
  return new Database(url, logger);
}

/** The dataset in PostgreSQL, made again (schema and seed) whenever the database comes back without them. */
async function openPgStore(database: Database, seed: string, logger: Logger): Promise<PgDatasetStore> {
  const store = await PgDatasetStore.open(database, seed, { logger });
  database.onSchemaMissing = schemaRepair({
    url: database.url,
    logger,
    reseed: async () => {
      await PgDatasetStore.seed(database, seed, logger);
      await store.refresh();
    },
  });
  return store;
}

/** The services, and the database when DATABASE_URL is set (the Slack app shares it for event deliveries). */
export async function openServices(config: Config, logger: Logger): Promise<CommandServices & { database?: Database }> {
  const database = config.databaseUrl ? await openDatabase(config.databaseUrl, logger) : undefined;
  const store: EditableStore = database
    ? await openPgStore(database, seedPath(config.dataDir), logger)
    : await EditableDatasetStore.open(config.dataDir, { logger });
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
    timezone: config.defaultTimezone,
    logger,
    adminUserIds: config.adminUserIds,
    dataAdmin: new DataAdmin(
      store,
      config.dataDir,
      () => new Date(),
      database ? new PgPendingEdits(database, () => new Date()) : undefined,
    ),
    brief: briefEngine(config, logger, database),
    replies: new ReplyCache(),
    preferences: database ? new PgPreferenceStore(database) : new FilePreferenceStore(config.dataDir),
    charter: new Charter(config.chartFonts.length > 0 ? config.chartFonts : defaultChartFonts(), logger),
  };
  return { ...base, digests: digestService(config, base, logger, database), ...(database ? { database } : {}) };
}
