import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isSchemaMissing, isUnavailable } from '../../src/persistence/pg/database.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { describePg, freshDatabase, TEST_DATABASE_URL } from '../helpers/pg.js';
import { DATASET_PATH } from '../helpers/services.js';
import { askCommand } from '../helpers/slack-http.js';
import { type BotProcess, cleanEnv, freePort, startBot } from '../helpers/spawn.js';

/** The bot's database dropped, created again empty, or emptied of its tables, under a running bot process. */

const SECRET = 'd40pd40pd40pd40pd40pd40pd40pd40p';
const UNAVAILABLE = '저장소(데이터베이스)에 잠시 연결할 수 없어';

it('classes a missing database, schema or table as unavailability', () => {
  for (const code of ['3D000', '3F000', '42P01']) {
    expect(isUnavailable({ code })).toBe(true);
    expect(isSchemaMissing({ code })).toBe(true);
  }
  for (const code of ['57P01', '08006', '53300', '28000']) expect(isUnavailable({ code })).toBe(true);
  for (const code of ['23505', '42601', '22P02']) expect(isUnavailable({ code })).toBe(false);
});

describePg('a dropped or emptied PostgreSQL database under a running bot', () => {
  let slack: FakeSlack;
  let bot: BotProcess | undefined;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let port = 0;
  let asked = 0;

  const admin = async (sql: string, url = TEST_DATABASE_URL) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const dbName = () => new URL(db.url).pathname.slice(1);
  const ask = (command: string, text: string) => {
    asked += 1;
    const url = `http://127.0.0.1:${port}/slack/events`;
    return askCommand({ url, secret: SECRET, slack, command, text, id: `d${asked}`, userId: 'U0ALICE' });
  };
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: (await res.json()) as { status: string; store?: { reason: string } } };
  };
  const healthyAgain = async () => {
    const end = Date.now() + 30_000;
    while (Date.now() < end) {
      if ((await health()).status === 200) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  };

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    db = await freshDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'apb-dropped-'));
    copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
    port = await freePort();
    bot = await startBot(
      cleanEnv({
        DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        SLACK_BOT_TOKEN: 'xoxb-1-2-dropped',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${slack.url}/api/`,
        ADMIN_USER_IDS: 'U0ALICE',
        PORT: String(port),
        SCHEDULER: 'off',
      }),
      60_000,
    );
  }, 90_000);

  afterAll(async () => {
    bot?.stop();
    await slack.stop();
    await db.drop();
  });

  it('dropped: "temporarily unavailable", /healthz 503 with the reason; created again: migrated, seeded, healthy', async () => {
    expect((await health()).status).toBe(200);
    expect(await ask('/ai-digest', 'list')).not.toContain(UNAVAILABLE);

    await admin(`DROP DATABASE ${dbName()} WITH (FORCE)`);
    expect(await ask('/ai-digest', 'list')).toContain(UNAVAILABLE);
    expect(await ask('/ai-data', 'set ceti25_ai_KR value=15.4 --yes')).toContain(UNAVAILABLE);
    expect(await ask('/ai-rank', 'ceti')).toContain('벨퍼 CETI 2025');
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.store?.reason).toContain('database unavailable');

    await admin(`CREATE DATABASE ${dbName()}`);
    expect(await healthyAgain()).toBe(true);
    expect(await ask('/ai-data', 'set ceti25_ai_KR value=15.4 --yes')).toContain('15.4');
    const head = await admin('SELECT version FROM dataset_head', db.url);
    expect(head.rowCount).toBe(1);
    expect(bot?.child.exitCode).toBeNull();
  }, 90_000);

  it('emptied (its tables dropped): the next query finds them missing, and the bot makes them again', async () => {
    await admin('DROP SCHEMA public CASCADE; CREATE SCHEMA public;', db.url);
    const first = await ask('/ai-digest', 'list');
    expect(first).not.toContain('참조 번호');
    expect(await healthyAgain()).toBe(true);
    expect(await ask('/ai-digest', 'list')).not.toContain(UNAVAILABLE);
    expect((await admin('SELECT count(*)::int AS n FROM schema_migrations', db.url)).rows[0]?.n).toBeGreaterThan(0);
    expect(bot?.output()).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    expect(bot?.child.exitCode).toBeNull();
  }, 90_000);
});
