import type { Writable } from 'node:stream';
import { redactUrl } from '../../core/redact.js';

/**
 * `npm run db:migrate` (`cli db migrate`): applies the PostgreSQL migrations to DATABASE_URL (the bot also does
 * this at start). Exit 0 applied or up to date, 1 failed, 2 without DATABASE_URL.
 */
export async function runDbMigrate(
  url: string | null,
  migrate: (url: string) => Promise<string[]>,
  io: { stdout: Writable; stderr: Writable },
): Promise<number> {
  if (!url) {
    io.stderr.write('db:migrate needs DATABASE_URL (postgres://user:password@host:5432/database).\n');
    return 2;
  }
  try {
    const applied = await migrate(url);
    io.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'up to date\n');
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`db:migrate failed on ${redactUrl(url)}: ${message.split(url).join(redactUrl(url))}\n`);
    return 1;
  }
}
