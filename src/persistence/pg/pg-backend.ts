import type { Logger } from '../../core/logger.js';
import { PgAnswerCache } from './answer-table.js';
import { Database } from './database.js';
import { PgDatasetStore, PgPendingEdits } from './dataset-table.js';
import { PgDeliveries } from './delivery-table.js';
import { PgDigestLedger, PgSnapshotBlobs, PgSubscriptionStore } from './digest-tables.js';
import { migrate } from './migrate.js';
import { DatabaseUnavailableError, isUnavailable, redactUrl } from './pg-errors.js';
import { PgPreferenceStore } from './preference-table.js';
import { schemaRepair } from './repair.js';
import { PgThreadStates } from './thread-table.js';
import { PgUsageMeter } from './usage-table.js';

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
    digestState: {
      subscriptions: new PgSubscriptionStore(database),
      ledger: new PgDigestLedger(database),
      snapshots: new PgSnapshotBlobs(database),
    },
    usage: new PgUsageMeter(database),
    answers: new PgAnswerCache(database),
    threads: new PgThreadStates(database),
    deliveries: new PgDeliveries(database),
    close: () => database.close(),
  };
}

export type PgBackend = Awaited<ReturnType<typeof openPgBackend>>;
