const HOUR = 3600_000;

import type { UsageMeter } from '../../llm/usage.js';
import type { Database } from './database.js';

export class PgUsageMeter implements UsageMeter {
  constructor(private readonly db: Database) {}

  spend(userId: string, now: number, limits: { perUserPerHour: number; dailyBudget: number }): Promise<string | null> {
    const at = new Date(now);
    const dayStart = new Date(`${at.toISOString().slice(0, 10)}T00:00:00Z`);
    return this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['llm_usage']);
      const day = await client.query<{ n: string }>('SELECT count(*) AS n FROM llm_calls WHERE at >= $1', [dayStart]);
      if (Number(day.rows[0]?.n ?? 0) >= limits.dailyBudget) return 'budget';
      const hour = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM llm_calls WHERE user_id = $1 AND at > $2',
        [userId, new Date(now - HOUR)],
      );
      if (Number(hour.rows[0]?.n ?? 0) >= limits.perUserPerHour) return 'user_limit';
      await client.query('INSERT INTO llm_calls (user_id, at) VALUES ($1, $2)', [userId, at]);
      await client.query('DELETE FROM llm_calls WHERE at < $1', [new Date(dayStart.getTime() - 2 * 24 * HOUR)]);
      return null;
    });
  }
}
