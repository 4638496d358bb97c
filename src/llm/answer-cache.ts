import { createHash } from 'node:crypto';
import type { Database } from '../persistence/pg/database.js';
import type { RenderedText } from './render.js';

/** A verified, rendered answer, as the engine keeps it for the same question on the same dataset version. */
export interface CachedBrief {
  text: RenderedText;
  model: string;
  ms: number;
}

/** Answers kept for an hour so a repeated question costs no model call; in memory, or shared by replicas. */
export interface AnswerCache {
  get(key: string, now: number, ttlMs: number): Promise<CachedBrief | undefined>;
  set(key: string, value: CachedBrief, now: number): Promise<void>;
}

const MAX_ENTRIES = 500;

export class MemoryAnswerCache implements AnswerCache {
  private readonly entries = new Map<string, { at: number; value: CachedBrief }>();

  async get(key: string, now: number, ttlMs: number): Promise<CachedBrief | undefined> {
    const hit = this.entries.get(key);
    return hit && now - hit.at < ttlMs ? hit.value : undefined;
  }

  async set(key: string, value: CachedBrief, now: number): Promise<void> {
    this.entries.set(key, { at: now, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Replicas: one row per question key (hashed: questions can be long), pruned after a day. */
export class PgAnswerCache implements AnswerCache {
  private sets = 0;

  constructor(private readonly db: Database) {}

  async get(key: string, now: number, ttlMs: number): Promise<CachedBrief | undefined> {
    const { rows } = await this.db.query<{ value: CachedBrief }>(
      'SELECT value FROM llm_answers WHERE key_hash = $1 AND at > $2',
      [hash(key), new Date(now - ttlMs)],
    );
    return rows[0]?.value;
  }

  async set(key: string, value: CachedBrief, now: number): Promise<void> {
    await this.db.query(
      `INSERT INTO llm_answers (key_hash, value, at) VALUES ($1, $2, $3)
       ON CONFLICT (key_hash) DO UPDATE SET value = EXCLUDED.value, at = EXCLUDED.at`,
      [hash(key), JSON.stringify(value), new Date(now)],
    );
    this.sets += 1;
    if (this.sets % 200 === 0) {
      await this.db.query('DELETE FROM llm_answers WHERE at < $1', [new Date(now - 24 * 3600_000)]);
    }
  }
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');
