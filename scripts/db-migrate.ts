/** `npm run db:migrate`: applies the PostgreSQL migrations to DATABASE_URL (the bot also does this at start). */
import { redactUrl } from '../src/store/pg/database.js';
import { migrate } from '../src/store/pg/migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('db:migrate needs DATABASE_URL (postgres://user:password@host:5432/database).\n');
  process.exit(2);
}
migrate(url).then(
  (applied) => {
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'up to date\n');
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`db:migrate failed on ${redactUrl(url)}: ${message.split(url).join(redactUrl(url))}\n`);
    process.exit(1);
  },
);
