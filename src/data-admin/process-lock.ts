import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireLock, LockBusyError } from '../store/file-lock.js';

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
 * Holds DATA_DIR for the life of the bot process. The lock names this process, so after a crash the next
 * start sees its owner is gone and takes it over at once.
 */
export async function holdDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await acquireLock(join(dataDir, '.bot'), 0);
  } catch (error) {
    if (error instanceof LockBusyError) throw new AlreadyRunningError(dataDir);
    throw error;
  }
}
