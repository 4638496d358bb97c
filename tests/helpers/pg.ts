import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { Database } from '../../src/persistence/pg/database.js';
import { migrate } from '../../src/persistence/pg/migrate.js';

/** PostgreSQL for tests: set TEST_DATABASE_URL (.ci/run does) to run them; without it they are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const describePg = TEST_DATABASE_URL ? describe : describe.skip;
/** The storage backends a store suite runs on: files always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS = TEST_DATABASE_URL ? (['files', 'postgres'] as const) : (['files'] as const);
export type Backend = (typeof BACKENDS)[number];

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

/** Fresh, migrated databases by key (a DATA_DIR standing for "the same storage"), dropped by `dropAll`. */
export class TestDatabases {
  private readonly byKey = new Map<string, { db: Database; drop: () => Promise<void> }>();

  async get(key: string): Promise<Database> {
    const known = this.byKey.get(key);
    if (known) return known.db;
    const fresh = await freshDatabase();
    await migrate(fresh.url);
    const db = new Database(fresh.url, quietLogger);
    this.byKey.set(key, { db, drop: fresh.drop });
    return db;
  }

  async dropAll(): Promise<void> {
    const all = [...this.byKey.values()];
    this.byKey.clear();
    await Promise.all(
      all.map(async ({ db, drop }) => {
        await db.close().catch(() => undefined);
        await drop();
      }),
    );
  }
}

const quietLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
