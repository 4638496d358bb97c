import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/persistence/pg/database.js';
import { PgSubscriptionStore } from '../../src/persistence/pg/digest-tables.js';
import { subscription } from '../helpers/digest-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { DATASET_PATH } from '../helpers/services.js';
import { askCommand, buttonBody, eventBody, eventually, postSigned, slashCommandBody } from '../helpers/slack-http.js';
import { cleanEnv, freePort, ROOT, runNpm, startBot } from '../helpers/spawn.js';

/** Several real processes, each with its own DATA_DIR as on separate hosts, sharing one PostgreSQL. */

const homeOpened = (user: string) =>
  eventBody({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.1' });

const BOT = 'xoxb-8100-8101-replicaBot';
const AT = '2026-11-30T00:00:30Z';
const databases = new TestDatabases();
let slack: FakeSlack;

function host(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-replica-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  return dir;
}

function env(db: Database, extra: Record<string, string> = {}) {
  return cleanEnv({
    DATA_DIR: host(),
    DATABASE_URL: db.url,
    SLACK_BOT_TOKEN: BOT,
    SLACK_API_URL: `${slack.url}/api/`,
    ...extra,
  });
}

async function startReplica(
  db: Database,
  secret: string,
  extra: Record<string, string> = {},
): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const bot = await startBot(env(db, { SLACK_SIGNING_SECRET: secret, PORT: String(port), SCHEDULER: 'off', ...extra }));
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    stop: bot.stop,
  };
}

describePg('replicas on one PostgreSQL', () => {
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterEach(() => {
    slack.messages.length = 0;
    slack.on('chat.postMessage', (call) => {
      const stored = slack.store(call);
      return { json: { ok: true, channel: stored.channel, ts: stored.ts } };
    });
  });
  afterAll(async () => {
    await slack.stop();
    await databases.dropAll();
  });

  it('three `digest run --at` processes on the same slot post one message per channel', async () => {
    const db = await databases.get('three');
    const subs = new PgSubscriptionStore(db);
    for (const id of ['C0AAA', 'C0BBB', 'C0CCC']) await subs.change(id, () => subscription(id));
    const args = ['run', '--silent', 'cli', '--', 'digest', 'run', '--at', AT];
    const runs = await Promise.all([0, 1, 2].map(() => runNpm(args, { env: env(db) })));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    for (const id of ['C0AAA', 'C0BBB', 'C0CCC']) expect(slack.posts(id)).toHaveLength(1);
    const lines = runs.flatMap((r) => r.stdout.trim().split('\n'));
    expect(lines.filter((l) => l.startsWith('posted'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('skipped'))).toHaveLength(6);
  });

  it('an event Slack retries to another replica is answered once', async () => {
    const db = await databases.get('retries');
    slack.messages.length = 0;
    const secret = 'abcabcabcabcabcabcabcabcabcabc12';
    const replicas = await Promise.all([0, 1].map(() => startReplica(db, secret)));
    try {
      const body = JSON.stringify({
        token: 'x',
        team_id: 'T0TEST',
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: 'Ev0RETRY01',
        event_time: 1,
        event: {
          type: 'message',
          user: 'U0ALICE',
          text: '한국의 AI 인재 유출은 얼마나 심각한가?',
          ts: '1800000100.000100',
          thread_ts: '1800000099.000100',
          channel: 'D0REPLICA',
          channel_type: 'im',
          event_ts: '1800000100.000100',
        },
      });
      const first = await postSigned({ url: replicas[0]?.url ?? '', secret, body, contentType: 'application/json' });
      const retry = await postSigned({ url: replicas[1]?.url ?? '', secret, body, contentType: 'application/json' });
      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(await eventually(() => slack.messages.some((m) => m.channel === 'D0REPLICA'), 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      expect(slack.messages.filter((m) => m.channel === 'D0REPLICA')).toHaveLength(1);
    } finally {
      for (const r of replicas) r.stop();
    }
  });

  it('a Confirm press replayed to another replica applies once; the other replica’s App Home shows it within a second', async () => {
    const db = await databases.get('confirm');
    const secret = 'abcabcabcabcabcabcabcabcabcabc12';
    const [a, b] = await Promise.all([0, 1].map(() => startReplica(db, secret, { ADMIN_USER_IDS: 'U0ALICE' })));
    const responses = (id: string) => slack.responses.filter((r) => r.id === id);
    const publishedHome = () => slack.calls.filter((c) => c.method === 'views.publish').map((c) => String(c.body.view));
    try {
      if (!a || !b) throw new Error('replicas did not start');
      await postSigned({
        url: a.url,
        secret,
        body: slashCommandBody('/ai-data', 'set ceti25_ai_KR value=15.7', `${slack.url}/response/preview`),
      });
      expect(await eventually(() => responses('preview').length === 1, 10_000)).toBe(true);
      const blocks = (responses('preview')[0]?.body.blocks ?? []) as {
        elements?: { action_id?: string; value?: string }[];
      }[];
      const changeId = blocks.flatMap((x) => x.elements ?? []).find((e) => e.action_id === 'data_confirm')?.value ?? '';
      expect(changeId).not.toBe('');

      // A proxy in front of the replicas delivers the same press to both.
      const press = buttonBody('data_confirm', changeId, `${slack.url}/response/confirm`);
      const acks = await Promise.all([a.url, b.url].map((url) => postSigned({ url, secret, body: press })));
      expect(acks.map((r) => r.status)).toEqual([200, 200]);
      expect(await eventually(() => responses('confirm').length > 0, 10_000)).toBe(true);
      const applied = Date.now();
      const { rows } = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM audit_log WHERE change_id = $1 AND status = 'committed'",
        [changeId],
      );
      expect(Number(rows[0]?.n)).toBe(1);

      // Replica B, which did not apply the edit, shows it on the App Home as soon as it is asked.
      let shown = 0;
      for (let i = 0; i < 40 && shown === 0; i += 1) {
        const before = publishedHome().length;
        await postSigned({
          url: b.url,
          secret,
          body: homeOpened('U0ALICE'),
          contentType: 'application/json',
        });
        await eventually(() => publishedHome().length > before, 3000);
        if (publishedHome().at(-1)?.includes('15.7')) shown = Date.now();
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(shown - applied).toBeGreaterThanOrEqual(0);
      expect(shown - applied).toBeLessThan(1000);
      expect(publishedHome().at(-1)).toContain('데이터셋 v2');
      await new Promise((r) => setTimeout(r, 500));
      expect(responses('confirm')).toHaveLength(1);
      expect(JSON.stringify(responses('confirm')[0]?.body)).toContain('적용했습니다(데이터셋 v2)');
    } finally {
      a?.stop();
      b?.stop();
    }
  });

  it('a language chosen on one replica holds on another, in commands and on the App Home', async () => {
    const db = await databases.get('language');
    const secret = 'abcabcabcabcabcabcabcabcabcabc12';
    const [a, b] = await Promise.all([0, 1].map(() => startReplica(db, secret)));
    let asked = 0;
    const ask = (url: string, command: string, text: string, userId: string) => {
      asked += 1;
      return askCommand({ url, secret, slack, command, text, id: `lang${asked}`, userId });
    };
    try {
      if (!a || !b) throw new Error('replicas did not start');
      expect(await ask(a.url, '/ai-lang', 'en', 'U0ERIN')).toContain('Replies to you will now be in *English*');
      expect(await ask(b.url, '/ai-rank', '', 'U0ERIN')).toContain('AI competitiveness rankings');
      expect(await ask(b.url, '/ai-rank', '', 'U0FRANK')).toContain('AI 경쟁력 순위');
      const before = slack.calls.filter((c) => c.method === 'views.publish').length;
      await postSigned({
        url: b.url,
        secret,
        body: homeOpened('U0ERIN'),
        contentType: 'application/json',
      });
      const published = () => slack.calls.filter((c) => c.method === 'views.publish').slice(before);
      expect(await eventually(() => published().length > 0, 5000)).toBe(true);
      expect(String(published()[0]?.body.view)).toContain('AI competitiveness at a glance');
    } finally {
      a?.stop();
      b?.stop();
    }
  });

  it('a follow-up in an assistant thread builds on its earlier figures whichever replica answers it', async () => {
    const db = await databases.get('threads');
    const secret = 'abcabcabcabcabcabcabcabcabcabc12';
    const replicas = await Promise.all([0, 1].map(() => startReplica(db, secret)));
    const message = (id: string, text: string, ts: string) =>
      JSON.stringify({
        token: 'x',
        team_id: 'T0TEST',
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: id,
        event_time: 1,
        event: {
          type: 'message',
          user: 'U0ALICE',
          text,
          ts,
          thread_ts: '1800000199.000100',
          channel: 'D0THREAD',
          channel_type: 'im',
          event_ts: ts,
        },
      });
    const inThread = () => slack.messages.filter((m) => m.channel === 'D0THREAD');
    try {
      await postSigned({
        url: replicas[0]?.url ?? '',
        secret,
        body: message('Ev0T1', '한국의 AI 인재 유출은 얼마나 심각한가?', '1800000200.000100'),
        contentType: 'application/json',
      });
      expect(await eventually(() => inThread().length === 1, 10_000)).toBe(true);
      await postSigned({
        url: replicas[1]?.url ?? '',
        secret,
        body: message('Ev0T2', '독일은?', '1800000201.000100'),
        contentType: 'application/json',
      });
      expect(await eventually(() => inThread().length === 2, 10_000)).toBe(true);
      const followUp = JSON.stringify(inThread()[1]?.blocks);
      expect(followUp).toContain('독일');
      expect(followUp).not.toContain('답할 수치가 데이터셋에 없습니다');
    } finally {
      for (const r of replicas) r.stop();
    }
  });

  it('a replica killed while posting: nothing twice during the lease, then each slot delivered exactly once', async () => {
    const db = await databases.get('killed');
    slack.calls.length = 0;
    slack.messages.length = 0;
    const subs = new PgSubscriptionStore(db);
    for (const id of ['C0REACHED', 'C0LOST']) await subs.change(id, () => subscription(id));
    // Slack takes its time to answer; the process is killed before it records anything. One post reached Slack
    // before the kill, the other never did.
    slack.on('chat.postMessage', (call) => {
      if (call.body.channel === 'C0REACHED') slack.store(call);
      return { json: { ok: true, ts: '1.1' }, delayMs: 60_000 };
    });
    const child = spawn('npm', ['run', '--silent', 'cli', '--', 'digest', 'run', '--at', AT], {
      cwd: ROOT,
      env: env(db),
      stdio: 'ignore',
      detached: true,
    });
    const attempted = () =>
      new Set(slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.body.channel));
    expect(await eventually(() => attempted().size === 2, 15_000)).toBe(true);
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await once(child, 'exit');
    slack.on('chat.postMessage', (call) => {
      const stored = slack.store(call);
      return { json: { ok: true, channel: stored.channel, ts: stored.ts } };
    });
    const during = await runNpm(['run', '--silent', 'cli', '--', 'digest', 'run', '--at', AT], { env: env(db) });
    expect(during.stdout.match(/in_progress/g), during.stdout + during.stderr).toHaveLength(2);
    const entries = async () =>
      (
        await db.query<{ entry: { channelId: string; state: string; attempts: number } }>(
          'SELECT entry FROM digest_ledger',
        )
      ).rows.map((r) => r.entry);
    expect(await entries()).toEqual([
      expect.objectContaining({ state: 'claimed', attempts: 1 }),
      expect.objectContaining({ state: 'claimed', attempts: 1 }),
    ]);
    // The ten-minute lease lapses (the claim is moved back in time rather than waiting it out).
    await db.query(`UPDATE digest_ledger SET entry = jsonb_set(entry, '{claimedAt}', to_jsonb($1::text))`, [
      new Date(Date.now() - 11 * 60_000).toISOString(),
    ]);
    const after = await Promise.all(
      [0, 1].map(() => runNpm(['run', '--silent', 'cli', '--', 'digest', 'run', '--at', AT], { env: env(db) })),
    );
    const lines = after.flatMap((r) => r.stdout.trim().split('\n'));
    expect(
      lines.filter((l) => /^posted C0REACHED .*reconciled/.test(l)),
      lines.join('\n'),
    ).toHaveLength(1);
    expect(
      lines.filter((l) => /^posted C0LOST /.test(l)),
      lines.join('\n'),
    ).toHaveLength(1);
    expect(slack.posts('C0REACHED')).toHaveLength(1);
    expect(slack.posts('C0LOST')).toHaveLength(1);
    expect((await entries()).map((e) => e.state)).toEqual(['posted', 'posted']);
  });
});
