/**
 * A replica for the PostgreSQL tests: opens the dataset in DATABASE_URL and makes `count` edits at once to the
 * figures from `offset`, each setting notes to "<tag>-<n>"; prints "DONE <n acknowledged>".
 * Usage: node --import tsx tests/helpers/pg-editor.ts <url> <seed dataset> <offset> <count> <tag>
 */

import { createLogger } from '../../src/core/logger.js';
import { setFields } from '../../src/data-admin/operations.js';
import { Database } from '../../src/persistence/pg/database.js';
import { PgDatasetStore } from '../../src/persistence/pg/dataset-table.js';

const [url = '', seed = '', offset = '0', count = '0', tag = 'x'] = process.argv.slice(2);
const logger = createLogger({ level: 'error', secrets: [url] });
const db = new Database(url, logger, { max: 20 });
const store = await PgDatasetStore.open(db, seed, { logger });
const ids = store
  .current()
  .allFigures()
  .slice(Number(offset), Number(offset) + Number(count))
  .map((f) => f.id);
const done = await Promise.all(
  ids.map((id, n) => store.edit(setFields(`U0${tag.toUpperCase()}`, id, { notes: `${tag}-${n}` }, `${tag} ${n}`))),
);
process.stdout.write(`DONE ${done.length}\n`);
await db.close();
