import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Logger } from '../logger.js';

/** A second bot on the same DATA_DIR: it would overwrite the first one's edits and post digests twice. */
export class AlreadyRunningError extends Error {
  override name = 'AlreadyRunningError' as const;
  constructor(dataDir: string) {
    super(
      `another AI Policy Brief is already running with DATA_DIR=${dataDir} (lock ${join(dataDir, '.bot.lock')}). ` +
        'Only one bot may write the data: stop the other one first, or give this one its own DATA_DIR.',
    );
  }
}

/**
 * Holds DATA_DIR for the life of the bot process. The lock is refreshed every few seconds, so after a crash it
 * goes stale and the next start takes it over (waiting up to about twelve seconds for that).
 */
export async function holdDataDir(dataDir: string, logger: Logger): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(join(dataDir, '.bot'), {
      realpath: false,
      stale: 10_000,
      update: 3_000,
      retries: { retries: 12, minTimeout: 1_000, maxTimeout: 1_000, factor: 1 },
      onCompromised: (error) => logger.error('the DATA_DIR lock was lost; another process may be writing', { error }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new AlreadyRunningError(dataDir);
    throw error;
  }
}
