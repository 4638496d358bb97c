import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/persistence/pg/migrate.js';
import { describePg, freshDatabase } from '../helpers/pg.js';
import { cleanEnv, runNpm } from '../helpers/spawn.js';

describePg('PostgreSQL migrations', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('applies each migration once, even when three processes start at the same moment', async () => {
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    expect(results.flat().sort()).toEqual(migrations().map((m) => m.name));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    expect(rows).toHaveLength(migrations().length);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['dataset_head', 'audit_log', 'digest_ledger', 'subscriptions', 'slack_deliveries']),
    );
  });

  it('npm run db:migrate reports the database up to date, and never prints the password', async () => {
    const ran = await runNpm(['run', '--silent', 'db:migrate'], { env: cleanEnv({ DATABASE_URL: db.url }) });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('up to date');
    const wrong = new URL(db.url);
    wrong.password = 's3cret-Pw';
    wrong.port = '1';
    const failed = await runNpm(['run', '--silent', 'db:migrate'], {
      env: cleanEnv({ DATABASE_URL: wrong.toString() }),
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr + failed.stdout).not.toContain('s3cret-Pw');
    expect(failed.stderr).toContain('***');
  });
});
