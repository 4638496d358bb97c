import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSubscriptionStore } from '../../src/persistence/files/subscription-file.js';
import { subscription } from '../helpers/digest-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { DATASET_PATH } from '../helpers/services.js';
import { eventually, postSigned, slashCommandBody } from '../helpers/slack-http.js';
import { cleanEnv, ROOT, runNpm } from '../helpers/spawn.js';

/** Real processes (`npm start`, `npm run cli -- digest run`) sharing a DATA_DIR, against a fake Slack. */

const BOT = 'xoxb-8000-8001-e2eDigestBot';
const SECRET = 'abcdef0123456789abcdef0123456789';
let slack: FakeSlack | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  if (bot?.pid && bot.exitCode === null && bot.signalCode === null) process.kill(-bot.pid, 'SIGKILL');
  await slack?.stop();
  bot = undefined;
  slack = undefined;
});

async function dataDirWith(...subs: ReturnType<typeof subscription>[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'apb-e2e-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  const store = new FileSubscriptionStore(dir);
  for (const s of subs) await store.change(s.channelId, () => s);
  return dir;
}

function env(dataDir: string, extra: Record<string, string> = {}) {
  return cleanEnv({ DATA_DIR: dataDir, SLACK_BOT_TOKEN: BOT, SLACK_API_URL: `${slack?.url}/api/`, ...extra });
}

describe('digest run --at from two processes at once', () => {
  it('posts one message per channel; the other process reports it as taken', async () => {
    slack = await new FakeSlack().start();
    const dir = await dataDirWith(subscription('C0AAA'), subscription('C0BBB'));
    const args = ['run', '--silent', 'cli', '--', 'digest', 'run', '--at', '2026-11-30T00:00:30Z'];
    const [a, b] = await Promise.all([runNpm(args, { env: env(dir) }), runNpm(args, { env: env(dir) })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(slack.posts('C0AAA')).toHaveLength(1);
    expect(slack.posts('C0BBB')).toHaveLength(1);
    const lines = `${a.stdout}${b.stdout}`.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('posted'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('skipped'))).toHaveLength(2);
    const again = await runNpm([...args, '--json'], { env: env(dir) });
    expect(
      again.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).detail),
    ).toEqual(['already_posted', 'already_posted']);
    expect(slack.posts()).toHaveLength(2);
  });

  it('refuses to run without a Slack token or a valid instant', async () => {
    const dir = await dataDirWith();
    const noToken = await runNpm(['run', '--silent', 'cli', '--', 'digest', 'run', '--at', '2026-11-30T00:00:00Z'], {
      env: cleanEnv({ DATA_DIR: dir }),
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('SLACK_BOT_TOKEN');
    const badAt = await runNpm(['run', '--silent', 'cli', '--', 'digest', 'run', '--at', 'monday'], {
      env: cleanEnv({ DATA_DIR: dir }),
    });
    expect(badAt.code).toBe(2);
    expect(badAt.stderr).toContain('--at <ISO-8601 instant>');
  });
});

describe('the bot’s scheduler and the CLI together', () => {
  it('the bot catches up a due slot at start; the CLI for the same instant posts nothing more', async () => {
    slack = await new FakeSlack().start();
    const now = new Date();
    const due = new Date(now.getTime() - 30 * 60_000);
    const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    const dir = await dataDirWith(subscription('C0AAA', { frequency: 'daily', days: [], time, timezone: 'UTC' }));
    bot = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: env(dir, { SLACK_SIGNING_SECRET: SECRET, PORT: '0' }),
      stdio: 'ignore',
      detached: true,
    });
    expect(await eventually(() => (slack?.posts('C0AAA').length ?? 0) > 0, 20_000)).toBe(true);
    const cli = await runNpm(['run', '--silent', 'cli', '--', 'digest', 'run', '--at', new Date().toISOString()], {
      env: env(dir),
    });
    expect(cli.stdout).toContain('skipped C0AAA');
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.posts('C0AAA')).toHaveLength(1);
    expect(JSON.stringify(slack.posts('C0AAA')[0]?.blocks)).toContain('지연 발송');
  });
});

describe('/ai-digest through HTTP mode', () => {
  it('an admin subscribes the channel with a signed slash command; the confirmation names the zone', async () => {
    slack = await new FakeSlack().start();
    const dir = await dataDirWith();
    const port = 20000 + Math.floor(Math.random() * 20000);
    bot = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: env(dir, { SLACK_SIGNING_SECRET: SECRET, PORT: String(port), ADMIN_USER_IDS: 'U0ALICE' }),
      stdio: 'ignore',
      detached: true,
    });
    const healthy = async () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    const end = Date.now() + 20_000;
    while (!(await healthy()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const res = await postSigned({
      url: `http://127.0.0.1:${port}/slack/events`,
      secret: SECRET,
      body: slashCommandBody('/ai-digest', 'subscribe weekdays 08:30 Asia/Seoul', `${slack.url}/response/9`),
    });
    expect(res.status).toBe(200);
    expect(await eventually(() => slack?.responses.length === 1, 5000)).toBe(true);
    expect(JSON.stringify(slack.responses[0]?.body)).toContain('평일(월~금) 08:30 Asia/Seoul (UTC+09:00)');
    const saved = JSON.parse(readFileSync(join(dir, 'subscriptions.json'), 'utf8'));
    expect(saved.subscriptions[0]).toMatchObject({
      channelId: 'C0POLICY',
      frequency: 'weekdays',
      time: '08:30',
      createdBy: 'U0ALICE',
    });
  });
});

describe('a revoked token during a digest run', () => {
  it('stops posting and turns /healthz degraded with the reason', async () => {
    slack = await new FakeSlack().start();
    slack.on('chat.postMessage', () => ({ json: { ok: false, error: 'token_revoked' } }));
    const due = new Date(Date.now() - 10 * 60_000);
    const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    const dir = await dataDirWith(
      subscription('C0AAA', { frequency: 'daily', days: [], time, timezone: 'UTC' }),
      subscription('C0BBB', { frequency: 'daily', days: [], time, timezone: 'UTC' }),
    );
    const port = 20000 + Math.floor(Math.random() * 20000);
    bot = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: env(dir, { SLACK_SIGNING_SECRET: SECRET, PORT: String(port) }),
      stdio: 'ignore',
      detached: true,
    });
    const health = async () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.json() as Promise<Record<string, unknown>>,
        () => null,
      );
    let report: Record<string, unknown> | null = null;
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      report = await health();
      if (report?.status === 'degraded') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(report).toMatchObject({ status: 'degraded', digests: { authFailure: { code: 'token_revoked' } } });
    const calls = slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.body.channel);
    expect(new Set(calls).size).toBe(calls.length);
  });
});
