import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterAll, describe, expect, it } from 'vitest';
import { adminResolver } from '../../src/adapters/slack/admins.js';
import { SlackDigestPoster } from '../../src/adapters/slack/digest-poster.js';
import { backgroundClientOptions } from '../../src/adapters/slack/slack-client.js';
import { digestComposer } from '../../src/briefings/digest/digest-composer.js';
import { setFields } from '../../src/data-admin/operations.js';
import { createDigestService } from '../../src/digests/digest-service.js';
import { EditableDatasetStore } from '../../src/persistence/files/editable-file-store.js';
import { digestState, subscribe, subscription } from '../helpers/digest-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { capturingLogger, DATASET_PATH } from '../helpers/services.js';
import { eventually } from '../helpers/slack-http.js';

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-sync-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  return dir;
}

const slack = await new FakeSlack().start();
afterAll(() => slack.stop());

describe('edits reach everything', () => {
  it("an edit shows in the channel's next digest as a change, old and new", async () => {
    const dir = dataDir();
    const store = await EditableDatasetStore.open(dir, { logger: capturingLogger() });
    let now = new Date('2026-11-30T00:00:30Z');
    slack.clock = () => now.getTime();
    const digests = createDigestService({
      state: digestState(dir),
      composer: digestComposer,
      store,
      poster: new SlackDigestPoster(new WebClient('xoxb-1-2-sync', backgroundClientOptions(`${slack.url}/api/`))),
      adminUserIds: [],
      focusCountry: 'KR',
      defaults: { timezone: 'Asia/Seoul', locale: 'ko' },
      logger: capturingLogger(),
      clock: () => now,
      runner: { channelGapMs: 5 },
    });
    await subscribe(digests, subscription('C0SYNC', { frequency: 'daily', days: [] }));
    await digests.runner.runDue(now);
    await store.edit(setFields('U0ADMIN1', 'tortoise24_KR', { value: '28.5' }, 'set tortoise24_KR value=28.5'));
    now = new Date('2026-12-01T00:00:30Z');
    await digests.runner.runDue(now);
    const latest = JSON.stringify(slack.posts('C0SYNC').at(-1)?.blocks);
    expect(latest).toContain('27.26점 → *6위/83개국* · 28.5점');
  });

  it('a running bot sees an edit another process made within about a second, and neither loses the other', async () => {
    const dir = dataDir();
    const bot = await EditableDatasetStore.open(dir, { logger: capturingLogger() });
    const cli = await EditableDatasetStore.open(dir, { logger: capturingLogger() });
    const stop = bot.watch(100);
    try {
      await cli.edit(setFields('U0CLI', 'ceti25_ai_KR', { notes: 'from the CLI' }, 'cli'));
      expect(await eventually(() => bot.current().figure('ceti25_ai_KR')?.notes === 'from the CLI', 2000)).toBe(true);
      await bot.edit(setFields('U0BOT', 'ceti25_ai_US', { notes: 'from the bot' }, 'bot'));
      await cli.edit(setFields('U0CLI', 'ceti25_ai_CN', { notes: 'cli again' }, 'cli'));
      expect(await eventually(() => bot.current().version === 4, 2000)).toBe(true);
      const figure = (id: string) => bot.current().figure(id)?.notes;
      expect([figure('ceti25_ai_KR'), figure('ceti25_ai_US'), figure('ceti25_ai_CN')]).toEqual([
        'from the CLI',
        'from the bot',
        'cli again',
      ]);
    } finally {
      stop();
    }
  });
});

describe('workspace admins (ADMIN_WORKSPACE_ADMINS=on)', () => {
  it('counts admins and owners from users.info, caches the answer, and fails closed', async () => {
    const users: Record<string, unknown> = {
      U0OWNER: { id: 'U0OWNER', team_id: 'T0TEST', is_owner: true },
      U0WSADM: { id: 'U0WSADM', team_id: 'T0TEST', is_admin: true },
      U0GUEST: { id: 'U0GUEST', team_id: 'T0TEST', is_admin: true, is_restricted: true },
      U0PLAIN: { id: 'U0PLAIN', team_id: 'T0TEST' },
    };
    slack.on('users.info', (call) => {
      const user = users[String(call.body.user)];
      return user ? { json: { ok: true, user } } : { json: { ok: false, error: 'user_not_found' } };
    });
    const client = new WebClient('xoxb-1-2-sync', { slackApiUrl: `${slack.url}/api/`, retryConfig: { retries: 0 } });
    const isAdmin = adminResolver({
      adminUserIds: ['U0LISTED'],
      workspaceAdmins: true,
      client,
      logger: capturingLogger(),
    });
    expect(
      await Promise.all(['U0LISTED', 'U0OWNER', 'U0WSADM', 'U0GUEST', 'U0PLAIN', 'U0NOBODY'].map(isAdmin)),
    ).toEqual([true, true, true, false, false, false]);
    const calls = slack.calls.filter((c) => c.method === 'users.info').length;
    await isAdmin('U0OWNER');
    expect(slack.calls.filter((c) => c.method === 'users.info').length).toBe(calls);
    const off = adminResolver({ adminUserIds: [], workspaceAdmins: false, client, logger: capturingLogger() });
    expect(await off('U0OWNER')).toBe(false);
  });
});

describe('workspace admins from elsewhere', () => {
  const users: Record<string, unknown> = {
    // An admin of another organisation, reached through a Slack Connect channel.
    U0CONNECT: { id: 'U0CONNECT', team_id: 'T0OTHER', is_admin: true, is_owner: true },
    U0STRANGE: { id: 'U0STRANGE', team_id: 'T0TEST', is_admin: true, is_stranger: true },
    U0SINGLE: { id: 'U0SINGLE', team_id: 'T0TEST', is_admin: true, is_ultra_restricted: true },
    U0NOTEAM: { id: 'U0NOTEAM', is_admin: true },
    U0ORGADM: { id: 'U0ORGADM', team_id: 'T0TEST', is_admin: true, enterprise_user: { enterprise_id: 'E0OURS' } },
    U0ORGOUT: { id: 'U0ORGOUT', team_id: 'T0TEST', is_admin: true, enterprise_user: { enterprise_id: 'E0THEIRS' } },
  };
  const resolver = (auth: Record<string, unknown>) => {
    slack.on('auth.test', () => ({ json: auth }));
    slack.on('users.info', (call) => ({ json: { ok: true, user: users[String(call.body.user)] } }));
    const client = new WebClient('xoxb-1-2-sync', { slackApiUrl: `${slack.url}/api/`, retryConfig: { retries: 0 } });
    return adminResolver({ adminUserIds: [], workspaceAdmins: true, client, logger: capturingLogger() });
  };

  it('refuses admins of another team, strangers and guests; requires the same organisation on Enterprise Grid', async () => {
    const single = resolver({ ok: true, team_id: 'T0TEST', user_id: 'U0BOT' });
    expect(await Promise.all(['U0CONNECT', 'U0STRANGE', 'U0SINGLE', 'U0NOTEAM'].map(single))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const grid = resolver({ ok: true, team_id: 'T0TEST', enterprise_id: 'E0OURS', user_id: 'U0BOT' });
    expect(await Promise.all(['U0ORGADM', 'U0ORGOUT'].map(grid))).toEqual([true, false]);
  });

  it('fails closed when it cannot tell which workspace it is installed in', async () => {
    const unknown = resolver({ ok: false, error: 'invalid_auth' });
    expect(await unknown('U0ORGADM')).toBe(false);
    slack.on('auth.test', () => ({ json: { ok: true, team_id: 'T0TEST' } }));
  });
});
