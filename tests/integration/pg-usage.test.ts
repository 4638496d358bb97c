import { afterAll, expect, it } from 'vitest';
import { MemoryUsageMeter, PgUsageMeter } from '../../src/llm/usage.js';
import { Database } from '../../src/store/pg/database.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { capturingLogger } from '../helpers/services.js';

const databases = new TestDatabases();
const limits = { perUserPerHour: 2, dailyBudget: 3 };
const NOON = Date.parse('2026-11-30T12:00:00Z');

describePg('LLM limits shared by replicas', () => {
  afterAll(() => databases.dropAll());

  it('three replicas share one daily budget and one hourly limit per user', async () => {
    const first = await databases.get('usage');
    const others = [new Database(first.url, capturingLogger()), new Database(first.url, capturingLogger())];
    try {
      const meters = [first, ...others].map((db) => new PgUsageMeter(db));
      const outcomes = await Promise.all(
        ['U1', 'U1', 'U1', 'U2', 'U3', 'U4'].map((user, i) => meters[i % 3]?.spend(user, NOON + i, limits)),
      );
      expect(outcomes.filter((o) => o === null)).toHaveLength(3);
      expect(outcomes).toContain('budget');
      // Next UTC day: the budget is new, the hour-old calls still count for the user.
      expect(await meters[0]?.spend('U9', Date.parse('2026-12-01T00:00:01Z'), limits)).toBeNull();
    } finally {
      for (const db of others) await db.close();
    }
  });

  it('agrees with the single-process meter on one user’s hourly limit', async () => {
    const db = await databases.get('usage-hour');
    const pg = new PgUsageMeter(db);
    const memory = new MemoryUsageMeter();
    const wide = { perUserPerHour: 2, dailyBudget: 100 };
    for (const meter of [pg, memory]) {
      const results = [];
      for (const minutes of [0, 10, 20, 61]) results.push(await meter.spend('U1', NOON + minutes * 60_000, wide));
      expect(results).toEqual([null, null, 'user_limit', null]);
    }
  });
});
