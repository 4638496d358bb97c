import { afterAll, describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/core/dataset/dataset-schema.js';
import { confirmId, dataHarness as fileOrPgHarness } from '../helpers/data-harness.js';
import { BACKENDS, type Backend, TestDatabases } from '../helpers/pg.js';
import { withoutSlackMarkup } from '../helpers/slack-message.js';

const databases = new TestDatabases();
afterAll(() => databases.dropAll());
let made = 0;

describe.each(BACKENDS)('dataset in %s', (backend: Backend) => {
  const dataHarness = async (options: Parameters<typeof fileOrPgHarness>[0] = {}) => {
    made += 1;
    const database = backend === 'postgres' ? await databases.get(`data-${made}`) : undefined;
    return fileOrPgHarness({ ...options, ...(database ? { database } : {}) });
  };

  describe('/ai-data for everyone', () => {
    it('shows a figure with its full provenance', async () => {
      const { run } = await dataHarness();
      const { reply, text } = await run('/ai-data show ceti25_ai_KR', 'U0ANYONE');
      expect(reply.kind).toBe('answer');
      expect(text).toContain('*9위/26 (25개국+유럽 권역)* · 14.1점');
      expect(text).toContain('<https://entergo.co.kr/');
      expect(text).toContain('*인용*: “AI 분야에서는');
      expect(text).toContain('<https://www.newstheai.com/news/articleView.html?idxno=8024|www.newstheai.com>');
      expect(text).toContain('*신뢰도*: 높음');
      expect(text).toContain('국가만 세면 한국은 8위');
      // The researcher's notes are English; the English card carries them with the full provenance.
      const en = (await run('/ai-data show ceti25_ai_KR --en', 'U0ANYONE')).text;
      expect(en).toContain('|Entergo (Korean news) reporting Belfer Center CETI 2025>');
      expect(en).toContain('*Notes*: Exactly reproduced (14.099→14.1)');
      expect(en).toContain('*Confidence*: high');
    });

    it('searches in Korean or English and suggests ids for a typo', async () => {
      const { run } = await dataHarness();
      expect((await run('/ai-data search 인재 순유출')).text).toContain('`kcci_netai_2024_KR`');
      expect((await run('/ai-data search private investment korea')).text).toContain('`aii25_privinv2024_KR`');
      expect((await run('/ai-data show ceti25_ai_KRR')).text).toContain('혹시 이것인가요? ceti25_ai_KR');
    });
  });

  describe('/ai-data changes', () => {
    it('refuses a non-admin politely, records "denied", and changes nothing', async () => {
      const { run, stored, store } = await dataHarness();
      const before = await stored();
      for (const change of [
        'set ceti25_ai_KR value=1 --yes',
        'remove ceti25_ai_KR --yes',
        'undo --yes',
        'add series=ceti25_ai country=BR value=1 period=x source_url=https://x.org publisher=x --yes',
      ]) {
        const { reply, text } = await run(`/ai-data ${change}`, 'U0INTRUDER');
        expect(reply.kind).toBe('error');
        expect(text).toContain('데이터 변경은 관리자만 할 수 있습니다');
      }
      expect(await stored()).toBe(before);
      const denied = (await store.audit.entries()).filter((e) => e.status === 'denied');
      expect(denied.map((e) => e.actor)).toEqual(['U0INTRUDER', 'U0INTRUDER', 'U0INTRUDER', 'U0INTRUDER']);
    });

    it.each([
      ['set ceti25_ai_KR value=fourteen --yes', '`value` (ceti25_ai_KR): 숫자여야 합니다'],
      ['set ceti25_ai_KR source_url=ftp://files.example --yes', '`source_url` (ceti25_ai_KR): http(s) 주소여야 합니다'],
      ['set ceti25_ai_KR country=ZZ --yes', '`country` (ceti25_ai_KR): ISO 국가 코드(두 글자)가 아닙니다'],
      ['set ceti25_ai_KR rank=30 --yes', '`rank` (ceti25_ai_KR): 순위 30이(가) 전체 26을(를) 넘습니다'],
      [
        'set aibasicact_passed value=26/12/2024 --yes',
        '`value` (aibasicact_passed): YYYY-MM-DD 형식의 날짜여야 합니다',
      ],
      ['set ceti25_ai_KR confidence=certain --yes', '`confidence` (ceti25_ai_KR): 허용되지 않는 값입니다'],
      ['set ceti25_ai_KR colour=red', '알 수 없는 항목: colour'],
      ['set nope_id value=1', '‘nope_id’ 수치를 찾지 못했습니다'],
      ['add series=ceti25_ai value=3 --yes', '필수 항목이 없습니다: period, source_url, publisher'],
      ['remove aibasicact_passed --yes', '일정(aibasicact_passed)의 출처라 삭제할 수 없습니다'],
    ])('rejects "%s", naming the field, writing nothing', async (change, problem) => {
      const { run, stored } = await dataHarness();
      const before = await stored();
      const { reply, text } = await run(`/ai-data ${change}`);
      expect(reply.kind).toBe('error');
      expect(text).toContain(problem);
      expect(await stored()).toBe(before);
    });

    it('previews before and after with Confirm; Confirm applies once however often pressed', async () => {
      const { run, dataAdmin, stored, store } = await dataHarness({ interactive: true });
      const before = await stored();
      const preview = await run('/ai-data set ceti25_ai_KR value=15.2 rank=8');
      expect(preview.text).toContain('*변경 전*');
      expect(preview.text).toContain('`value`: 14.1 → *15.2*');
      expect(await stored()).toBe(before);
      const id = confirmId(preview.reply);
      expect(await dataAdmin.confirm(id, 'U0ADMIN2')).toEqual({ status: 'not_yours' });
      expect((await dataAdmin.confirm(id, 'U0ADMIN1')).status).toBe('applied');
      expect(await dataAdmin.confirm(id, 'U0ADMIN1')).toEqual({ status: 'duplicate' });
      expect(store.current().figure('ceti25_ai_KR')).toMatchObject({ value: 15.2, rank: 8 });
      expect(store.current().version).toBe(2);
      const entries = (await store.audit.entries()).filter((e) => e.changeId === id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actor: 'U0ADMIN1',
        action: 'set',
        status: 'committed',
        fromVersion: 1,
        toVersion: 2,
      });
      expect(entries[0]?.changes[0]?.before?.value).toBe(14.1);
    });

    it('refuses a Confirm whose figure changed since the preview', async () => {
      const { run, dataAdmin } = await dataHarness({ interactive: true });
      const id = confirmId((await run('/ai-data set ceti25_ai_KR value=15.2')).reply);
      await run('/ai-data set ceti25_ai_KR notes=edited --yes', 'U0ADMIN2');
      await expect(dataAdmin.confirm(id, 'U0ADMIN1')).rejects.toMatchObject({ code: 'changed_since' });
    });

    it('shows an edit at once in every command, keeps a backup, and audits it', async () => {
      const { run, stored, backup } = await dataHarness();
      await run('/ai-data set ceti25_ai_KR value=15.2 rank=8 --yes');
      expect((await run('/ai-rank ceti')).text).toMatch(/8 대한민국 ◀ +15\.2/);
      expect((await run('/ai-rank')).text).toContain('*8위/26 (25개국+유럽 권역)* · 15.2점');
      expect(await backup(1)).toMatch(/"value": ?14\.1/);
      expect((await run('/ai-data history ceti25_ai_KR')).text).toContain('`value`: 14.1 → 15.2');
      expect((await run('/ai-data log')).text).toContain('set ceti25_ai_KR value=15.2 rank=8 --yes');
      expect(datasetSchema.safeParse(JSON.parse(await stored())).success).toBe(true);
    });

    it('adds a figure from one line, marked as admin-entered, and ranks it in its series', async () => {
      const { run, store } = await dataHarness();
      const { reply, text } = await run(
        '/ai-data add series=ceti25_ai country=BR value=7.1 rank=21 period="2025 edition" source_url=https://example.org/br publisher="Example Daily" --yes',
      );
      expect(reply.kind, text).toBe('answer');
      expect(store.current().figure('ceti25_ai_BR')).toMatchObject({
        verification: 'entered_by_admin',
        confidence: 'medium',
        country: 'BR',
      });
      expect((await run('/ai-rank ceti brazil')).text).toMatch(/21 브라질 ◀ +7\.1/);
      expect((await run('/ai-data show ceti25_ai_BR')).text).toContain('관리자 입력');
    });

    it('removes recoverably: restore and undo bring the figure back', async () => {
      const { run, store } = await dataHarness();
      await run('/ai-data remove ceti25_ai_JP --yes');
      expect(store.current().figure('ceti25_ai_JP')).toBeUndefined();
      await run('/ai-data restore ceti25_ai_JP --yes');
      expect(store.current().figure('ceti25_ai_JP')?.value).toBe(13.2);
      await run('/ai-data remove ceti25_ai_JP --yes', 'U0ADMIN2');
      await run('/ai-data undo --yes', 'U0ADMIN2');
      expect(store.current().figure('ceti25_ai_JP')?.value).toBe(13.2);
      // U0ADMIN2's only change is undone; U0ADMIN1's remove and restore are not theirs to undo.
      expect((await run('/ai-data undo --yes', 'U0ADMIN2')).text).toContain('되돌릴 내 변경이 없습니다');
    });

    it("undoes the admin's own last change, and says so when there is nothing left", async () => {
      const { run, store } = await dataHarness();
      await run('/ai-data set ceti25_ai_KR value=15 --yes');
      await run('/ai-data set ceti25_ai_US value=91 --yes', 'U0ADMIN2');
      await run('/ai-data undo --yes');
      expect(store.current().figure('ceti25_ai_KR')?.value).toBe(14.1);
      expect(store.current().figure('ceti25_ai_US')?.value).toBe(91);
      expect((await run('/ai-data undo --yes')).text).toContain('되돌릴 내 변경이 없습니다');
    });

    it('edits a caveat and the publisher’s Korean name; both show at once where the figure is shown', async () => {
      const { run, store } = await dataHarness();
      await run('/ai-data set tortoise25_KR caveat_ko="편집한 주의 문구" caveat="an edited caveat" --yes');
      await run('/ai-data set tortoise25_KR publisher_ko="편집한 매체명" --yes');
      const figure = store.current().figure('tortoise25_KR');
      expect(figure?.caveat).toEqual({ en: 'an edited caveat', ko: '편집한 주의 문구' });
      expect(figure?.source.shortName?.ko).toBe('편집한 매체명');
      const { text } = await run('/ai-rank');
      expect(text).toContain('⚠️ _편집한 주의 문구_');
      expect(text).toContain('|편집한 매체명>');
      expect((await run('/ai-rank --en')).text).toContain('⚠️ _an edited caveat_');
      await run('/ai-data set tortoise25_KR caveat=none --yes');
      expect(store.current().figure('tortoise25_KR')?.caveat).toBeUndefined();
    });

    it('stores hostile labels as typed and escapes them wherever they are shown', async () => {
      const { run, store } = await dataHarness();
      const label = '<!channel> <@U123> <https://x.example|y> & more';
      await run(`/ai-data set ceti25_ai_KR publisher="${label}" notes="${label}" --yes`);
      expect(store.current().figure('ceti25_ai_KR')?.source.publisher).toBe(label);
      for (const line of [
        '/ai-data show ceti25_ai_KR',
        '/ai-rank',
        '/ai-rank ceti',
        '/ai-data history ceti25_ai_KR',
        '/ai-data search channel',
      ]) {
        const { text } = await run(line);
        expect(text, line).toContain('&lt;!channel&gt;');
        expect(withoutSlackMarkup(text), line).not.toMatch(/[<>]/);
      }
    });
  });

  describe('concurrent edits', () => {
    it('20 admins editing 20 figures at once: all applied, none lost', async () => {
      const admins = Array.from({ length: 20 }, (_, i) => `U0ADM${String(i).padStart(2, '0')}`);
      const { run, store } = await dataHarness({ admins });
      const ids = store
        .current()
        .allFigures()
        .slice(0, 20)
        .map((f) => f.id);
      const results = await Promise.all(ids.map((id, i) => run(`/ai-data set ${id} notes=edit-${i} --yes`, admins[i])));
      expect(results.every((r) => r.reply.kind === 'answer')).toBe(true);
      for (const [i, id] of ids.entries()) expect(store.current().figure(id)?.notes).toBe(`edit-${i}`);
      expect(store.current().version).toBe(21);
      const committed = (await store.audit.entries()).filter((e) => e.status === 'committed');
      expect(committed.map((e) => e.actor).sort()).toEqual(admins);
    });

    it('the same figure edited at once: one wins, both are in the audit log', async () => {
      const { run, store } = await dataHarness();
      await Promise.all([
        run('/ai-data set ceti25_ai_KR value=15 --yes'),
        run('/ai-data set ceti25_ai_KR value=16 --yes', 'U0ADMIN2'),
      ]);
      const committed = (await store.audit.entries()).filter((e) => e.status === 'committed');
      expect(committed.map((e) => e.actor).sort()).toEqual(['U0ADMIN1', 'U0ADMIN2']);
      const last = committed.at(-1)?.changes[0]?.after?.value;
      expect(store.current().figure('ceti25_ai_KR')?.value).toBe(last);
    });
  });
});
