import type { Database } from '../persistence/pg/database.js';

/** Model calls counted against each user's hourly limit and the bot's daily budget (UTC days). */
export interface UsageMeter {
  /** Counts one call for `userId` at `now`; returns why it is refused ('user_limit', 'budget'), or null. */
  spend(userId: string, now: number, limits: { perUserPerHour: number; dailyBudget: number }): Promise<string | null>;
}

const HOUR = 3600_000;

/** One process: counts in memory. */
export class MemoryUsageMeter implements UsageMeter {
  private readonly calls = new Map<string, number[]>();
  private budget = { day: '', used: 0 };

  async spend(
    userId: string,
    now: number,
    limits: { perUserPerHour: number; dailyBudget: number },
  ): Promise<string | null> {
    const day = new Date(now).toISOString().slice(0, 10);
    if (this.budget.day !== day) this.budget = { day, used: 0 };
    if (this.budget.used >= limits.dailyBudget) return 'budget';
    const recent = (this.calls.get(userId) ?? []).filter((t) => now - t < HOUR);
    if (recent.length >= limits.perUserPerHour) return 'user_limit';
    recent.push(now);
    this.calls.set(userId, recent);
    this.budget.used += 1;
    return null;
  }
}

/** Replicas: one row per call in PostgreSQL, counted under a lock, so N replicas share one budget. */
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
