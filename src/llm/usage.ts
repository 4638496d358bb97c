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
