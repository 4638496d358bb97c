import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/commands/execute.js';
import { services, shippedStore } from '../../helpers/services.js';
import { messageText } from '../../helpers/slack-message.js';

const s = await services({ clock: () => new Date('2026-11-29T03:00:00Z') });
const view = (await shippedStore()).current();

async function ask(command: string, text: string) {
  const reply = await executeCommand({ command, text, userId: 'U1', channelId: 'C1' }, s);
  if (!reply) throw new Error(`no reply to ${command}`);
  return { reply, text: reply.messages.map(messageText).join('\n') };
}

describe('/ai-invest', () => {
  it('shows the latest year, Korea’s rank, and multiples computed from two cited figures', async () => {
    const { reply, text } = await ask('/ai-invest', '');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('AI 민간 투자 — 2025년');
    expect(text).toMatch(/12 대한민국 ◀ +17\.8억 달러/);
    // 285.88 ÷ 1.78 from the two figures, not a number typed anywhere.
    expect(text).toContain('미국 ÷ 대한민국: *160.6배* (2,858.8억 달러 ÷ 17.8억 달러)');
    // The change since the previous year, both figures sourced.
    expect(text).toMatch(/• 대한민국: 17\.8억 달러 · 12위[^\n]*← 2024년 13\.3억 달러 · 11위[^\n]*\[\d\]/);
  });

  it('sets the “dozens of times” claim against the measured multiple of its year', async () => {
    const { text } = await ask('/ai-invest', '2023 --en');
    expect(text).toContain("KMJournal (Nov 2025): “In 2023 US and Chinese AI investment was dozens of times Korea's.”");
    expect(text).toContain('United States 48.4× — *consistent* · China 5.6× — *inconsistent*');
    const measured = view.figure('aii24_privinv2023_KR');
    expect(text).toContain(`<${measured?.source.url}|Electronic Times>`);
  });

  it('suggests the years and countries it knows', async () => {
    const year = await ask('/ai-invest', '2019');
    expect(year.reply.kind).toBe('error');
    expect(year.text).toContain('있는 연도: 2025, 2024, 2023, 2022');
    const country = await ask('/ai-invest', 'japn --en');
    expect(country.text).toContain('Japan');
  });

  it('says “no data” for a country without a figure that year, never zero', async () => {
    const { text } = await ask('/ai-invest', '2022 japan --en');
    expect(text).toContain('Japan: the dataset holds no figure for 2022.');
    expect(text).not.toMatch(/Japan[^\n]*\b0(\.0)?\b/);
  });

  it('carries a bar chart of the year and a line chart of the years', async () => {
    const { reply } = await ask('/ai-invest', '일본');
    expect(reply.charts?.map((c) => c.kind)).toEqual(['bar', 'line']);
    const bar = reply.charts?.[0];
    expect(bar?.kind === 'bar' && bar.bars.find((b) => b.highlight && b.label.includes('대한민국'))?.value).toBe(1.78);
    expect(bar?.altText).toContain('대한민국 17.8억 달러');
  });
});

describe('/ai-compare', () => {
  it('compares over every shared measure, marks the leader, and sources every cell', async () => {
    const { text } = await ask('/ai-compare', '일본 프랑스');
    expect(text).toContain('AI 경쟁력 비교: 일본, 프랑스');
    expect(text).toMatch(/프랑스: \*6위\/26[^\n]*★/);
    expect(text).not.toMatch(/일본: \*10위\/26[^\n]*★/);
    for (const line of text.split('\n').filter((l) => /^🇯🇵|^🇫🇷/.test(l) && !l.includes('데이터 없음'))) {
      expect(line).toMatch(/\[\d+\]/);
    }
  });

  it('compares a single named country with the focus country, and refuses too few or too many', async () => {
    expect((await ask('/ai-compare', 'japan')).text).toContain('대한민국, 일본');
    expect((await ask('/ai-compare', '')).reply.kind).toBe('error');
    expect((await ask('/ai-compare', 'US CN JP DE FR GB')).text).toContain('나라는 5개까지');
    expect((await ask('/ai-compare', 'KR narnia')).reply.kind).toBe('error');
  });
});

describe('/sovereign-ai', () => {
  it('lists the teams with their stage and models, and the next milestone after today', async () => {
    const { text } = await ask('/sovereign-ai', '--en');
    expect(text).toMatch(/LG AI Research\* \(model: K-EXAONE\) — passed the first-stage evaluation/);
    expect(text).toMatch(/Naver Cloud\* — dropped at the first-stage evaluation/);
    expect(text).toMatch(/Motif Technologies\* — added team \(selected 2026-02-20\)/);
    // The evaluation due in August was not reported: next, with its date passed, never as done.
    expect(text).toMatch(/Next\*\n• \*early August 2026\* — Sovereign AI second-stage evaluation · ⏳ date passed/);
  });
});

describe('/ai-timeline', () => {
  it('splits milestones at today (Asia/Seoul) and honours the count', async () => {
    const { text } = await ask('/ai-timeline', 'upcoming 2 --en');
    expect(text).toMatch(/Data as of \d+ [A-Z][a-z]{2} 20\d\d/);
    expect(text).toContain('Upcoming');
    expect(text).not.toContain('*Past*');
    expect(text.match(/^(⚖️|🧭|💰|🖥️|🏁|🎓) /gmu)).toHaveLength(2);
    const past = await ask('/ai-timeline', 'past');
    // The latest past dates are plans with no report of what happened: said so, never shown as done.
    expect(past.text).toMatch(/지난 일정\*\n(🏁|🖥️) \*[^*]+\* — [^\n]* · ⏳ 예정일 지남 · 결과 미확인/);
  });

  it('refuses a count out of range or an unknown word, clearly', async () => {
    expect((await ask('/ai-timeline', '0')).reply.kind).toBe('error');
    expect((await ask('/ai-timeline', 'sometime')).text).toContain('sometime');
  });
});
