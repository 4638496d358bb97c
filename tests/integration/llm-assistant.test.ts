import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadConfig } from '../../src/config.js';
import { BriefEngine } from '../../src/llm/engine.js';
import { createOpenAiBriefer } from '../../src/llm/openai-briefer.js';
import { FakeLlm, type LlmRequest } from '../helpers/fake-llm.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { capturingLogger, services } from '../helpers/services.js';
import { eventBody, eventually, postSigned } from '../helpers/slack-http.js';

/** Slack's assistant panel over HTTP: real Bolt app and HTTP receiver, Slack's Web API and the model faked. */

const SECRET = 'abcabcabcabcabcabcabcabcabcabc12';
const DM = 'D0ASSIST';
let slack: FakeSlack;
let llm: FakeLlm;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  llm = await new FakeLlm().start();
});
afterAll(async () => {
  await slack.stop();
  await llm.stop();
});

async function startApp(withLlm: boolean): Promise<{ app: App; url: string }> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-9-9-assist',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    PORT: '0',
  });
  const logger = capturingLogger();
  const brief = withLlm
    ? new BriefEngine(
        createOpenAiBriefer({ apiKey: 'sk-a', baseUrl: llm.url, model: 'fake-model', timeoutMs: 1500 }),
        logger,
      )
    : undefined;
  const app = createSlackApp({
    config,
    services: await services({ logger, ...(brief ? { brief } : {}) }),
    logger,
    health: () => ({ status: 'ok', mode: 'http', datasetVersion: 1 }),
  });
  await app.init();
  const server = (await app.start()) as unknown as { address(): AddressInfo };
  return { app, url: `http://127.0.0.1:${server.address().port}/slack/events` };
}

async function send(url: string, event: Record<string, unknown>): Promise<number> {
  const started = Date.now();
  const res = await postSigned({ url, secret: SECRET, body: eventBody(event), contentType: 'application/json' });
  expect(res.status).toBe(200);
  return Date.now() - started;
}

function threadStarted(threadTs: string) {
  return {
    type: 'assistant_thread_started',
    assistant_thread: {
      user_id: 'U0ALICE',
      context: { channel_id: 'C0POLICY', team_id: 'T0TEST', enterprise_id: null },
      channel_id: DM,
      thread_ts: threadTs,
    },
    event_ts: threadTs,
  };
}

let tsCounter = 0;
function userMessage(threadTs: string, text: string, extra: Record<string, unknown> = {}) {
  tsCounter += 1;
  return {
    type: 'message',
    user: 'U0ALICE',
    text,
    ts: `1800000000.${String(tsCounter).padStart(6, '0')}`,
    thread_ts: threadTs,
    channel: DM,
    channel_type: 'im',
    event_ts: `1800000000.${String(tsCounter).padStart(6, '0')}`,
    ...extra,
  };
}

const repliesIn = (threadTs: string) => slack.messages.filter((m) => m.threadTs === threadTs);
const callsOf = (method: string) => slack.calls.filter((c) => c.method === method);
const citeEnum = (r: LlmRequest | undefined): string[] => {
  const schema = JSON.stringify(r?.body.response_format?.json_schema?.schema ?? {});
  return JSON.parse(/"cites":\{[^}]*?"enum":(\[[^\]]*\])/.exec(schema)?.[1] ?? '[]');
};

describe('assistant panel without an LLM', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await startApp(false));
  });
  afterAll(() => app.stop());

  it('greets in both languages and suggests questions in Korean and English', async () => {
    const thread = '1800000001.000100';
    expect(await send(url, threadStarted(thread))).toBeLessThan(3000);
    expect(await eventually(() => callsOf('assistant.threads.setSuggestedPrompts').length > 0)).toBe(true);
    const greeting = repliesIn(thread)[0];
    expect(greeting?.channel).toBe(DM);
    expect(greeting?.text).toContain('국가 AI 경쟁력에 대해 물어보세요');
    expect(greeting?.text).toContain('Ask about national AI competitiveness');
    const body = callsOf('assistant.threads.setSuggestedPrompts')[0]?.body as {
      thread_ts: string;
      channel_id: string;
      title: string;
      prompts: { title: string; message: string }[];
    };
    expect(body.thread_ts).toBe(thread);
    expect(body.channel_id).toBe(DM);
    expect(body.title).toBe('이런 질문을 해 보세요 · Try asking');
    expect(body.prompts).toHaveLength(4);
    expect(body.prompts.filter((p) => /\p{Script=Hangul}/u.test(p.message))).toHaveLength(2);
    expect(body.prompts.filter((p) => !/\p{Script=Hangul}/u.test(p.message))).toHaveLength(2);
  });

  it('shows a status, then answers in the thread with the dataset figures and says the LLM layer is off', async () => {
    const thread = '1800000002.000100';
    await send(url, threadStarted(thread));
    await eventually(() => repliesIn(thread).length === 1);
    const elapsed = await send(url, userMessage(thread, '한국의 AI 인재 유출은 얼마나 심각한가?'));
    expect(elapsed).toBeLessThan(3000);
    expect(await eventually(() => repliesIn(thread).length === 2)).toBe(true);
    const answer = repliesIn(thread)[1];
    const blocks = JSON.stringify(answer?.blocks);
    expect(blocks).toContain('AI 인재 순유출입');
    expect(blocks).toContain('<https://www.dt.co.kr/article/11671917|');
    expect(blocks).toContain('LLM 계층이 꺼져 있어');
    const status = callsOf('assistant.threads.setStatus').find((c) => c.body.thread_ts === thread);
    expect(status?.body.status).toBe('데이터셋을 찾아보는 중…');
    expect(status?.at ?? Infinity).toBeLessThanOrEqual(answer?.at ?? 0);
    const title = callsOf('assistant.threads.setTitle').find((c) => c.body.thread_ts === thread);
    expect(title?.body.title).toBe('한국의 AI 인재 유출은 얼마나 심각한가?');
  });

  it('answers an English question in English, and ignores its own and edited messages', async () => {
    const thread = '1800000003.000100';
    await send(url, userMessage(thread, 'Where does Korea rank in AI competitiveness indices?'));
    expect(await eventually(() => repliesIn(thread).length === 1)).toBe(true);
    expect(JSON.stringify(repliesIn(thread)[0]?.blocks)).toContain('The LLM layer is off');
    await send(url, userMessage(thread, 'echo', { user: undefined, bot_id: 'B0BOT' }));
    await send(url, userMessage(thread, 'edited', { subtype: 'message_changed' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(repliesIn(thread)).toHaveLength(1);
  });

  it('asks for a question when the message has no text, without a stack trace', async () => {
    const thread = '1800000004.000100';
    await send(url, userMessage(thread, '   '));
    expect(await eventually(() => repliesIn(thread).length === 1)).toBe(true);
    expect(repliesIn(thread)[0]?.text).toContain('질문을 글로 적어 주세요');
  });
});

describe('assistant panel with the grounded engine', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await startApp(true));
  });
  afterAll(() => app.stop());
  beforeEach(() => {
    llm.requests.length = 0;
  });

  it('answers with cited figures, and a follow-up in the thread builds on the earlier figures', async () => {
    llm.reply = () => {
      const de = llm.lastQuestion().includes('독일');
      const text = de
        ? '독일은 {{fig:kcci_netai_2024_DE}}, 한국은 {{fig:kcci_netai_2024_KR}}입니다.'
        : '한국의 AI 인재 순유출입은 {{fig:kcci_netai_2024_KR}}입니다.';
      const cites = de ? ['kcci_netai_2024_DE', 'kcci_netai_2024_KR'] : ['kcci_netai_2024_KR'];
      return { kind: 'answer', content: { answerable: true, sentences: [{ text, cites }] } };
    };
    const thread = '1800000005.000100';
    await send(url, threadStarted(thread));
    await send(url, userMessage(thread, '한국의 AI 인재 유출은 얼마나 심각한가?'));
    expect(await eventually(() => repliesIn(thread).length === 2)).toBe(true);
    const first = JSON.stringify(repliesIn(thread)[1]?.blocks);
    expect(first).toContain('한국의 AI 인재 순유출입은 *-0.36');
    expect(first).toContain('모델 fake-model');

    await send(url, userMessage(thread, '독일은?'));
    expect(await eventually(() => repliesIn(thread).length === 3)).toBe(true);
    const ids = citeEnum(llm.requests[1]);
    expect(ids).toContain('kcci_netai_2024_KR');
    expect(ids).toContain('kcci_netai_2024_DE');
    expect(JSON.stringify(repliesIn(thread)[2]?.blocks)).toMatch(/독일은 \*\+2\.13[^*]*\*, 한국은 \*-0\.36/);

    // The same words in a new thread have nothing to build on.
    const fresh = '1800000005.000900';
    await send(url, userMessage(fresh, '독일은?'));
    expect(await eventually(() => repliesIn(fresh).length === 1)).toBe(true);
    expect(JSON.stringify(repliesIn(fresh)[0]?.blocks)).toContain('답할 수치가 데이터셋에 없습니다');
    expect(llm.requests).toHaveLength(2);
  });

  it('falls back to the dataset figures in the thread when the model fails, and never shows a raw number', async () => {
    const thread = '1800000006.000100';
    llm.reply = () => ({ kind: 'raw', status: 500, body: '{"error":{"message":"boom"}}' });
    await send(url, userMessage(thread, 'How serious is Korea’s AI brain drain?'));
    expect(await eventually(() => repliesIn(thread).length === 1)).toBe(true);
    const blocks = JSON.stringify(repliesIn(thread)[0]?.blocks);
    expect(blocks).toContain('Net AI talent migration per 10,000');
    expect(blocks).toContain('The AI summary could not be made');

    llm.reply = () => ({
      kind: 'answer',
      content: { answerable: true, sentences: [{ text: 'Korea ranks 3rd <!channel>', cites: ['kcci_netai_2024_KR'] }] },
    });
    await send(url, userMessage(thread, 'And the talent flows?'));
    expect(await eventually(() => repliesIn(thread).length === 2)).toBe(true);
    const second = JSON.stringify(repliesIn(thread)[1]);
    expect(second).not.toContain('ranks 3rd');
    expect(second).not.toContain('<!channel>');
    expect(second).toContain('no summary was left');
  });

  it('still answers when Slack refuses the status call', async () => {
    const thread = '1800000007.000100';
    slack.on('assistant.threads.setStatus', () => ({ json: { ok: false, error: 'missing_scope' } }));
    llm.reply = () => ({ kind: 'answer', content: { answerable: false, sentences: [] } });
    try {
      await send(url, userMessage(thread, '한국의 AI 투자는?'));
      expect(await eventually(() => repliesIn(thread).length === 1)).toBe(true);
      expect(JSON.stringify(repliesIn(thread)[0]?.blocks)).toContain('데이터셋으로 답할 수 없는 질문');
    } finally {
      slack.on('assistant.threads.setStatus', () => ({ json: { ok: true } }));
    }
  });
});
