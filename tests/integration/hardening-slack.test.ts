import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadConfig } from '../../src/config.js';
import { dataHarness } from '../helpers/data-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import {
  buttonBody,
  eventually,
  postSigned,
  slashCommandBody,
  triggerId,
  viewSubmissionBody,
} from '../helpers/slack-http.js';

/**
 * Requests a hostile or careless sender could make, through the real HTTP receiver with signed bodies: shared
 * buttons naming admin commands, bodies that are not objects, interactions nobody handles, and the language of
 * every reply to a user who chose English.
 */

const SECRET = 'c0ffeec0ffeec0ffeec0ffeec0ffee00';
let app: App;
let url: string;
let slack: FakeSlack;
let harness: Awaited<ReturnType<typeof dataHarness>>;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  harness = await dataHarness({ admins: ['U0ALICE'], interactive: true });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-7-8-hardening',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    PORT: '0',
    ADMIN_USER_IDS: 'U0ALICE',
  });
  app = createSlackApp({
    config,
    services: { ...harness.services, adminUserIds: ['U0ALICE'] },
    logger: harness.logger,
    health: () => ({ status: 'ok', mode: 'http', datasetVersion: harness.store.current().version }),
  });
  await app.init();
  const server = (await app.start()) as unknown as { address(): AddressInfo };
  url = `http://127.0.0.1:${server.address().port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
  await slack.stop();
});

let responses = 0;
function responseUrl(): { url: string; id: string } {
  responses += 1;
  const id = `h${responses}`;
  return { url: `${slack.url}/response/${id}`, id };
}

async function responseTo(id: string): Promise<Record<string, unknown>> {
  expect(await eventually(() => slack.responses.some((r) => r.id === id), 5000)).toBe(true);
  return slack.responses.find((r) => r.id === id)?.body ?? {};
}

const press = (actionId: string, value: string, user = 'U0ALICE') => {
  const reply = responseUrl();
  const sent = postSigned({ url, secret: SECRET, body: buttonBody(actionId, value, reply.url, user) });
  return { sent, reply };
};

const share = (command: string, text: string) => JSON.stringify({ v: 1, c: command, t: text });

describe('Share to channel runs only shareable commands', () => {
  it.each([
    ['/ai-data', 'set ceti25_ai_KR value=99 --yes'],
    ['/ai-data', 'log'],
    ['/ai-digest', 'subscribe weekly mon 09:00'],
    ['/ai-lang', 'en'],
    ['/ai-brief', '한국 순위는?'],
  ])('a press naming %s %s is refused privately and changes nothing', async (command, text) => {
    const before = await harness.stored();
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    const { sent, reply } = press('share_to_channel', share(command, text));
    expect((await sent).status).toBe(200);
    const body = await responseTo(reply.id);
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(body.text)).toContain('채널에 공유할 수 없습니다');
    expect(await harness.stored()).toBe(before);
    expect(await harness.services.preferences.get('U0ALICE')).toBeUndefined();
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage').length).toBe(posts);
    expect(slack.calls.some((c) => c.method === 'conversations.info')).toBe(false);
  });

  it('still shares a briefing', async () => {
    const { sent, reply } = press('share_to_channel', share('/ai-rank', 'ceti'));
    expect((await sent).status).toBe(200);
    expect(await responseTo(reply.id)).toMatchObject({ text: '채널에 공유했습니다.' });
  });
});

describe('bodies Slack would never send', () => {
  it.each([
    ['form payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['JSON null', 'null', 'application/json'],
    ['form payload=7', 'payload=7', 'application/x-www-form-urlencoded'],
    ['JSON array', '[1,2]', 'application/json'],
  ])('%s gets 400 and a log line; the process keeps answering', async (_name, body, contentType) => {
    const res = await postSigned({ url, secret: SECRET, body, contentType });
    expect(res.status).toBe(400);
    expect(harness.logger.entries.some((e) => e.message.includes('body is not an object'))).toBe(true);
    const after = await postSigned({
      url,
      secret: SECRET,
      body: slashCommandBody('/ai-rank', '', responseUrl().url),
    });
    expect(after.status).toBe(200);
  });

  it('an unsigned null body is still refused as unsigned (401)', async () => {
    const res = await postSigned({ url, secret: 'not-the-secret', body: 'payload=null' });
    expect(res.status).toBe(401);
  });

  it('a slash command without a usable response_url is acknowledged at once, empty, and logged', async () => {
    for (const bad of [undefined, 'not a url', 'javascript:alert(1)']) {
      const params: Record<string, string> = {
        command: '/ai-digest',
        text: '',
        user_id: 'U0ALICE',
        channel_id: 'C0POLICY',
        team_id: 'T0TEST',
        trigger_id: triggerId(),
      };
      if (bad !== undefined) params.response_url = bad;
      const started = Date.now();
      const res = await postSigned({ url, secret: SECRET, body: new URLSearchParams(params).toString() });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      expect(Date.now() - started).toBeLessThan(2500);
    }
    expect(harness.logger.entries.some((e) => e.message.includes('no usable response_url'))).toBe(true);
  });

  it('a modal whose private_metadata is not JSON is still handled (acknowledged, the figure checked)', async () => {
    const body = viewSubmissionBody({ value: 'not-a-number' }).replace(
      encodeURIComponent(JSON.stringify(JSON.stringify({ channelId: 'C0POLICY', locale: 'ko' }))),
      encodeURIComponent(JSON.stringify('{oops')),
    );
    expect(body).toContain(encodeURIComponent('{oops'));
    const started = Date.now();
    const res = await postSigned({ url, secret: SECRET, body });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(JSON.stringify(await res.json())).toContain('"response_action":"errors"');
    expect(harness.logger.entries.some((e) => e.message.includes('private_metadata unreadable'))).toBe(true);
  });
});

describe('interactions nobody handles', () => {
  it('an unknown button is acknowledged at once and the presser told privately that it expired', async () => {
    const started = Date.now();
    const { sent, reply } = press('old_button_from_v0', 'x');
    expect((await sent).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    const body = await responseTo(reply.id);
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(body.text)).toContain('더 이상 쓸 수 없습니다');
    expect(harness.logger.entries.some((e) => e.message === 'unhandled action acknowledged')).toBe(true);
  });

  it('an unknown form is answered with an "expired" view, not an error', async () => {
    const body = viewSubmissionBody({ value: '1' }).replace(
      encodeURIComponent('"callback_id":"data_add"'),
      encodeURIComponent('"callback_id":"retired_form"'),
    );
    const started = Date.now();
    const res = await postSigned({ url, secret: SECRET, body });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    const ack = (await res.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view.blocks)).toContain('더 이상 쓸 수 없습니다');
  });

  it('a global shortcut the app does not know opens an "expired" modal; a message shortcut answers privately', async () => {
    const global = {
      type: 'shortcut',
      callback_id: 'gone_shortcut',
      trigger_id: triggerId(),
      user: { id: 'U0ALICE', team_id: 'T0TEST' },
      team: { id: 'T0TEST' },
      token: 't',
      action_ts: '1',
    };
    const started = Date.now();
    const res = await postSigned({
      url,
      secret: SECRET,
      body: new URLSearchParams({ payload: JSON.stringify(global) }).toString(),
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await eventually(() => slack.calls.some((c) => c.method === 'views.open'))).toBe(true);

    const reply = responseUrl();
    const onMessage = {
      ...global,
      type: 'message_action',
      trigger_id: triggerId(),
      channel: { id: 'C0POLICY' },
      message: { ts: '1.2', text: 'hi' },
      message_ts: '1.2',
      response_url: reply.url,
    };
    await postSigned({
      url,
      secret: SECRET,
      body: new URLSearchParams({ payload: JSON.stringify(onMessage) }).toString(),
    });
    expect(String((await responseTo(reply.id)).text)).toContain('더 이상 쓸 수 없습니다');
  });
});

describe('a user who chose English gets English everywhere', () => {
  it('share confirmation, refusals, Confirm and Cancel results', async () => {
    await harness.services.preferences.set('U0ALICE', { locale: 'en', updatedAt: new Date().toISOString() });
    try {
      const shared = press('share_to_channel', share('/ai-rank', 'ceti'));
      expect(await responseTo(shared.reply.id)).toMatchObject({ text: 'Shared to the channel.' });

      const refused = press('share_to_channel', share('/ai-data', 'log'));
      expect(String((await responseTo(refused.reply.id)).text)).toContain('cannot be shared');

      const preview = await harness.run('/ai-data set ceti25_ai_KR value=15.5', 'U0ALICE');
      const changeId = JSON.stringify(preview.reply.messages).match(/"action_id":"data_cancel","value":"([^"]+)"/)?.[1];
      expect(changeId).toBeDefined();
      const cancelled = press('data_cancel', changeId ?? '');
      expect(String((await responseTo(cancelled.reply.id)).text)).toMatch(/cancel/i);

      const expired = press('data_confirm', 'no-such-change');
      expect(String((await responseTo(expired.reply.id)).text)).toMatch(/[A-Za-z]/);
      expect(String((await responseTo(expired.reply.id)).text)).not.toMatch(/[가-힣]/);

      const stale = press('old_button_from_v0', 'x');
      expect(String((await responseTo(stale.reply.id)).text)).toContain('can no longer be used');
    } finally {
      await harness.services.preferences.set('U0ALICE', undefined);
    }
  });
});
