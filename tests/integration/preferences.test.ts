import { afterAll, describe, expect, it } from 'vitest';
import { executeCommand } from '../../src/commands/execute.js';
import { Database } from '../../src/persistence/pg/database.js';
import { PgPreferenceStore } from '../../src/persistence/pg/preference-table.js';
import { dataHarness } from '../helpers/data-harness.js';
import { BACKENDS, type Backend, describePg, TestDatabases } from '../helpers/pg.js';
import { capturingLogger } from '../helpers/services.js';
import { messageText } from '../helpers/slack-message.js';

const databases = new TestDatabases();
afterAll(() => databases.dropAll());

describe.each(BACKENDS)('a user’s reply language, kept in %s', (backend: Backend) => {
  let made = 0;
  const harness = async () => {
    made += 1;
    const database = backend === 'postgres' ? await databases.get(`prefs-${made}`) : undefined;
    return dataHarness(database ? { database } : {});
  };

  it('shows the workspace default until the user chooses; their choice holds for them only', async () => {
    const h = await harness();
    expect((await h.run('/ai-lang', 'U0ALICE')).text).toContain('내 답변 언어: *한국어* (워크스페이스 기본값)');
    expect((await h.run('/ai-lang english', 'U0ALICE')).text).toContain('Replies to you will now be in *English*.');
    expect((await h.run('/ai-lang', 'U0ALICE')).text).toContain('Your reply language: *English* (your choice)');
    expect((await h.run('/ai-rank', 'U0ALICE')).text).toContain('AI competitiveness rankings');
    expect((await h.run('/ai-rank', 'U0BOB')).text).toContain('AI 경쟁력 순위');
    // A flag still wins for one answer.
    expect((await h.run('/ai-rank --ko', 'U0ALICE')).text).toContain('AI 경쟁력 순위');
    expect((await h.run('/ai-lang 기본값', 'U0ALICE')).text).toContain('워크스페이스 기본값(*한국어*)으로 답합니다');
    expect((await h.run('/ai-rank', 'U0ALICE')).text).toContain('AI 경쟁력 순위');
  });

  it('takes the language from a flag alone (`/ai-lang --en`) and from Korean words', async () => {
    const h = await harness();
    expect((await h.run('/ai-lang --en', 'U0CAROL')).text).toContain('will now be in *English*');
    expect((await h.run('/ai-lang 한국어', 'U0CAROL')).text).toContain('이제 내 답변은 *한국어*로 드립니다');
    expect(await h.services.preferences.get('U0CAROL')).toMatchObject({ locale: 'ko' });
  });

  it('refuses anything else privately, escaped, and changes nothing', async () => {
    const h = await harness();
    await h.run('/ai-lang en', 'U0DAVE');
    for (const text of ['fr', 'en ko', '<!channel> <@U0ALICE>', `${'x'.repeat(300)}`]) {
      const { reply, text: shown } = await h.run(`/ai-lang ${text}`, 'U0DAVE');
      expect(reply.kind, text).toBe('error');
      expect(reply.visibility).toBe('ephemeral');
      expect(shown).toContain('is not a language you can choose');
      expect(shown).not.toMatch(/<!channel>|<@U0ALICE>/);
      expect(shown.length).toBeLessThan(600);
    }
    expect(await h.services.preferences.get('U0DAVE')).toMatchObject({ locale: 'en' });
  });

  it('needs a real user: a CLI run with a made-up --user is told how, and nothing is written', async () => {
    const h = await harness();
    const { reply, text } = await h.run('/ai-lang en', 'alice');
    expect(reply.kind).toBe('error');
    expect(text).toContain('누구의 설정인지 알 수 없습니다');
    expect(await h.services.preferences.all()).toEqual({});
    for (const odd of ['constructor', '__proto__', 'toString']) {
      const answer = await h.run('/ai-rank', odd);
      expect(answer.reply.kind, odd).toBe('answer');
      expect(answer.text).toContain('AI 경쟁력 순위');
    }
  });
});

describe('when preferences cannot be read', () => {
  it('answers in the default language and logs why', async () => {
    const h = await dataHarness();
    const logger = capturingLogger();
    const broken = {
      ...h.services,
      logger,
      preferences: {
        get: () => Promise.reject(new Error('database away')),
        set: () => Promise.resolve(),
        all: () => Promise.resolve({}),
      },
    };
    const reply = await executeCommand({ command: '/ai-rank', text: '', userId: 'U0ALICE' }, broken);
    expect(reply?.messages.map(messageText).join('\n')).toContain('AI 경쟁력 순위');
    expect(logger.entries.some((e) => e.message.includes('reply language preference not read'))).toBe(true);
  });
});

describePg('preferences on two replicas', () => {
  it('a change on one replica shows on another within a second, and at once on its own', async () => {
    const db = await databases.get('prefs-replicas');
    const other = new Database(db.url, capturingLogger());
    try {
      const a = new PgPreferenceStore(db);
      const b = new PgPreferenceStore(other);
      expect(await b.get('U0GINA')).toBeUndefined();
      await a.set('U0GINA', { locale: 'en', updatedAt: new Date().toISOString() });
      expect(await a.get('U0GINA')).toMatchObject({ locale: 'en' });
      const changed = Date.now();
      let seen: string | undefined;
      while (seen !== 'en' && Date.now() - changed < 3000) {
        seen = (await b.get('U0GINA'))?.locale;
        if (seen !== 'en') await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen).toBe('en');
      expect(Date.now() - changed).toBeLessThanOrEqual(1200);
    } finally {
      await other.close();
    }
  });
});
