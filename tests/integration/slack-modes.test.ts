import { once } from 'node:events';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { DATASET_PATH } from '../helpers/services.js';
import { eventually, postSigned, slashCommandBody } from '../helpers/slack-http.js';
import { type BotProcess, cleanEnv, freePort, spawnBot } from '../helpers/spawn.js';

/** `npm start` with Slack tokens, against a fake Slack on loopback: the real process, end to end. */

const SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const BOT = 'xoxb-900-901-modeTestBot';
const APP = 'xapp-1-A0APP-902-modeTestApp';

let bot: BotProcess | undefined;
let slack: FakeSlack | undefined;
const output = () => bot?.output() ?? '';

afterEach(async () => {
  // npm, tsx and the bot form one process group: stop all of it.
  bot?.stop();
  await slack?.stop();
  bot = undefined;
  slack = undefined;
});

/** Each bot gets its own DATA_DIR, a copy of the shipped dataset. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-modes-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  return dir;
}

function startBot(env: Record<string, string>) {
  bot = spawnBot(cleanEnv({ DATA_DIR: dataDir(), ...env }));
  return bot.child;
}

async function healthy(port: number): Promise<boolean> {
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('HTTP mode', () => {
  it('starts on PORT, calls SLACK_API_URL at start-up, answers a signed command, serves /healthz and stops on SIGTERM', async () => {
    slack = await new FakeSlack().start();
    const port = await freePort();
    const child = startBot({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(port),
    });
    expect(await healthy(port), output()).toBe(true);
    expect(slack.calls.find((c) => c.method === 'auth.test')?.authorization).toBe(`Bearer ${BOT}`);

    const res = await postSigned({
      url: `http://127.0.0.1:${port}/slack/events`,
      secret: SECRET,
      body: slashCommandBody('/ai-rank', 'tortoise', `${slack.url}/response/1`),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('글로벌 AI 지수 2025(토터스미디어·옵서버) 순위');

    // As a container runtime or systemd would: SIGTERM to the process group.
    const exited = once(child, 'exit');
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    const [code, signal] = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(await eventually(() => output().includes('"msg":"shutting down"'), 3000), output().slice(-1500)).toBe(true);
    expect(
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => 'up',
        () => 'down',
      ),
    ).toBe('down');
    expect(output()).not.toContain(BOT);
    expect(output()).not.toContain(SECRET);
  });
});

describe('Socket Mode', () => {
  it('opens the socket through SLACK_API_URL, answers a command in the envelope acknowledgement and a stateful one through response_url', async () => {
    slack = await new FakeSlack().start();
    const port = await freePort();
    startBot({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(port),
    });
    expect(await eventually(() => slack?.connected === true, 15_000), output()).toBe(true);
    expect(slack.calls.find((c) => c.method === 'apps.connections.open')?.authorization).toBe(`Bearer ${APP}`);
    expect(await healthy(port)).toBe(true);

    const payload = Object.fromEntries(
      new URLSearchParams(slashCommandBody('/talent-gap', '', `${slack.url}/response/7`)),
    );
    slack.sendEnvelope({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload });
    expect(await eventually(() => slack?.socketMessages.some((m) => m.envelope_id === 'env-1') === true, 5000)).toBe(
      true,
    );
    // The answer rides on the envelope's acknowledgement.
    const acked = slack.socketMessages.find((m) => m.envelope_id === 'env-1');
    expect(JSON.stringify(acked?.payload)).toContain('35위/38 (OECD 38개국)');

    const digest = Object.fromEntries(
      new URLSearchParams(slashCommandBody('/ai-digest', 'status', `${slack.url}/response/8`)),
    );
    slack.sendEnvelope({
      envelope_id: 'env-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: digest,
    });
    expect(await eventually(() => slack?.responses.length === 1, 5000)).toBe(true);
    expect(JSON.stringify(slack.responses[0]?.body)).toContain('다이제스트를 구독하지 않았습니다');
    expect(output()).not.toContain(APP);
  });
});

describe('start-up against an unreachable or rejecting Slack', () => {
  it('exits 3 with a message naming SLACK_API_URL when Slack cannot be reached', async () => {
    const port = await freePort();
    const child = startBot({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
      PORT: '0',
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(3);
    expect(output()).toContain('SLACK_API_URL');
    expect(output()).not.toContain(BOT);
  });

  it('exits 3 saying the token was rejected on invalid_auth', async () => {
    slack = await new FakeSlack().start();
    slack.on('auth.test', () => ({ json: { ok: false, error: 'invalid_auth' } }));
    const child = startBot({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: '0',
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(3);
    expect(output()).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
  });
});
