import type { Logger } from '../../core/logger.js';
import { migrate } from './migrate.js';

const MIN_INTERVAL_MS = 2_000;

/**
 * Makes the schema again, and seeds the dataset, after the database came back without them (dropped and created
 * again, or its tables dropped): the next query that finds them missing asks for this. One attempt at a time, at
 * most every two seconds; while the database itself is gone, attempts fail quietly until it is back.
 */
export function schemaRepair(options: {
  url: string;
  logger: Logger;
  /** Seeds an empty dataset and reloads it. */
  reseed: () => Promise<void>;
}): () => void {
  let running = false;
  let last = 0;
  return () => {
    if (running || Date.now() - last < MIN_INTERVAL_MS) return;
    running = true;
    last = Date.now();
    void (async () => {
      try {
        const applied = await migrate(options.url);
        await options.reseed();
        options.logger.warn('database schema was missing: migrated and seeded again', { applied });
      } catch (error) {
        options.logger.debug('database not repaired yet', { error: (error as Error).message });
      } finally {
        running = false;
      }
    })();
  };
}
