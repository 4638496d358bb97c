import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/** PostgreSQL for tests: set TEST_DATABASE_URL (.ci/run does) to run them; without it they are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const describePg = TEST_DATABASE_URL ? describe : describe.skip;

/** A new, empty database for one test file (dropped by `drop`), on the server TEST_DATABASE_URL names. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `apb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
