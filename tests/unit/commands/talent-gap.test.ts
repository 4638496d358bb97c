import { describe, expect, it } from 'vitest';
import { ask } from '../../helpers/run.js';
import { shippedStore } from '../../helpers/services.js';

describe('/talent-gap', () => {
  it("puts Korea's net AI talent migration against its OECD field, with the source", async () => {
    const { reply, text } = await ask('/talent-gap');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('대한민국의 AI 인재 현황');
    expect(text).toContain('*35위/38 (OECD 38개국)* · -0.36 (링크드인 회원 1만 명당 AI 인재 순유입)');
    expect(text).toContain('출처: <https://www.dt.co.kr/article/11671917|');
    expect(text).toMatch(/대한민국 ◀ +-0\.36 ░ +\[\d\]/);
  });

  it('draws every peer in the migration series, each footnoted to its source', async () => {
    const view = (await shippedStore()).current();
    const { text } = await ask('/talent-gap');
    for (const figure of view.observations('net_ai_migration_2024')) {
      expect(text).toContain(`<${figure.source.url}|`);
      expect(text).toContain(view.country(figure.country ?? '')?.name.ko ?? '?');
    }
  });

  it('covers concentration, supply and shortage (with the different-bases warning) and the 1.4 trillion won plan', async () => {
    const { text } = await ask('/talent-gap');
    expect(text).toContain('AI 인재 집중도');
    expect(text).toContain('1만 2,800명');
    expect(text).toContain('서로 다른 기준·출처의 추정치이므로 직접 비교하지 마세요');
    // The plan as updated: a one-year budget, with the caveat that other "1.4조" budgets may be other money.
    expect(text).toContain('*1.4조 원 (초중등 0.9조 원 + 고등·평생 0.5조 원; 2026년 한 해)*');
    expect(text).toContain('<https://www4.ajunews.com/view/20251110152722543|아주경제>');
    expect(text).toContain('같은 돈인지는 확인되지 않았습니다');
  });

  it('speaks English with --en', async () => {
    const { text } = await ask('/talent-gap --en');
    expect(text).toContain('South Korea: AI talent position');
    expect(text).toContain('*35th of 38 OECD countries* · -0.36 (net AI talent flow per 10,000 LinkedIn members)');
    expect(text).toContain('*KRW 1.4 trillion (K-12 0.9T + higher/lifelong 0.5T; FY2026 alone)*');
  });

  it('compares countries series by series, saying "no data" rather than zero', async () => {
    const { text } = await ask('/talent-gap US JP');
    expect(text).toContain('AI 인재 비교: 대한민국, 미국, 일본');
    // Both from the 2024 edition, which holds both countries; the 2025 edition lacks Korea, and the answer says so.
    expect(text).toContain('• 미국: *+1.07 (링크드인 회원 1만 명당 AI 인재 순유입)*');
    expect(text).toContain('ℹ️ 이전 판입니다. 최신판: AI 인재 순유출입 2025');
    expect(text).toContain('• 일본: _데이터 없음_');
    expect(text).not.toMatch(/일본: \*0/);
  });

  it('centres on FOCUS_COUNTRY and says "no data" for what it lacks', async () => {
    const { text } = await ask('/talent-gap', { focusCountry: 'JP' });
    expect(text).toContain('일본의 AI 인재 현황');
    expect(text).toContain('• 일본: _데이터 없음_');
  });

  it('rejects unknown words with suggestions and too many countries with the limit', async () => {
    const typo = await ask('/talent-gap germny');
    expect(typo.reply.kind).toBe('error');
    expect(typo.text).toContain('독일');
    const many = await ask('/talent-gap us jp cn gb de fr in');
    expect(many.text).toContain('6개국까지');
  });
});

describe('/ai-help', () => {
  it('lists every command with examples in the reply language', async () => {
    const ko = await ask('/ai-help');
    for (const name of ['/ai-rank', '/talent-gap', '/ai-help']) expect(ko.text).toContain(name);
    expect(ko.text).toContain('AI Policy Brief 사용법');
    const en = await ask('/ai-help --en');
    expect(en.text).toContain('How to use AI Policy Brief');
  });

  it('explains one command, and suggests a command for a typo', async () => {
    expect((await ask('/ai-help talent-gap')).text).toContain('/talent-gap 사용법');
    const typo = await ask('/ai-help ai-rnak');
    expect(typo.reply.kind).toBe('error');
    expect(typo.text).toContain('/ai-rank');
  });
});
