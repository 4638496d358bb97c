import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/slack-app.js';
import { renderSummaryBlocks } from '../../src/briefings/brief/summary.js';
import { loadConfig } from '../../src/config.js';
import type { DigestSummarizer } from '../../src/digests/channel-digest.js';
import { BriefEngine } from '../../src/llm/engine.js';
import { createOpenAiBriefer } from '../../src/llm/openai-briefer.js';
import { digestHarness, subscribe, subscription } from '../helpers/digest-harness.js';
import { FakeLlm } from '../helpers/fake-llm.js';
import { capturingLogger, services } from '../helpers/services.js';
import { eventually, postSigned, slashCommandBody } from '../helpers/slack-http.js';
import { cleanEnv, runNpm } from '../helpers/spawn.js';

const SECRET = 'abcabcabcabcabcabcabcabcabcabc12';
let llm: FakeLlm;
beforeAll(async () => {
  llm = await new FakeLlm().start();
});
afterAll(() => llm.stop());

const GOOD = {
  kind: 'answer' as const,
  content: {
    answerable: true,
    sentences: [{ text: '한국의 순유출입은 {{fig:kcci_netai_2024_KR}}입니다.', cites: ['kcci_netai_2024_KR'] }],
  },
};

describe('/ai-brief over HTTP with a model that never answers', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('http://slack.test').post('/api/auth.test').reply(200, { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' });
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-9-9-brief',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: 'http://slack.test/api/',
      PORT: '0',
    });
    const logger = capturingLogger();
    const brief = new BriefEngine(
      createOpenAiBriefer({ apiKey: 'sk-x', baseUrl: llm.url, model: 'fake-model', timeoutMs: 1500 }),
      logger,
    );
    app = createSlackApp({
      config,
      services: await services({ logger, brief }),
      logger,
      health: () => ({ status: 'ok', mode: 'http', datasetVersion: 1 }),
    });
    await app.init();
    const server = (await app.start()) as unknown as { address(): AddressInfo };
    base = `http://127.0.0.1:${server.address().port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('acknowledges at once, answers with the figures, and delivers the fallback by the timeout plus one second', async () => {
    llm.reply = () => ({ kind: 'hang' });
    const times: number[] = [];
    const bodies: Record<string, unknown>[] = [];
    const hook = nock('https://hooks.slack.com')
      .post('/commands/T0TEST/4001/x', (b) => {
        times.push(Date.now());
        bodies.push(b);
        return true;
      })
      .times(2)
      .reply(200, 'ok');
    const started = Date.now();
    const res = await postSigned({
      url: base,
      secret: SECRET,
      body: slashCommandBody(
        '/ai-brief',
        '한국의 AI 인재 유출은 얼마나 심각한가?',
        'https://hooks.slack.com/commands/T0TEST/4001/x',
      ),
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await eventually(() => hook.isDone(), 4000)).toBe(true);
    expect((times[0] ?? 0) - started).toBeLessThan(1000);
    expect((times[1] ?? 0) - started).toBeLessThan(1500 + 1000);
    expect(JSON.stringify(bodies[0])).toContain('35위/38');
    expect(JSON.stringify(bodies[1])).toContain('AI 요약이 제시간에 오지 않았습니다');
  });
});

describe('cli ask with an LLM configured', () => {
  it('prints the figures, then the summary as a second JSON line', async () => {
    llm.reply = () => GOOD;
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'ask', '--json', '/ai-brief 한국의 AI 인재 유출은?'], {
      env: cleanEnv({ LLM_API_KEY: 'sk-cli-Zq9', LLM_BASE_URL: llm.url, LLM_MODEL: 'fake-model' }),
    });
    expect(ran.code).toBe(0);
    const lines = ran.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines[0].blocks)).toContain('AI 요약을 만드는 중입니다');
    expect(JSON.stringify(lines[1].blocks)).toContain('한국의 순유출입은 *-0.36');
    expect(ran.stdout + ran.stderr).not.toContain('sk-cli-Zq9');
  });
});

describe('digest summary', () => {
  function summarizer(timeoutMs: number): DigestSummarizer {
    const engine = new BriefEngine(
      createOpenAiBriefer({ apiKey: 'sk-d', baseUrl: llm.url, model: 'fake-model', timeoutMs }),
      capturingLogger(),
    );
    return async ({ locale, view, figures, channelId }) => {
      const result = await engine.ask({ question: 'digest summary', locale, view, figures, userId: channelId });
      return result.kind === 'brief' ? renderSummaryBlocks(view, result.text, locale, result.model) : undefined;
    };
  }

  it('adds a verified summary paragraph under the header, with its sources', async () => {
    llm.reply = () => GOOD;
    const h = await digestHarness({ summarize: summarizer(1000) });
    await subscribe(h.service, subscription('C0SUM'));
    await h.service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
    const blocks = JSON.stringify(h.slack.posts('C0SUM')[0]?.blocks);
    expect(blocks).toContain('*요약* — 한국의 순유출입은 *-0.36');
    expect(blocks).toContain('[1] <https://www.dt.co.kr/article/11671917|');
    await h.slack.stop();
  });

  it('posts on time without a summary when the model does not answer', async () => {
    llm.reply = () => ({ kind: 'hang' });
    const h = await digestHarness({ summarize: summarizer(800) });
    await subscribe(h.service, subscription('C0SUM'));
    const started = Date.now();
    await h.service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
    const post = h.slack.posts('C0SUM')[0];
    expect((post?.at ?? 0) - started).toBeLessThan(800 + 1000);
    expect(JSON.stringify(post?.blocks)).not.toContain('*요약*');
    expect(JSON.stringify(post?.blocks)).toContain('핵심 지표');
    await h.slack.stop();
  });
});
