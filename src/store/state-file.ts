import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { Mutex } from '../lib/mutex.js';
import { describeIssues } from './dataset-store.js';
import { acquireLock } from './file-lock.js';
import { DataFileError, JsonFileAdapter } from './json-file.js';

/**
 * A small JSON state file (subscriptions, the digest ledger) that several processes may change: the bot and
 * `cli digest run` share it. Every change happens under a cross-process lock on a fresh read, is built on a
 * copy, validated, then written atomically; a failed change writes nothing.
 */
export class StateFile<T> {
  private readonly db: Low<T>;
  private readonly mutex = new Mutex();

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
  ) {
    this.db = new Low<T>(new JsonFileAdapter<T>(path, { missingOk: true }), empty());
  }

  /** The file as it is now on disk (validated); the empty state when it does not exist yet. */
  async read(): Promise<T> {
    this.db.data = this.empty();
    await this.db.read();
    return this.validate(this.db.data);
  }

  /** Applies `change` to the current state and saves it; returns what `change` returned. */
  update<R>(change: (draft: T) => R | Promise<R>): Promise<R> {
    return this.mutex.run(() =>
      this.locked(async () => {
        const draft = structuredClone(await this.read());
        const result = await change(draft);
        this.db.data = this.validate(draft);
        await this.db.write();
        return result;
      }),
    );
  }

  private async locked<R>(work: () => Promise<R>): Promise<R> {
    await mkdir(dirname(this.path), { recursive: true });
    const release = await acquireLock(this.path);
    try {
      return await work();
    } finally {
      await release();
    }
  }

  private validate(data: unknown): T {
    const parsed = this.schema.safeParse(data);
    if (!parsed.success) throw new DataFileError(this.path, `invalid state: ${describeIssues(parsed.error, data)}`);
    return parsed.data;
  }
}
