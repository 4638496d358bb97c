import { describe, expect, it } from 'vitest';
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
    expect(text).toContain('*6위/83개국* · 27.26점 · 2023년판과 같은 순위');
    expect(text).toContain('▲3계단(2024년판 7위에서)');
    expect(text).toContain('⚠️ _신뢰도 낮음_');
  });

  it('answers in English with --en, and says what the rank is counted among', async () => {
    const { text } = await ask('/ai-rank --en');
    expect(text).toContain('*9th of 25 countries + Europe (counted as one bloc)* · score 14.1');
    expect(text).toContain('Source: <https://entergo.co.kr/');
  });

  it('names every source of every edition it shows', async () => {
    const view = (await shippedStore()).current();
    const { text } = await ask('/ai-rank');
    const shown = view.allSeries().filter((s) => s.index && view.observation(s.id, 'KR'));
    expect(shown.length).toBeGreaterThan(10);
    for (const series of shown) {
      const figure = view.observation(series.id, 'KR');
      expect(text).toContain(series.name.ko);
      expect(text).toContain(`<${figure?.source.url}|`);
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
    ['토터스 인재', 'tortoise24_talent'],
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
    expect(text).toContain('일본: 이 지수에 데이터 없음');
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
