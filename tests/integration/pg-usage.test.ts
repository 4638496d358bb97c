import { afterAll, beforeAll, expect, it } from 'vitest';
import { selectCandidates } from '../../src/llm/candidates.js';
import { BriefEngine, DEFAULT_LIMITS } from '../../src/llm/engine.js';
import { createOpenAiBriefer } from '../../src/llm/openai-briefer.js';
import { MemoryUsageMeter } from '../../src/llm/usage.js';
import { PgAnswerCache } from '../../src/persistence/pg/answer-table.js';
import { Database } from '../../src/persistence/pg/database.js';
import { PgUsageMeter } from '../../src/persistence/pg/usage-table.js';
import { FakeLlm } from '../helpers/fake-llm.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { capturingLogger, shippedStore } from '../helpers/services.js';

const databases = new TestDatabases();
const limits = { perUserPerHour: 2, dailyBudget: 3 };
const NOON = Date.parse('2026-11-30T12:00:00Z');

describePg('LLM limits and answers shared by replicas', () => {
  let llm: FakeLlm;
  beforeAll(async () => {
    llm = await new FakeLlm().start();
  });
  afterAll(async () => {
    await llm.stop();
    await databases.dropAll();
  });

  it('a question answered on one replica is answered from the shared cache on the others: one model call', async () => {
    const first = await databases.get('answers');
    const others = [new Database(first.url, capturingLogger()), new Database(first.url, capturingLogger())];
    llm.requests.length = 0;
    llm.reply = () => ({
      kind: 'answer',
      content: {
        answerable: true,
        sentences: [{ text: 'Net AI talent migration was {{fig:kcci_netai_2024_KR}}.', cites: ['kcci_netai_2024_KR'] }],
      },
    });
    try {
      const engines = [first, ...others].map(
        (db) =>
          new BriefEngine(
            createOpenAiBriefer({ apiKey: 'sk-shared', baseUrl: llm.url, model: 'fake-model', timeoutMs: 2000 }),
            capturingLogger(),
            DEFAULT_LIMITS,
            () => new Date(NOON),
            { usage: new PgUsageMeter(db), answers: new PgAnswerCache(db) },
          ),
      );
      const view = (await shippedStore()).current();
      const question = 'How serious is Korea’s AI talent outflow?';
      const figures = selectCandidates(view, question, { focusCountry: 'KR' });
      const ask = (engine: BriefEngine | undefined) =>
        engine?.ask({ question, locale: 'en', view, figures, userId: 'U1' });
      const answered = await ask(engines[0]);
      expect(answered).toMatchObject({ kind: 'brief', cached: false });
      for (const engine of engines.slice(1)) {
        const again = await ask(engine);
        expect(again).toMatchObject({ kind: 'brief', cached: true });
        expect(again?.kind === 'brief' && again.text).toEqual(answered?.kind === 'brief' && answered.text);
      }
      expect(figures.map((f) => f.id)).toContain('kcci_netai_2024_KR');
      expect(llm.requests).toHaveLength(1);
    } finally {
      for (const db of others) await db.close();
    }
  });

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
