import { afterAll, expect, it } from 'vitest';
import { Database, DatabaseUnavailableError } from '../../src/persistence/pg/database.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { capturingLogger } from '../helpers/services.js';
import { eventually } from '../helpers/slack-http.js';

/** Connections dying under the Database wrapper: the server ends them, as it does when it restarts. */

const databases = new TestDatabases();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describePg('connections lost under the Database wrapper', () => {
  afterAll(() => databases.dropAll());

  it('a connection ended between two queries of a transaction: unavailable, the process lives, the next works', async () => {
    const admin = await databases.get('lost');
    const db = new Database(admin.url, capturingLogger());
    try {
      const outcome = db.transaction(async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
        // The server's goodbye arrives while no query is running: an 'error' the pool does not listen for.
        await sleep(300);
        await client.query('SELECT 1');
      });
      await expect(outcome).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('a LISTEN connection ended by the server is reported lost once and closed', async () => {
    const admin = await databases.get('listen');
    const db = new Database(admin.url, capturingLogger());
    let lost = 0;
    const stop = await db.listen(
      'apb_test',
      () => undefined,
      () => {
        lost += 1;
      },
    );
    try {
      const listening = () =>
        admin.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
        );
      const { rows } = await listening();
      expect(rows).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      expect(await eventually(() => lost > 0, 3000)).toBe(true);
      await sleep(300);
      expect(lost).toBe(1);
      expect((await listening()).rows).toHaveLength(0);
    } finally {
      await stop();
      await db.close();
    }
  });
});
