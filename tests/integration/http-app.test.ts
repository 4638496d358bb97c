import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadConfig } from '../../src/config.js';
import { encodeShare } from '../../src/core/blocks/reply.js';
import { capturingLogger, services } from '../helpers/services.js';
import { blockActionBody, eventually, postSigned, slackSignature, slashCommandBody } from '../helpers/slack-http.js';

const SECRET = '8f742231b10e8888abcd99aaabbb85a5';
const BOT_TOKEN = 'xoxb-1234-5678-testBotToken';
const API = 'http://slack.test';
const HOOKS = 'https://hooks.slack.com';

let app: App;
let base: string;
const logger = capturingLogger();

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  // The start-up auth.test goes to SLACK_API_URL, not slack.com.
  const auth = nock(API)
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEST' });
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${API}/api/`,
    PORT: '0',
  });
  app = createSlackApp({
    config,
    services: await services({ logger }),
    logger,
    health: () => ({ status: 'ok', mode: config.mode, datasetVersion: 1 }),
  });
  await app.init();
  const server = (await app.start()) as unknown as { address(): AddressInfo };
  base = `http://127.0.0.1:${server.address().port}`;
  expect(await eventually(() => auth.isDone())).toBe(true);
});

afterEach(() => {
  nock.cleanAll();
});

afterAll(async () => {
  await app.stop();
  nock.enableNetConnect();
});

function responseUrl(id: string): string {
  return `${HOOKS}/commands/T0TEST/${id}/secret${id}`;
}

/** Captures what the app sends to a response_url. */
function expectResponses(id: string, count = 1) {
  const bodies: Record<string, unknown>[] = [];
  const scope = nock(HOOKS)
    .post(`/commands/T0TEST/${id}/secret${id}`, (body) => {
      bodies.push(body);
      return true;
    })
    .times(count)
    .reply(200, 'ok');
  return { bodies, scope };
}

describe('HTTP mode through the real receiver', () => {
  it("signs test requests exactly as Slack's published example does", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('answers a signed /ai-rank privately in the acknowledgement itself, within 3 s', async () => {
    const { scope } = expectResponses('1001');
    const started = Date.now();
    const res = await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: slashCommandBody('/ai-rank', '', responseUrl('1001')),
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const answer = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('대한민국의 AI 경쟁력 순위');
    expect(JSON.stringify(answer.blocks)).toContain('9위/26 (25개국+유럽 권역)* · 14.1점');
    expect(JSON.stringify(answer.blocks)).toContain('<https://entergo.co.kr/');
    // One message: nothing more through response_url.
    expect(await eventually(() => scope.isDone(), 500)).toBe(false);
  });

  it('answers /talent-gap in English when asked', async () => {
    const res = await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: slashCommandBody('/talent-gap', '--en', responseUrl('1002')),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('35th of 38 OECD countries');
  });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const { scope } = expectResponses('1003');
    const body = slashCommandBody('/ai-rank', '', responseUrl('1003'));
    const res = await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body,
      signature: slackSignature('wrong-secret', Math.floor(Date.now() / 1000), body),
    });
    expect(res.status).toBe(401);
    expect(await eventually(() => scope.isDone(), 500)).toBe(false);
  });

  it('rejects a tampered body with 401', async () => {
    const { scope } = expectResponses('1004');
    const ts = Math.floor(Date.now() / 1000);
    const signed = slashCommandBody('/ai-rank', '', responseUrl('1004'));
    const res = await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: signed.replace('text=', 'text=japan'),
      timestamp: ts,
      signature: slackSignature(SECRET, ts, signed),
    });
    expect(res.status).toBe(401);
    expect(await eventually(() => scope.isDone(), 500)).toBe(false);
  });

  it('rejects a timestamp older than five minutes with 401, even when correctly signed', async () => {
    const { scope } = expectResponses('1005');
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      timestamp: old,
      body: slashCommandBody('/ai-rank', '', responseUrl('1005')),
    });
    expect(res.status).toBe(401);
    expect(await eventually(() => scope.isDone(), 500)).toBe(false);
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'http', datasetVersion: 1 });
  });
});

describe('Share to channel', () => {
  const share = encodeShare('/ai-rank', 'ceti') ?? '';

  it('posts the briefing to the channel as the bot, without the button, and clears the private copy', async () => {
    const posted: Record<string, unknown>[] = [];
    const post = nock(API)
      .post('/api/chat.postMessage', (body) => {
        posted.push(body);
        return true;
      })
      .reply(200, { ok: true, channel: 'C0POLICY', ts: '1700000002.000300' });
    const { bodies, scope } = expectResponses('2001');
    const res = await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: blockActionBody(share, responseUrl('2001')),
    });
    expect(res.status).toBe(200);
    expect(await eventually(() => post.isDone() && scope.isDone())).toBe(true);
    const message = posted[0] as { channel: string; text: string; blocks: string | unknown[] };
    expect(message.channel).toBe('C0POLICY');
    const blocks = typeof message.blocks === 'string' ? message.blocks : JSON.stringify(message.blocks);
    expect(blocks).toContain('벨퍼 CETI 2025 — AI 부문 순위');
    expect(blocks).toContain('<@U0ALICE>님이 공유했습니다');
    expect(blocks).not.toContain('share_to_channel');
    expect(bodies[0]).toMatchObject({ replace_original: true, text: '채널에 공유했습니다.' });
  });

  it('handles a replayed press (same trigger_id) once, and a second real press again', async () => {
    const posted: unknown[] = [];
    nock(API)
      .post('/api/chat.postMessage', (body) => {
        posted.push(body);
        return true;
      })
      .times(3)
      .reply(200, { ok: true, channel: 'C0POLICY', ts: '1700000002.000400' });
    expectResponses('2010', 3);
    const press = blockActionBody(share, responseUrl('2010'));
    const send = (body: string) => postSigned({ url: `${base}/slack/events`, secret: SECRET, body });
    const [first, replay] = await Promise.all([send(press), send(press)]);
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(await eventually(() => posted.length === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(posted).toHaveLength(1);
    await send(blockActionBody(share, responseUrl('2010')));
    expect(await eventually(() => posted.length === 2)).toBe(true);
  });

  it('tells the user to invite the bot when Slack answers not_in_channel', async () => {
    nock(API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'not_in_channel' });
    const { bodies, scope } = expectResponses('2002');
    await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: blockActionBody(share, responseUrl('2002')),
    });
    expect(await eventually(() => scope.isDone())).toBe(true);
    expect(bodies[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(bodies[0]?.text)).toContain('/invite @AI Policy Brief');
  });

  it('does not wait out a rate limit on a request path', async () => {
    nock(API).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '120' });
    const { bodies, scope } = expectResponses('2003');
    const started = Date.now();
    await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: blockActionBody(share, responseUrl('2003')),
    });
    expect(await eventually(() => scope.isDone(), 5000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(String(bodies[0]?.text)).toContain('몇 초 뒤 다시');
  });

  it('refuses a tampered button value without posting anything', async () => {
    const post = nock(API).post('/api/chat.postMessage').reply(200, { ok: true });
    const { bodies, scope } = expectResponses('2004');
    await postSigned({
      url: `${base}/slack/events`,
      secret: SECRET,
      body: blockActionBody('{"v":1,"c":"/ai-rank; drop"}', responseUrl('2004')),
    });
    expect(await eventually(() => scope.isDone())).toBe(true);
    expect(String(bodies[0]?.text)).toContain('명령을 다시 실행');
    expect(post.isDone()).toBe(false);
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret', () => {
    const all = JSON.stringify(logger.entries);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
