import type { Logger } from '../../core/logger.js';
import { PgAnswerCache } from '../../llm/answer-cache.js';
import { PgUsageMeter } from '../../llm/usage.js';
import { Database } from './database.js';
import { PgDatasetStore, PgPendingEdits } from './dataset-table.js';
import { migrate } from './migrate.js';
import { DatabaseUnavailableError, isUnavailable, redactUrl } from './pg-errors.js';
import { PgPreferenceStore } from './preference-table.js';
import { schemaRepair } from './repair.js';

/**
 * Everything kept in PostgreSQL when DATABASE_URL is set, in one place. Imported only then (the driver is not
 * loaded otherwise): migrated at start-up under an advisory lock, seeded when empty, and made again whenever
 * the database comes back without its tables.
 */
export async function openPgBackend(url: string, seedPath: string, logger: Logger) {
  try {
    const applied = await migrate(url);
    if (applied.length > 0) logger.info('database migrated', { applied });
  } catch (error) {
    if (isUnavailable(error)) throw new DatabaseUnavailableError(`PostgreSQL at ${redactUrl(url)} is unavailable`);
    throw error;
  }
  const database = new Database(url, logger);
  const store = await PgDatasetStore.open(database, seedPath, { logger });
  database.onSchemaMissing = schemaRepair({
    url,
    logger,
    reseed: async () => {
      await PgDatasetStore.seed(database, seedPath, logger);
      await store.refresh();
    },
  });
  const clock = () => new Date();
  return {
    database,
    store,
    pending: new PgPendingEdits(database, clock),
    preferences: new PgPreferenceStore(database),
    usage: new PgUsageMeter(database),
    answers: new PgAnswerCache(database),
  };
}

export type PgBackend = Awaited<ReturnType<typeof openPgBackend>>;
