import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFields } from '../../src/data-admin/operations.js';
import { Database } from '../../src/persistence/pg/database.js';
import { PgDatasetStore } from '../../src/persistence/pg/dataset-table.js';
import { migrate } from '../../src/persistence/pg/migrate.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { PrivateCluster } from '../helpers/pg-cluster.js';
import { capturingLogger, DATASET_PATH } from '../helpers/services.js';
import { askCommand, eventually } from '../helpers/slack-http.js';
import { type BotProcess, cleanEnv, freePort, runNpm, startBot } from '../helpers/spawn.js';

/**
 * A real PostgreSQL server stopped the hard way (`pg_ctl stop -m immediate`, a crash to its clients) and started
 * again, mid-run, under the store and under the real bot process. The server is the test's own, so the shared one
 * the other files use is not disturbed.
 */

const SECRET = 'abcabcabcabcabcabcabcabcabcabc12';
const PASSWORD = 'Pg-Secret-7';
const describeCluster = PrivateCluster.binaries() ? describe : describe.skip;
let cluster: PrivateCluster;

/** The cluster's URL with a password in it (trust authentication ignores it), to check it is never shown. */
const url = () => {
  const u = new URL(cluster.url);
  u.password = PASSWORD;
  return u.toString();
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeCluster('PostgreSQL restarted mid-run (a real server)', () => {
  beforeAll(async () => {
    cluster = await PrivateCluster.create();
    await migrate(cluster.url);
  }, 60_000);
  afterAll(async () => {
    await cluster?.destroy();
  });

  it('keeps every edit acknowledged before the crash; edits during it fail clearly; a replica follows again after', async () => {
    const logger = capturingLogger();
    const writerDb = new Database(url(), logger);
    const watcherDb = new Database(url(), logger);
    const writer = await PgDatasetStore.open(writerDb, DATASET_PATH, { logger });
    const watcher = await PgDatasetStore.open(watcherDb, DATASET_PATH, { logger });
    const stopWatching = watcher.watch();
    const acknowledged: number[] = [];
    const refused: string[] = [];
    let stopped = false;
    // A steady stream of edits, one at a time, through the crash and the restart.
    const stream = (async () => {
      for (let n = 0; !stopped; n += 1) {
        try {
          await writer.edit(setFields('U0ADMIN', 'ceti25_ai_KR', { notes: `n-${n}` }, `edit ${n}`));
          acknowledged.push(n);
        } catch (error) {
          refused.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
        await sleep(20);
      }
    })();
    try {
      await eventually(() => acknowledged.length >= 10, 10_000);
      const beforeCrash = acknowledged.length;
      await cluster.stop('immediate');
      await sleep(1500);
      await cluster.start();
      await eventually(() => acknowledged.length >= beforeCrash + 10, 20_000);
      stopped = true;
      await stream;

      expect(refused.length).toBeGreaterThan(0);
      for (const reason of refused) expect(reason).toMatch(/^DatabaseUnavailableError: /);
      expect(refused.join('\n')).not.toContain(PASSWORD);

      const { rows } = await writerDb.query<{ summary: string }>(
        "SELECT entry->>'summary' AS summary FROM audit_log WHERE status = 'committed'",
      );
      const committed = new Set(rows.map((r) => r.summary));
      for (const n of acknowledged) expect(committed.has(`edit ${n}`), `edit ${n}`).toBe(true);
      const reread = await PgDatasetStore.open(writerDb, DATASET_PATH, { logger });
      expect(reread.current().version).toBe(1 + committed.size);
      expect(reread.current().figure('ceti25_ai_KR')?.notes).toBe(`n-${Math.max(...acknowledged)}`);

      // The watcher's LISTEN connection died with the server; it listens again and follows within a second.
      await sleep(2500);
      const started = Date.now();
      await writer.edit(setFields('U0ADMIN', 'ceti25_ai_KR', { value: '15.4' }, 'after restart'));
      expect(await eventually(() => watcher.current().figure('ceti25_ai_KR')?.value === 15.4, 1000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      stopped = true;
      stopWatching();
      await writerDb.close();
      await watcherDb.close();
    }
  }, 90_000);

  describe('the bot', () => {
    let slack: FakeSlack;
    let bot: BotProcess | undefined;

    beforeAll(async () => {
      slack = await new FakeSlack().start();
    });
    afterAll(async () => {
      bot?.stop();
      await slack.stop();
    });

    it('answers "temporarily unavailable" while the server is down, keeps serving figures, recovers by itself', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'apb-restart-'));
      copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
      const port = await freePort();
      const env = cleanEnv({
        DATA_DIR: dataDir,
        DATABASE_URL: url(),
        SLACK_BOT_TOKEN: 'xoxb-1-2-restart',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${slack.url}/api/`,
        ADMIN_USER_IDS: 'U0ALICE',
        PORT: String(port),
      });
      bot = await startBot(env, 30_000);
      let asked = 0;
      const ask = (command: string, text: string) => {
        asked += 1;
        const url = `http://127.0.0.1:${port}/slack/events`;
        return askCommand({ url, secret: SECRET, slack, command, text, id: `r${asked}` });
      };
      const UNAVAILABLE = '저장소(데이터베이스)에 잠시 연결할 수 없어';

      expect(await ask('/ai-digest', 'list')).not.toContain(UNAVAILABLE);
      await cluster.stop('immediate');
      expect(await ask('/ai-digest', 'list')).toContain(UNAVAILABLE);
      expect(await ask('/ai-data', 'set ceti25_ai_KR value=15.6')).toContain(UNAVAILABLE);
      expect(await ask('/ai-rank', 'ceti')).toContain('벨퍼 CETI 2025');
      // A load balancer should stop sending this replica requests that need the database.
      const down = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(down.status).toBe(503);
      expect(JSON.stringify(await down.json())).toContain('database unavailable');
      await cluster.start();

      // Back without a restart of the bot: its next requests are served from PostgreSQL again.
      let recovered = '';
      for (let i = 0; i < 20 && (recovered === '' || recovered.includes(UNAVAILABLE)); i += 1) {
        recovered = await ask('/ai-digest', 'list');
        if (recovered.includes(UNAVAILABLE)) await sleep(250);
      }
      expect(recovered).not.toContain(UNAVAILABLE);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // …and it follows an edit another process makes after the restart.
      const edit = await runNpm(
        ['run', '--silent', 'cli', '--', 'ask', '--user', 'U0ALICE', '/ai-data set ceti25_ai_KR value=15.8 --yes'],
        {
          env: cleanEnv({ DATA_DIR: dataDir, DATABASE_URL: url(), ADMIN_USER_IDS: 'U0ALICE' }),
        },
      );
      expect(edit.code, edit.stdout + edit.stderr).toBe(0);
      let shown = '';
      for (let i = 0; i < 20 && !shown.includes('15.8'); i += 1) {
        shown = await ask('/ai-data', 'show ceti25_ai_KR');
        if (!shown.includes('15.8')) await sleep(250);
      }
      expect(shown).toContain('15.8');

      expect(bot.child.exitCode).toBeNull();
      expect(bot.output()).not.toContain(PASSWORD);
      expect(bot.output()).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
      expect(JSON.stringify(slack.responses)).not.toMatch(/\bat .*\.ts:\d+/);
    }, 120_000);
  });
});
