import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { DATASET_PATH } from '../helpers/services.js';
import { eventually, postSigned, slashCommandBody } from '../helpers/slack-http.js';
import { type BotProcess, cleanEnv, freePort, runNpm, startBot } from '../helpers/spawn.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

/** The network to PostgreSQL cut and restored (a proxy in front of it), under the real bot and CLI processes. A real
 * server restart is in pg-restart.test.ts. */

const SECRET = 'abcabcabcabcabcabcabcabcabcabc12';
const databases = new TestDatabases();
let proxy: TcpProxy;
let url: string;
let slack: FakeSlack;
let bot: BotProcess | undefined;

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-outage-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  return dir;
}

const cli = (text: string) =>
  runNpm(['run', '--silent', 'cli', '--', 'ask', '--user', 'U0ADMIN', text], {
    env: cleanEnv({ DATA_DIR: dataDir(), DATABASE_URL: url, ADMIN_USER_IDS: 'U0ADMIN' }),
  });

describePg('PostgreSQL unreachable mid-run (the network to it cut)', () => {
  beforeAll(async () => {
    const db = await databases.get('outage');
    const direct = new URL(db.url);
    proxy = await new TcpProxy(direct.hostname, Number(direct.port || 5432)).start();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    viaProxy.password = 'Pg-Secret-9';
    url = viaProxy.toString();
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    bot?.stop();
    await slack.stop();
    await proxy.stop();
    await databases.dropAll();
  });

  it('the CLI: an edit acknowledged before the outage survives it; during it, a clear message and exit 3', async () => {
    const before = await cli('/ai-data set ceti25_ai_KR value=15.1 --yes');
    expect(before.code).toBe(0);
    await proxy.cut();
    const during = await cli('/ai-data set ceti25_ai_KR value=15.3 --yes');
    expect(during.code).toBe(3);
    expect(during.stderr).toContain('is unavailable');
    expect(during.stderr + during.stdout).not.toContain('Pg-Secret-9');
    expect(during.stderr).not.toMatch(/\n\s+at /);
    await proxy.restore();
    const after = await cli('/ai-data show ceti25_ai_KR');
    expect(after.stdout).toContain('15.1');
  });

  it('the bot: says "temporarily unavailable" while PostgreSQL is down, keeps answering from memory, recovers', async () => {
    const port = await freePort();
    bot = await startBot(
      cleanEnv({
        DATA_DIR: dataDir(),
        DATABASE_URL: url,
        SLACK_BOT_TOKEN: 'xoxb-1-2-outage',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${slack.url}/api/`,
        PORT: String(port),
      }),
    );
    const events = `http://127.0.0.1:${port}/slack/events`;
    const ask = async (command: string, text: string, id: string) => {
      const res = await postSigned({
        url: events,
        secret: SECRET,
        body: slashCommandBody(command, text, `${slack.url}/response/${id}`),
      });
      return res.headers.get('content-type')?.includes('json') ? JSON.stringify(await res.json()) : await res.text();
    };
    const answered = (id: string) => eventually(() => slack.responses.some((r) => r.id === id), 5000);
    const responseText = (id: string) => JSON.stringify(slack.responses.find((r) => r.id === id)?.body);

    await ask('/ai-digest', 'list', 'up1');
    expect(await answered('up1')).toBe(true);

    await proxy.cut();
    await ask('/ai-digest', 'list', 'down1');
    expect(await answered('down1')).toBe(true);
    expect(responseText('down1')).toContain('저장소(데이터베이스)에 잠시 연결할 수 없어');
    expect(responseText('down1')).not.toMatch(/at .*\.ts:\d+/);
    expect(await ask('/ai-rank', 'ceti', 'down2')).toContain('벨퍼 CETI 2025');
    // The store cannot be used: a load balancer sees it and the reason.
    const down = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(down.status).toBe(503);
    expect(JSON.stringify(await down.json())).toContain('database unavailable');

    await proxy.restore();
    await ask('/ai-digest', 'list', 'back1');
    expect(await answered('back1')).toBe(true);
    expect(responseText('back1')).not.toContain('저장소(데이터베이스)에 잠시');
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output()).not.toContain('Pg-Secret-9');
  });
});
