import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultChartFonts } from './charts/chart-render.js';
import { Charter } from './charts/charter.js';
import type { CommandServices } from './commands/execute.js';
import { ReplyCache } from './commands/reply-cache.js';
import { type Config, ConfigError } from './config.js';
import { messages } from './core/i18n/messages.js';
import type { Logger } from './core/logger.js';
import { packagePath } from './core/package-root.js';
import { DataAdmin } from './data-admin/data-admin.js';
import { EditableDatasetStore, type EditableStore } from './data-admin/editable-store.js';
import type { DigestSummarizer } from './digests/channel-digest.js';
import { lazyPoster, SlackDigestPoster } from './digests/delivery.js';
import { createDigestService, type DigestService } from './digests/digest-service.js';
import { BriefEngine, DEFAULT_LIMITS } from './llm/engine.js';
import { createOpenAiBriefer } from './llm/openai-briefer.js';
import { renderSummaryBlocks } from './llm/render.js';
import type { Database } from './persistence/pg/database.js';
import type { PgBackend } from './persistence/pg/pg-backend.js';
import { FilePreferenceStore } from './preferences/preferences.js';

/**
 * The services every entry point shares, wired from the configuration: the editable dataset, data admin, the
 * grounded-briefing engine and digests. Part of the composition root (src/index.ts), kept apart so that
 * benchmarks build exactly what the bot builds.
 */

function briefEngine(config: Config, logger: Logger, pg: PgBackend | undefined): BriefEngine {
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
    pg ? { usage: pg.usage, answers: pg.answers } : {},
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
  const poster = token
    ? lazyPoster(async () => {
        const [{ WebClient }, { backgroundClientOptions }, { boltLogger }] = await Promise.all([
          import('@slack/web-api'),
          import('./adapters/slack/slack-client.js'),
          import('./adapters/slack/bolt-logger.js'),
        ]);
        const options = {
          ...backgroundClientOptions(config.slack.apiUrl),
          logger: boltLogger(logger, config.logLevel),
        };
        return new SlackDigestPoster(new WebClient(token, options));
      })
    : null;
  return createDigestService({
    dataDir: config.dataDir,
    store: services.store,
    poster,
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
  return existsSync(own) ? own : packagePath('data', 'dataset.json');
}

/** The services, and the database when DATABASE_URL is set (the Slack app shares it for event deliveries). */
export async function openServices(config: Config, logger: Logger): Promise<CommandServices & { database?: Database }> {
  const pg = config.databaseUrl
    ? await (await import('./persistence/pg/pg-backend.js')).openPgBackend(
        config.databaseUrl,
        seedPath(config.dataDir),
        logger,
      )
    : undefined;
  const database = pg?.database;
  const store: EditableStore = pg ? pg.store : await EditableDatasetStore.open(config.dataDir, { logger });
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
    dataAdmin: new DataAdmin(store, config.dataDir, () => new Date(), pg?.pending),
    brief: briefEngine(config, logger, pg),
    replies: new ReplyCache(),
    preferences: pg?.preferences ?? new FilePreferenceStore(config.dataDir),
    charter: new Charter(config.chartFonts.length > 0 ? config.chartFonts : defaultChartFonts(), logger),
  };
  return { ...base, digests: digestService(config, base, logger, database), ...(database ? { database } : {}) };
}
