import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeCommand } from '../../src/commands/execute.js';
import type { Reply } from '../../src/core/blocks/reply.js';
import { BriefEngine, DEFAULT_LIMITS, type EngineLimits } from '../../src/llm/engine.js';
import { createOpenAiBriefer } from '../../src/llm/openai-briefer.js';
import { FakeLlm } from '../helpers/fake-llm.js';
import { capturingLogger, services } from '../helpers/services.js';
import { limitViolations, messageText, withoutSlackMarkup } from '../helpers/slack-message.js';

/** /ai-brief through the real openai client against an OpenAI-compatible server on loopback. */

const KEY = 'sk-test-Zq9SecretKey';
let llm: FakeLlm;

beforeAll(async () => {
  llm = await new FakeLlm().start();
});
afterAll(() => llm.stop());

async function ask(
  question: string,
  options: { timeoutMs?: number; limits?: Partial<EngineLimits>; userId?: string; off?: boolean } = {},
) {
  const logger = capturingLogger();
  const briefer = createOpenAiBriefer({
    apiKey: KEY,
    baseUrl: llm.url,
    model: 'fake-model',
    timeoutMs: options.timeoutMs ?? 2000,
  });
  const brief = new BriefEngine(options.off ? null : briefer, logger, { ...DEFAULT_LIMITS, ...options.limits });
  const base = await services({ logger, brief });
  const started = Date.now();
  const reply = (await executeCommand(
    { command: '/ai-brief', text: question, userId: options.userId ?? 'U1', channelId: 'C1' },
    base,
  )) as Reply;
  const first = reply.messages.map(messageText).join('\n');
  const next = reply.followUp ? await reply.followUp() : undefined;
  return {
    reply,
    first,
    second: next?.messages.map(messageText).join('\n') ?? '',
    next,
    ms: Date.now() - started,
    logger,
    brief,
    run: (q: string, user = 'U1') =>
      executeCommand({ command: '/ai-brief', text: q, userId: user, channelId: 'C1' }, base),
  };
}

const TALENT = '한국의 AI 인재 유출은 얼마나 심각한가?';

describe('/ai-brief', () => {
  it('answers at once with the figures and their sources, then a summary whose numbers come from cited figures', async () => {
    llm.reply = () => ({
      kind: 'answer',
      content: {
        answerable: true,
        sentences: [
          {
            text: '한국의 AI 인재 순유출입은 {{fig:kcci_netai_2024_KR}}로 {{rank:kcci_netai_2024_KR}}입니다.',
            cites: ['kcci_netai_2024_KR'],
          },
          {
            text: '링크드인 기준 AI 인재 집중도는 {{fig:aii25_talentconc_2024_KR}}입니다.',
            cites: ['aii25_talentconc_2024_KR'],
          },
        ],
      },
    });
    const { reply, first, second, next } = await ask(TALENT);
    expect(first).toContain('AI 브리프');
    expect(first).toContain('<https://www.dt.co.kr/article/11671917|');
    expect(first).toContain('AI 요약을 만드는 중입니다');
    expect(reply.visibility).toBe('ephemeral');
    expect(second).toContain(
      '한국의 AI 인재 순유출입은 *-0.36 (링크드인 회원 1만 명당 AI 인재 순유입)*로 *35위/38 (OECD 38개국)*입니다. [1]',
    );
    expect(second).toContain('*1.06% (링크드인 회원 중)*입니다. [2]');
    expect(second).toContain('[1] <https://www.dt.co.kr/article/11671917|');
    expect(second).toContain('모델 fake-model · 데이터셋 v1');
    // Notifications and screen readers get the summary's first sentence, not just a title.
    expect(next?.messages[0]?.text).toContain(
      '한국의 AI 인재 순유출입은 -0.36 (링크드인 회원 1만 명당 AI 인재 순유입)로',
    );
    for (const m of next?.messages ?? []) expect(limitViolations(m)).toEqual([]);
    // The model was given the candidates as an enum of citable ids, and the question as delimited data.
    const request = llm.requests.at(-1);
    const schema = JSON.stringify(request?.body.response_format);
    expect(request?.body.response_format?.type).toBe('json_schema');
    expect(schema).toContain('"enum":["kcci_netai_2024_KR"');
    expect(request?.authorization).toBe(`Bearer ${KEY}`);
    expect(llm.lastQuestion()).toBe(TALENT);
  });

  it('drops sentences with raw numbers, number words, foreign or uncited ids; the numbers never reach the reader', async () => {
    llm.reply = () => ({
      kind: 'answer',
      content: {
        answerable: true,
        sentences: [
          { text: 'Korea ranks 3rd in talent flows.', cites: ['kcci_netai_2024_KR'] },
          { text: 'Outflows reached 77 billion won {{fig:kcci_netai_2024_KR}}.', cites: ['kcci_netai_2024_KR'] },
          {
            text: '미국은 한국의 수십 배 인재를 끌어들입니다 {{fig:kcci_netai_2024_KR}}.',
            cites: ['kcci_netai_2024_KR'],
          },
          { text: 'Tortoise puts Korea at {{rank:tortoise24_KR}}.', cites: ['tortoise24_KR'] },
          { text: 'Concentration is {{fig:aii25_talentconc_2024_KR}}.', cites: ['kcci_netai_2024_KR'] },
          { text: '한국의 순유출입은 {{fig:kcci_netai_2024_KR}}입니다.', cites: ['kcci_netai_2024_KR'] },
        ],
      },
    });
    const { second, logger } = await ask(TALENT);
    expect(second).toContain('한국의 순유출입은 *-0.36');
    for (const leaked of ['3rd', '77', '수십', 'Tortoise', 'Concentration']) expect(second).not.toContain(leaked);
    expect(logger.entries.filter((e) => e.message === 'llm sentence rejected').map((e) => e.fields?.reason)).toEqual([
      'number_outside_placeholder',
      'number_outside_placeholder',
      'number_word',
      'unknown_cite',
      'placeholder_not_cited',
    ]);
  });

  it('shows mentions and links from the model as text: no ping, no link', async () => {
    llm.reply = () => ({
      kind: 'answer',
      content: {
        answerable: true,
        sentences: [
          {
            text: '<!channel> <@UABC> see <https://evil.example|official> & {{fig:kcci_netai_2024_KR}}',
            cites: ['kcci_netai_2024_KR'],
          },
        ],
      },
    });
    const { second } = await ask(TALENT);
    expect(second).toContain('&lt;!channel&gt; &lt;@UABC&gt; see &lt;https[:]//evil[.]example|official&gt; &amp;');
    expect(second).not.toContain('evil.example');
    expect(withoutSlackMarkup(second)).not.toMatch(/[<>]/);
    expect(second).not.toContain('<https://evil.example');
  });

  it('keeps 50 KB of model text within Slack’s limits', async () => {
    const long = `${'긴 문장 '.repeat(6000)}{{fig:kcci_netai_2024_KR}}`;
    llm.reply = () => ({
      kind: 'answer',
      content: {
        answerable: true,
        sentences: Array.from({ length: 12 }, () => ({ text: long, cites: ['kcci_netai_2024_KR'] })),
      },
    });
    const { next } = await ask(TALENT);
    expect(JSON.stringify(llm.requests.length)).toBeTruthy();
    for (const m of next?.messages ?? []) expect(limitViolations(m)).toEqual([]);
    expect(next?.messages.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'invalid JSON',
      () => ({ kind: 'answer' as const, content: '{"answerable": true, "sentences": [' }),
      'invalid_json',
    ],
    ['a schema mismatch', () => ({ kind: 'answer' as const, content: { answer: 'hi' } }), 'schema_mismatch'],
    [
      '429',
      () => ({ kind: 'raw' as const, status: 429, body: '{"error":{"message":"slow down","type":"rate_limit"}}' }),
      'rate_limited',
    ],
    ['500', () => ({ kind: 'raw' as const, status: 500, body: '{"error":{"message":"boom"}}' }), 'http_500'],
    ['a refusal', () => ({ kind: 'answer' as const, content: { answerable: false, sentences: [] } }), 'unanswerable'],
  ])('falls back on %s with a one-line note, on time', async (_name, reply, reason) => {
    llm.reply = reply;
    const { first, second, ms, logger } = await ask(TALENT);
    expect(first).toContain('<https://www.dt.co.kr/article/11671917|');
    expect(second).toMatch(/위 (데이터셋 )?수치를 참고해 주세요/);
    expect(ms).toBeLessThan(3000);
    if (reason !== 'unanswerable')
      expect(logger.entries.find((e) => e.message === 'llm brief failed')?.fields?.reason).toBe(reason);
    expect(JSON.stringify(logger.entries)).not.toContain(KEY);
  });

  it('gives up on a response that never comes within the timeout plus one second', async () => {
    llm.reply = () => ({ kind: 'hang' });
    const { first, second, ms } = await ask(TALENT, { timeoutMs: 1500 });
    expect(first).toContain('35위/38');
    expect(second).toContain('AI 요약이 제시간에 오지 않았습니다');
    expect(ms).toBeLessThan(1500 + 1000);
  });

  it('says the LLM layer is off when there is no key, and sends no follow-up', async () => {
    const { reply, first } = await ask(TALENT, { off: true });
    expect(first).toContain('LLM 계층이 꺼져 있어 데이터셋 수치만 보여 드립니다');
    expect(reply.followUp).toBeUndefined();
  });

  it('does not call the model when the dataset holds nothing relevant', async () => {
    const before = llm.requests.length;
    const { first, reply } = await ask('What is the weather in Seoul tomorrow?');
    expect(first).toContain('데이터셋에 없습니다');
    expect(reply.followUp).toBeUndefined();
    expect(llm.requests.length).toBe(before);
  });

  it('caches by question, dataset version and language; limits users and the daily budget', async () => {
    llm.reply = () => ({
      kind: 'answer',
      content: {
        answerable: true,
        sentences: [{ text: '순유출입 {{fig:kcci_netai_2024_KR}}', cites: ['kcci_netai_2024_KR'] }],
      },
    });
    const before = llm.requests.length;
    const session = await ask(TALENT, { limits: { perUserPerHour: 2, dailyBudget: 3 } });
    const again = (await (await session.run(TALENT))?.followUp?.())?.messages.map(messageText).join('');
    expect(again).toContain('순유출입 *-0.36');
    expect(llm.requests.length - before).toBe(1);
    await (await session.run('한국의 AI 투자 규모는?'))?.followUp?.();
    const limited = await (await session.run('한국의 GPU 확보 계획은?'))?.followUp?.();
    expect(limited?.messages.map(messageText).join('')).toContain('AI 요약 요청이 많습니다');
    await (await session.run('한국의 GPU 확보 계획은?', 'U2'))?.followUp?.();
    const spent = await (await session.run('한국의 특허 수는?', 'U3'))?.followUp?.();
    expect(spent?.messages.map(messageText).join('')).toContain('AI 요약 한도를 다 썼습니다');
  });
});
