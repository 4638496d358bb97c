import { createHash } from 'node:crypto';
import type { AnswerCache, CachedBrief } from '../../llm/answer-cache.js';
import type { Database } from './database.js';

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
