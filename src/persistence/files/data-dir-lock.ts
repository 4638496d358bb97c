import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors.js';
import { acquireLock, LockBusyError, type LockOptions } from './file-lock.js';

/** A second bot on the same DATA_DIR: it would overwrite the first one's edits and post digests twice. */
export class AlreadyRunningError extends AppError {
  constructor(dataDir: string) {
    super(
      'already_running',

      `another AI Policy Brief is already running with DATA_DIR=${dataDir} (lock ${join(dataDir, '.bot.lock')}). ` +
        'Only one bot may write the data: stop the other one first, or give this one its own DATA_DIR.',
    );
  }
}

/**
 * Holds DATA_DIR for the life of the bot process. The lock names this process and beats while it lives, so
 * after a crash the next start on the same host takes it over at once, and one on another host once the
 * heartbeat has stood still for its watch window; a live holder is never displaced. `onLost` is called if the
 * lock was taken anyway (this process was stopped for longer than the window), since it may no longer write.
 */
export async function holdDataDir(dataDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await acquireLock(join(dataDir, '.bot'), 0, options);
  } catch (error) {
    if (error instanceof LockBusyError) throw new AlreadyRunningError(dataDir);
    throw error;
  }
}
