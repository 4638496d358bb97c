import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadConfig } from '../../src/config.js';
import { figuresToCsv } from '../../src/data-admin/csv.js';
import { previewImport } from '../../src/data-admin/import-file.js';
import { dataHarness } from '../helpers/data-harness.js';
import {
  buttonBody,
  eventually,
  postSigned,
  slashCommandBody,
  triggerId,
  viewSubmissionBody,
} from '../helpers/slack-http.js';

/** /ai-data through the real HTTP receiver: Confirm buttons, the add modal, file upload and import. */

const SECRET = 'feedc0defeedc0defeedc0defeedc0de';
const API = 'http://slack.test';
const HOOKS = 'https://hooks.slack.com';

let app: App;
let base: string;
let harness: Awaited<ReturnType<typeof dataHarness>>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock(API).post('/api/auth.test').reply(200, { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEST' });
  harness = await dataHarness({ admins: ['U0ALICE'] });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-5-6-dataAdminBot',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${API}/api/`,
    PORT: '0',
    ADMIN_USER_IDS: 'U0ALICE',
  });
  const { store, logger } = harness;
  app = createSlackApp({
    config,
    services: { ...harness.services, adminUserIds: ['U0ALICE'] },
    logger,
    health: () => ({ status: 'ok', mode: 'http', datasetVersion: store.current().version }),
  });
  await app.init();
  const server = (await app.start()) as unknown as { address(): AddressInfo };
  base = `http://127.0.0.1:${server.address().port}/slack/events`;
});

afterEach(() => nock.cleanAll());
afterAll(async () => {
  await app.stop();
  nock.enableNetConnect();
});

function capture(id: string, times = 1) {
  const bodies: Record<string, unknown>[] = [];
  const scope = nock(HOOKS)
    .post(`/commands/T0TEST/${id}/x`, (b) => {
      bodies.push(b);
      return true;
    })
    .times(times)
    .reply(200, 'ok');
  return { bodies, scope, url: `${HOOKS}/commands/T0TEST/${id}/x` };
}

const command = (text: string, responseUrl: string, user = 'U0ALICE', trigger = triggerId()) =>
  postSigned({
    url: base,
    secret: SECRET,
    body: slashCommandBody('/ai-data', text, responseUrl, { user_id: user, trigger_id: trigger }),
  });

function changeIdOf(body: Record<string, unknown> | undefined): string {
  const blocks = (body?.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'data_confirm')?.value ?? '';
}

describe('/ai-data in Slack', () => {
  it('previews an edit with Confirm; Confirm applies it once, however often it is pressed', async () => {
    const preview = capture('3001');
    await command('set ceti25_ai_KR value=15.2', preview.url);
    expect(await eventually(() => preview.scope.isDone())).toBe(true);
    const changeId = changeIdOf(preview.bodies[0]);
    expect(changeId).not.toBe('');
    expect(harness.store.current().figure('ceti25_ai_KR')?.value).toBe(14.1);

    const clicks = capture('3002', 2);
    await postSigned({ url: base, secret: SECRET, body: buttonBody('data_confirm', changeId, clicks.url) });
    await postSigned({ url: base, secret: SECRET, body: buttonBody('data_confirm', changeId, clicks.url) });
    expect(await eventually(() => clicks.scope.isDone())).toBe(true);
    expect(String(clicks.bodies[0]?.text)).toContain('적용했습니다(데이터셋 v2)');
    expect(String(clicks.bodies[1]?.text)).toContain('이미 적용된 변경입니다');
    expect(harness.store.current().figure('ceti25_ai_KR')?.value).toBe(15.2);
    expect(harness.store.current().version).toBe(2);
  });

  it('refuses a non-admin privately and logs the attempt', async () => {
    const reply = capture('3003');
    await command('remove ceti25_ai_US --yes', reply.url, 'U0MALLORY');
    expect(await eventually(() => reply.scope.isDone())).toBe(true);
    expect(reply.bodies[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(reply.bodies[0])).toContain('데이터 변경은 관리자만 할 수 있습니다');
    expect((await harness.store.audit.entries()).some((e) => e.status === 'denied' && e.actor === 'U0MALLORY')).toBe(
      true,
    );
    expect(harness.store.current().figure('ceti25_ai_US')).toBeDefined();
  });

  it('opens the add modal with the trigger; field errors go back onto the fields; a valid form adds the figure', async () => {
    let opened: Record<string, unknown> | undefined;
    const open = nock(API)
      .post('/api/views.open', (b) => {
        opened = b;
        return true;
      })
      .reply(200, { ok: true });
    const reply = capture('3004');
    const started = Date.now();
    await command('add', reply.url, 'U0ALICE', '77.88.add');
    expect(await eventually(() => open.isDone())).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(opened?.trigger_id).toBe('77.88.add');

    const bad = await postSigned({
      url: base,
      secret: SECRET,
      body: viewSubmissionBody({
        series: 'ceti25_ai',
        country: 'BR',
        value: 'seven',
        period: '2025 edition',
        source_url: 'https://e.org',
        publisher: 'E',
      }),
    });
    expect(await bad.json()).toEqual({ response_action: 'errors', errors: { value: '숫자여야 합니다' } });
    expect(harness.store.current().figure('ceti25_ai_BR')).toBeUndefined();

    const ephemeral = nock(API).post('/api/chat.postEphemeral').reply(200, { ok: true });
    const good = await postSigned({
      url: base,
      secret: SECRET,
      body: viewSubmissionBody({
        series: 'ceti25_ai',
        country: 'BR',
        value: '7.1',
        rank: '21',
        period: '2025 edition',
        source_url: 'https://e.org/br',
        publisher: 'Example',
      }),
    });
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    expect(await eventually(() => ephemeral.isDone())).toBe(true);
    expect(harness.store.current().figure('ceti25_ai_BR')).toMatchObject({
      value: 7.1,
      verification: 'entered_by_admin',
    });
  });

  it('exports through files.uploadV2 into the channel', async () => {
    const get = nock(API)
      .post('/api/files.getUploadURLExternal')
      .reply(200, { ok: true, upload_url: 'https://files.slack.test/upload/F1', file_id: 'F1' });
    let uploaded = '';
    const put = nock('https://files.slack.test')
      .post('/upload/F1', (b) => {
        uploaded = typeof b === 'string' ? b : JSON.stringify(b);
        return true;
      })
      .reply(200, 'OK');
    let completed: Record<string, unknown> | undefined;
    const complete = nock(API)
      .post('/api/files.completeUploadExternal', (b) => {
        completed = b;
        return true;
      })
      .reply(200, { ok: true, files: [{ id: 'F1' }] });
    const reply = capture('3005');
    await command('export csv', reply.url, 'U0ANYONE');
    expect(await eventually(() => reply.scope.isDone())).toBe(true);
    expect(get.isDone() && put.isDone() && complete.isDone()).toBe(true);
    expect(completed?.channel_id).toBe('C0POLICY');
    expect(uploaded).toContain('id,category,series');
    expect(JSON.stringify(reply.bodies[0])).toContain('CSV 파일로 내보냈습니다');
  });

  it('imports the newest CSV the admin shared in the channel, after Confirm', async () => {
    const figures = structuredClone([...harness.store.current().allFigures()]).filter((f) => f.id !== 'ceti25_ai_RU');
    nock(API)
      .post('/api/files.list')
      .reply(200, {
        ok: true,
        files: [
          { name: 'old.csv', created: 1, url_private_download: 'https://files.slack.com/dl/old' },
          { name: 'figures.csv', created: 2, url_private_download: 'https://files.slack.com/dl/new', size: 1000 },
        ],
      });
    const download = nock('https://files.slack.com', { reqheaders: { authorization: 'Bearer xoxb-5-6-dataAdminBot' } })
      .get('/dl/new')
      .reply(200, figuresToCsv(figures));
    const preview = capture('3006');
    await command('import', preview.url);
    expect(await eventually(() => preview.scope.isDone())).toBe(true);
    expect(download.isDone()).toBe(true);
    expect(JSON.stringify(preview.bodies[0])).toContain('추가 0건, 변경 0건, 삭제 1건');
    const confirm = capture('3007');
    await postSigned({
      url: base,
      secret: SECRET,
      body: buttonBody('data_confirm', changeIdOf(preview.bodies[0]), confirm.url),
    });
    expect(await eventually(() => confirm.scope.isDone())).toBe(true);
    expect(harness.store.current().figure('ceti25_ai_RU')).toBeUndefined();
    expect(readFileSync(harness.path, 'utf8')).not.toContain('"ceti25_ai_RU"');
  });

  function listing(file: Record<string, unknown>) {
    return nock(API)
      .post('/api/files.list')
      .reply(200, { ok: true, files: [{ name: 'figures.csv', created: 9, ...file }] });
  }

  it('never sends the bot token to a host that is not Slack’s', async () => {
    listing({ url_private_download: 'https://collector.evil.test/steal', size: 100 });
    const evil = nock('https://collector.evil.test').get('/steal').reply(200, 'id\n');
    const reply = capture('3010');
    const before = readFileSync(harness.path, 'utf8');
    await command('import', reply.url);
    expect(await eventually(() => reply.scope.isDone())).toBe(true);
    expect(JSON.stringify(reply.bodies[0])).toContain('Slack 파일 서버가 아닌 곳');
    expect(evil.isDone()).toBe(false);
    expect(readFileSync(harness.path, 'utf8')).toBe(before);
  });

  it('reads no more than the cap, whatever size the listing claims', async () => {
    listing({ url_private_download: 'https://files.slack.com/dl/huge', size: 10 });
    nock('https://files.slack.com')
      .get('/dl/huge')
      .reply(200, 'x'.repeat(6 * 1024 * 1024));
    const reply = capture('3011');
    await command('import', reply.url);
    expect(await eventually(() => reply.scope.isDone(), 10_000)).toBe(true);
    expect(JSON.stringify(reply.bodies[0])).toContain('파일이 너무 큽니다');
  });

  it('reads a large file off the request path: the event loop keeps answering meanwhile', async () => {
    const own = harness.store.current().allFigures();
    const bulk = Array.from({ length: 3800 }, (_, i) => ({
      ...(own[i % own.length] as (typeof own)[number]),
      id: `bulk_${i}`,
      series: null,
    }));
    const csv = figuresToCsv([...own, ...bulk]);
    expect(Buffer.byteLength(csv)).toBeLessThan(5 * 1024 * 1024);
    listing({ url_private_download: 'https://files.slack.com/dl/bulk', size: Buffer.byteLength(csv) });
    nock('https://files.slack.com').get('/dl/bulk').reply(200, csv);
    const reply = capture('3012');
    let longest = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      await command('import', reply.url);
      expect(await eventually(() => reply.scope.isDone(), 20_000)).toBe(true);
    } finally {
      clearInterval(tick);
    }
    expect(JSON.stringify(reply.bodies[0])).toContain('추가 3800건');
    // The same work on the event loop, timed now on this machine, is what every other user would have waited.
    const started = performance.now();
    previewImport('bulk.csv', csv, harness.store.current().dataset());
    const onTheLoop = performance.now() - started;
    expect(longest).toBeLessThan(onTheLoop / 2);
  });
});
