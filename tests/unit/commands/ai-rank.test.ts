import { describe, expect, it } from 'vitest';
import { currentRankings } from '../../../src/briefings/rank/rank-entries.js';
import { ask } from '../../helpers/run.js';
import { shippedStore } from '../../helpers/services.js';

describe('/ai-rank without arguments', () => {
  it("shows Korea's place in every index edition with source, period and field size", async () => {
    const { reply, text } = await ask('/ai-rank');
    expect(reply.kind).toBe('answer');
    expect(reply.visibility).toBe('ephemeral');
    expect(text).toContain('벨퍼 CETI 2025 — AI 부문');
    expect(text).toContain('*9위/26 (25개국+유럽 권역)* · 14.1점');
    expect(text).toContain('2025년판 · 출처: <https://entergo.co.kr/');
    // The newest edition of each index, with the change from the previous one.
    // The earlier rank is a number too, so it carries its source.
    expect(text).toContain(
      '*5위/93개국* · ▲1계단(2024년판 6위 · <https://ajunews.com/view/20240925002539964|아주경제>에서)',
    );
    expect(text).toMatch(/▲3계단\(2024년판 7위 · <[^|]+\|AI타임스>에서\)/);
    expect(text).toMatch(/▲2계단\(2025년 하반기판 18위 · <[^|]+\|헤럴드경제>에서\)/);
    expect(text).not.toContain('토터스 글로벌 AI 지수 2024');
    expect(text).toContain('⚠️ _신뢰도 낮음_');
  });

  it('answers in English with --en, and says what the rank is counted among', async () => {
    const { text } = await ask('/ai-rank --en');
    expect(text).toContain('*9th of 25 countries + Europe (counted as one bloc)* · score 14.1');
    expect(text).toContain('Source: <https://entergo.co.kr/');
  });

  it('names the source of every edition it shows: the newest of each line that ranks Korea', async () => {
    const view = (await shippedStore()).current();
    const { text } = await ask('/ai-rank');
    const shown = currentRankings(view, 'KR');
    expect(shown.length).toBeGreaterThan(10);
    for (const { series, figure } of shown) {
      expect(text).toContain(series.name.ko);
      expect(text).toContain(`<${figure.source.url}|`);
    }
  });

  it('centres on FOCUS_COUNTRY', async () => {
    const { text } = await ask('/ai-rank', { focusCountry: 'JP' });
    expect(text).toContain('일본의 AI 경쟁력 순위');
    expect(text).toContain('*10위/26 (25개국+유럽 권역)* · 13.2점');
    expect(text).not.toContain('대한민국의');
  });

  it('filters by edition year', async () => {
    const { text } = await ask('/ai-rank 2023');
    expect(text).toContain('토터스 글로벌 AI 지수 2023');
    expect(text).not.toContain('벨퍼 CETI 2025');
  });
});

describe('/ai-rank <country>', () => {
  it.each(['KR', 'korea', 'South Korea', '한국', '대한민국', 'kor', 'ＫＲ'])('reads %s as Korea', async (name) => {
    const { text } = await ask(`/ai-rank ${name}`);
    expect(text).toContain('대한민국의 AI 경쟁력 순위');
  });

  it.each([
    ['미국', '미국의 AI 경쟁력 순위'],
    ['일본', '일본의 AI 경쟁력 순위'],
    ['united states --en', 'United States: AI competitiveness rankings'],
  ])('reads %s', async (name, title) => {
    expect((await ask(`/ai-rank ${name}`)).text).toContain(title);
  });

  it('says plainly when a real country has no rankings in the dataset', async () => {
    const { reply, text } = await ask('/ai-rank brazil');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('데이터셋에 브라질의 지수 순위가 없습니다');
  });
});

describe('/ai-rank <index>', () => {
  it('shows the top ten plus Korea, Korea marked, with bars and numbered sources', async () => {
    const { text } = await ask('/ai-rank ceti');
    expect(text).toContain('벨퍼 CETI 2025 — AI 부문 순위');
    expect(text).toMatch(/ {2}9 대한민국 ◀ +14\.1 █+▌? +\[1\]/);
    expect(text).toMatch(/ {2}1 미국 +90\.8 █{16} +\[1\]/);
    expect(text).toContain('[1] <https://entergo.co.kr/');
    expect(text).toContain('신뢰도 중간, 순위 검증·점수 산출');
  });

  it.each([
    ['belfer', 'ceti25_ai'],
    ['벨퍼', 'ceti25_ai'],
    ['ceti overall', 'ceti25_overall'],
    ['벨퍼 종합', 'ceti25_overall'],
    ['vibrancy', 'vibrancy25'],
    ['스탠퍼드 2024', 'vibrancy24'],
    ['tortoise 2023', 'tortoise23'],
    ['토터스 인재', 'tortoise25_talent'],
    ['토터스 인재 2024', 'tortoise24_talent'],
    ['microsoft', 'msdiff26q1'],
    ['마이크로소프트 2025', 'msdiff25h2'],
    ['msdiff 2025-h2', 'msdiff25h2'],
    ['oxford', 'oxgov25'],
    ['imf', 'imfaipi23'],
  ])('finds %s', async (words, seriesId) => {
    const view = (await shippedStore()).current();
    const { text } = await ask(`/ai-rank ${words}`);
    expect(text).toContain(`${view.series(seriesId)?.name.ko} 순위`);
  });

  it('adds a named country below the top ten', async () => {
    const { text } = await ask('/ai-rank ceti russia');
    expect(text).toContain('⋮');
    expect(text).toMatch(/20 러시아 ◀/);
  });

  it('says when a highlighted country is not in the edition', async () => {
    const { text } = await ask('/ai-rank tortoise 2023 japan');
    expect(text).toContain('일본: 이 판에는 없고 글로벌 AI 지수 2025(토터스미디어·옵서버)에 있습니다.');
    expect(text).toContain('`/ai-rank tortoise 2025`');
    const none = await ask('/ai-rank ceti brazil');
    expect(none.text).toContain('브라질: 이 지수에 데이터 없음');
  });

  it('says which editions exist when a year is missing', async () => {
    const { reply, text } = await ask('/ai-rank ceti 2019');
    expect(reply.kind).toBe('error');
    expect(text).toContain('2019년판이 없습니다. 있는 판: 2025');
  });
});

describe('/ai-rank input errors', () => {
  it('suggests the nearest index or country for a typo', async () => {
    const misspelled = await ask('/ai-rank tortise');
    expect(misspelled.reply.kind).toBe('error');
    expect(misspelled.text).toContain('혹시 이것인가요? tortoise');
    const country = await ask('/ai-rank jpan --en');
    expect(country.text).toContain('Did you mean: Japan');
  });

  it('refuses two countries or two indices with a clear message', async () => {
    expect((await ask('/ai-rank korea japan')).text).toContain('한 번에 한 나라만');
    expect((await ask('/ai-rank ceti tortoise')).text).toContain('한 번에 한 지수만');
  });

  it('asks for an index when only a sector is given', async () => {
    expect((await ask('/ai-rank 반도체')).text).toContain('/ai-rank ceti 반도체');
  });

  it('answers help with usage', async () => {
    const { reply, text } = await ask('/ai-rank help');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('/ai-rank 사용법');
    expect(text).toContain('`/ai-rank vibrancy 2024`');
  });
});
