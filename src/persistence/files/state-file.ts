import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../core/dataset/dataset-validation.js';
import { acquireLock } from './file-lock.js';
import { DataFileError, JsonFileAdapter } from './json-file.js';

type Change<T> = (draft: T) => unknown;

interface Pending<T> {
  change: Change<T>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A small JSON state file (subscriptions, the digest ledger) that several processes may change: the bot and
 * `cli digest run` share it. Every change happens under a cross-process lock on a fresh read, is built on a
 * copy, validated, then written atomically; a failed change writes nothing.
 *
 * Changes that arrive while a write is in progress are committed together in the next write (group commit):
 * a fan-out of hundreds of digests makes a few writes rather than one per claim. Each change still resolves
 * only once the file holding it is on disk.
 */
export class StateFile<T> {
  private readonly db: Low<T>;
  private queue: Pending<T>[] = [];
  private flushing = false;
  /** The last state read or written, with the file identity it came from (another process's write changes it). */
  private cached: { identity: string; value: T } | null = null;

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
  ) {
    this.db = new Low<T>(new JsonFileAdapter<T>(path, { missingOk: true }), empty());
  }

  /**
   * The file as it is now on disk (validated); the empty state when it does not exist yet. Callers must not
   * change what it returns: an unchanged file is answered from memory.
   */
  async read(): Promise<T> {
    const identity = await this.identity();
    if (identity && this.cached?.identity === identity) return this.cached.value;
    const value = this.validate((await this.db.adapter.read()) ?? this.empty());
    this.cached = identity ? { identity, value } : null;
    return value;
  }

  /**
   * Inode, size and modification time: atomic writes replace the inode, so any write changes it. A file not
   * written yet has an identity too (a request path may ask often, and should not try to open it each time);
   * other errors have none, so the read reports them.
   */
  private async identity(): Promise<string | null> {
    try {
      const s = await stat(this.path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null;
    }
  }

  /** Applies `change` to the current state and saves it; returns what `change` returned. */
  update<R>(change: (draft: T) => R | Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ change, resolve: resolve as (value: unknown) => void, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.locked(() => this.commit(batch)).catch((error: unknown) => {
          for (const p of batch) p.reject(error);
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  /** One read and one write for the whole batch; if any change fails, each is committed on its own instead. */
  private async commit(batch: Pending<T>[]): Promise<void> {
    const current = await this.read();
    if (batch.length > 1) {
      const draft = structuredClone(current);
      const results: unknown[] = [];
      try {
        for (const p of batch) results.push(await p.change(draft));
        await this.write(draft);
      } catch {
        return this.commitEach(batch, current);
      }
      for (const [i, p] of batch.entries()) p.resolve(results[i]);
      return;
    }
    return this.commitEach(batch, current);
  }

  private async commitEach(batch: Pending<T>[], start: T): Promise<void> {
    let current = start;
    for (const p of batch) {
      try {
        const draft = structuredClone(current);
        const result = await p.change(draft);
        await this.write(draft);
        current = draft;
        p.resolve(result);
      } catch (error) {
        p.reject(error);
      }
    }
  }

  private async write(draft: T): Promise<void> {
    const value = this.validate(draft);
    this.db.data = value;
    await this.db.write();
    const identity = await this.identity();
    this.cached = identity ? { identity, value } : null;
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
