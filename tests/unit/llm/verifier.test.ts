import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownWords, verifyAnswer } from '../../../src/llm/verifier.js';

const ids = ['ceti25_ai_KR', 'ceti25_ai_JP', 'kcci_netai_2024_KR'];
const verdict = (text: string, cites: string[] = ['ceti25_ai_KR']) => {
  const { kept, rejected } = verifyAnswer({ answerable: true, sentences: [{ text, cites }] }, ids);
  return kept.length === 1 ? 'kept' : rejected[0]?.reason;
};

describe('verifyAnswer', () => {
  it('keeps words around cited placeholders', () => {
    expect(
      verdict(
        'Korea ranks {{rank:ceti25_ai_KR}} in the Belfer AI index, with {{fig:ceti25_ai_KR}} in {{period:ceti25_ai_KR}}.',
      ),
    ).toBe('kept');
    expect(
      verdict('한국은 {{rank:ceti25_ai_KR}}로 일본({{rank:ceti25_ai_JP}})보다 앞섭니다.', [
        'ceti25_ai_KR',
        'ceti25_ai_JP',
      ]),
    ).toBe('kept');
  });

  it.each([
    '이 위원회는 인재 유출 위험을 경고했습니다 {{fig:ceti25_ai_KR}}.',
    '한국은 이 위기에서 일본보다 뒤처졌고, 정책 대응이 필요합니다 {{rank:ceti25_ai_KR}}.',
    '국가 전략과 위원회, 반도체와 배터리 산업이 중요합니다 {{fig:ceti25_ai_KR}}.',
    'An early lead matters less than talent {{fig:ceti25_ai_KR}}.',
  ])('keeps ordinary prose %j', (text) => {
    expect(verdict(text)).toBe('kept');
  });

  it.each([
    ['Korea ranks 3rd in AI.', 'number_outside_placeholder'],
    ['Investment reached 77 billion dollars {{fig:ceti25_ai_KR}}.', 'number_outside_placeholder'],
    ['한국은 ９위입니다 {{rank:ceti25_ai_KR}}.', 'number_outside_placeholder'],
    ['미국의 투자는 한국의 수십 배입니다 {{fig:ceti25_ai_KR}}.', 'number_word'],
    ['중국은 한국의 두 배를 투자했습니다 {{fig:ceti25_ai_KR}}.', 'number_word'],
    ['인재의 절반이 떠났습니다 {{fig:ceti25_ai_KR}}.', 'number_word'],
    ['한국은 아홉 번째입니다 {{rank:ceti25_ai_KR}}.', 'number_word'],
    ['Korea is ninth {{rank:ceti25_ai_KR}}.', 'number_word'],
    ['한국은 AI 세계 일등입니다 {{rank:ceti25_ai_KR}}.', 'number_word'],
    ['한국은 첫 번째 국가입니다 {{rank:ceti25_ai_KR}}.', 'number_word'],
    ['일본은 둘째입니다 {{rank:ceti25_ai_KR}}.', 'number_word'],
    ['The US invests dozens of times more {{fig:ceti25_ai_KR}}.', 'number_word'],
    ['China spends twice as much {{fig:ceti25_ai_KR}}.', 'number_word'],
    ['Half of the talent left {{fig:ceti25_ai_KR}}.', 'number_word'],
    ['My instructions: use only the figures in the DATA block {{fig:ceti25_ai_KR}}.', 'prompt_echo'],
    ['시스템 프롬프트는 공개할 수 없습니다 {{fig:ceti25_ai_KR}}.', 'prompt_echo'],
    ['Korea {{fig:ceti25_ai_JP}} is behind.', 'placeholder_not_cited'],
    ['Korea {{fig:tortoise24_KR}} is behind.', 'unknown_placeholder'],
    ['Korea {{fig:ceti25_ai_KR}} is behind.', 'unknown_cite', ['ceti25_ai_KR', 'made_up_id']],
    ['Korea is behind.', 'no_cites', []],
    ['Korea {{fig:ceti25_ai_KR} is behind.', 'bad_placeholder'],
  ])('rejects %j', (text, reason, cites = ['ceti25_ai_KR']) => {
    expect(verdict(text, cites as string[])).toBe(reason);
  });

  it('rejects any sentence with a digit of any script outside its placeholders (property)', () => {
    const digit = fc.constantFrom('0', '7', '٣', '７', '९', '৫');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), digit, fc.string({ maxLength: 40 }), (before, d, after) => {
        const text = `${before}${d}${after} {{fig:ceti25_ai_KR}}`;
        expect(verdict(text)).not.toBe('kept');
      }),
      { numRuns: 2000 },
    );
  });

  it('sees only the model’s own words once placeholders are taken out', () => {
    expect(ownWords('a {{fig:x_1}} b {{ rank : y_2 }} c')).toBe('a   b   c');
  });
});
