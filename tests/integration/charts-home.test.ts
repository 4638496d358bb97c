import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/slack-app.js';
import { defaultChartFonts } from '../../src/charts/chart-render.js';
import { Charter } from '../../src/charts/charter.js';
import type { CommandServices } from '../../src/commands/execute.js';
import { loadConfig } from '../../src/config.js';
import type { DigestService } from '../../src/digests/digest-service.js';
import { digestHarness, subscribe, subscription } from '../helpers/digest-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { hostileStore } from '../helpers/hostile.js';
import { capturingLogger, services } from '../helpers/services.js';
import { eventBody, eventually, postSigned, slashCommandBody } from '../helpers/slack-http.js';

/** Charts under slash-command answers and App Home, through the real Bolt app over HTTP; Slack's side faked. */

const SECRET = 'abcabcabcabcabcabcabcabcabcabc12';
let slack: FakeSlack;
let digests: DigestService;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  const harness = await digestHarness({ slack });
  digests = harness.service;
  await subscribe(digests, subscription('C0MINE'), subscription('C0OTHER', { locale: 'en' }));
});
afterAll(() => slack.stop());

function uploadsAccepted(): void {
  slack.on('files.getUploadURLExternal', () => ({
    json: { ok: true, upload_url: `${slack.url}/upload/F0CHART`, file_id: 'F0CHART' },
  }));
  slack.on('files.completeUploadExternal', () => ({ json: { ok: true, files: [{ id: 'F0CHART', title: 'chart' }] } }));
}

async function startApp(
  overrides: Partial<CommandServices> & { admins?: string } = {},
): Promise<{ app: App; url: string; logger: ReturnType<typeof capturingLogger> }> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-9-9-charts',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    PORT: '0',
    ...(overrides.admins ? { ADMIN_USER_IDS: overrides.admins } : {}),
  });
  const logger = capturingLogger();
  const app = createSlackApp({
    config,
    services: await services({
      logger,
      digests,
      charter: new Charter(defaultChartFonts(), logger),
      adminUserIds: config.adminUserIds,
      ...overrides,
    }),
    logger,
    health: () => ({ status: 'ok', mode: 'http', datasetVersion: 1 }),
  });
  await app.init();
  const server = (await app.start()) as unknown as { address(): AddressInfo };
  return { app, url: `http://127.0.0.1:${server.address().port}/slack/events`, logger };
}

const callsOf = (method: string) => slack.calls.filter((c) => c.method === method);

describe('charts under an answer', () => {
  let running: Awaited<ReturnType<typeof startApp>> | undefined;
  afterEach(async () => {
    await running?.app.stop();
    running = undefined;
    slack.uploads.length = 0;
    slack.responses.length = 0;
    slack.calls.length = 0;
  });

  it('answers at once with text bars, then shows the PNG as a private file in an image block', async () => {
    uploadsAccepted();
    running = await startApp();
    const res = await postSigned({
      url: running.url,
      secret: SECRET,
      body: slashCommandBody('/ai-rank', 'ceti', `${slack.url}/response/c1`),
    });
    expect(JSON.stringify(await res.json())).toContain('9 대한민국 ◀');
    expect(await eventually(() => slack.responses.length === 1, 5000)).toBe(true);
    const upload = slack.uploads[0]?.bytes ?? Buffer.alloc(0);
    expect(upload.subarray(upload.indexOf('PNG') - 1, upload.indexOf('PNG') + 3).toString('latin1')).toBe('\x89PNG');
    expect(callsOf('files.completeUploadExternal')[0]?.body.channel_id).toBeUndefined();
    const blocks = (slack.responses[0]?.body.blocks ?? []) as {
      type: string;
      slack_file: { id: string };
      alt_text: string;
    }[];
    const image = blocks[0];
    expect(image?.type).toBe('image');
    expect(image?.slack_file).toEqual({ id: 'F0CHART' });
    expect(image?.alt_text).toContain('9. 대한민국 14.1');
    expect(slack.responses[0]?.body.response_type).toBe('ephemeral');
  });

  it('puts a chart it has uploaded before straight into the answer', async () => {
    uploadsAccepted();
    running = await startApp();
    const ask = () =>
      postSigned({
        url: running?.url ?? '',
        secret: SECRET,
        body: slashCommandBody('/ai-rank', 'ceti overall', `${slack.url}/response/c4`),
      }).then((r) => r.json());
    const first = await ask();
    expect(JSON.stringify(first)).not.toContain('slack_file');
    expect(await eventually(() => slack.responses.length === 1, 5000)).toBe(true);
    const second = (await ask()) as { blocks: { type: string; slack_file?: { id: string } }[] };
    expect(second.blocks.at(-1)).toMatchObject({ type: 'image', slack_file: { id: 'F0CHART' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(callsOf('files.getUploadURLExternal')).toHaveLength(1);
    expect(slack.responses).toHaveLength(1);
  });

  it("escapes the chart message's text: a name in the data cannot ping the channel", async () => {
    uploadsAccepted();
    running = await startApp({ store: await hostileStore() });
    await postSigned({
      url: running.url,
      secret: SECRET,
      body: slashCommandBody('/ai-rank', 'ceti', `${slack.url}/response/c9`),
    });
    expect(await eventually(() => slack.responses.some((r) => r.id === 'c9'), 5000)).toBe(true);
    const text = String(slack.responses.find((r) => r.id === 'c9')?.body.text);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
  });

  it('keeps the text answer when the font is missing, and posts nothing more', async () => {
    uploadsAccepted();
    running = await startApp({ charter: new Charter(['/no/such/font.ttf'], capturingLogger()) });
    const res = await postSigned({
      url: running.url,
      secret: SECRET,
      body: slashCommandBody('/ai-invest', '', `${slack.url}/response/c2`),
    });
    expect(JSON.stringify(await res.json())).toContain('AI 민간 투자 — 2025년');
    await new Promise((r) => setTimeout(r, 500));
    expect(callsOf('files.getUploadURLExternal')).toHaveLength(0);
    expect(slack.responses).toHaveLength(0);
  });

  it('keeps the text answer when Slack refuses the upload (no files:write)', async () => {
    slack.on('files.getUploadURLExternal', () => ({ json: { ok: false, error: 'missing_scope' } }));
    running = await startApp();
    const res = await postSigned({
      url: running.url,
      secret: SECRET,
      body: slashCommandBody('/ai-invest', '2023 --en', `${slack.url}/response/c3`),
    });
    expect(JSON.stringify(await res.json())).toContain('Private AI investment — 2023');
    expect(await eventually(() => running?.logger.entries.some((e) => e.message === 'chart not shown') === true)).toBe(
      true,
    );
    expect(slack.responses).toHaveLength(0);
  });
});

describe('App Home', () => {
  const opened = (user: string) => ({
    type: 'app_home_opened',
    user,
    channel: 'D0HOME',
    tab: 'home',
    event_ts: '1800000000.000100',
  });

  it('shows a member the subscriptions of their channels only, within 100 blocks', async () => {
    slack.on('users.conversations', () => ({
      json: { ok: true, channels: [{ id: 'C0MINE' }], response_metadata: {} },
    }));
    const { app, url } = await startApp();
    try {
      const res = await postSigned({
        url,
        secret: SECRET,
        body: eventBody(opened('U0MEMBER')),
        contentType: 'application/json',
      });
      expect(res.status).toBe(200);
      expect(await eventually(() => callsOf('views.publish').length > 0, 5000)).toBe(true);
      const call = callsOf('views.publish').at(-1);
      expect(call?.body.user_id).toBe('U0MEMBER');
      const view = JSON.parse(String(call?.body.view)) as { type: string; blocks: unknown[] };
      expect(view.type).toBe('home');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const text = JSON.stringify(view.blocks);
      expect(text).toContain('대한민국 AI 경쟁력 한눈에');
      expect(text).toContain('<#C0MINE>');
      expect(text).not.toContain('<#C0OTHER>');
      expect(text).toContain('그 밖에 내가 속하지 않은 채널 1곳');
      expect(text).toContain('9위/26');
    } finally {
      await app.stop();
    }
  });

  it('shows an admin every subscription', async () => {
    slack.calls.length = 0;
    const { app, url } = await startApp({ admins: 'U0BOSS' });
    try {
      await postSigned({ url, secret: SECRET, body: eventBody(opened('U0BOSS')), contentType: 'application/json' });
      expect(await eventually(() => callsOf('views.publish').length > 0, 5000)).toBe(true);
      const text = String(callsOf('views.publish').at(-1)?.body.view);
      expect(text).toContain('<#C0MINE>');
      expect(text).toContain('<#C0OTHER>');
      expect(text).toContain('모든 채널의 다이제스트 구독');
      expect(callsOf('users.conversations')).toHaveLength(0);
    } finally {
      await app.stop();
    }
  });
});
