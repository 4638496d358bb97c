/**
 * A child process for the crash test: opens the dataset in DATA_DIR and edits figures in a stream, printing
 * "ACK <n>" only after edit n was acknowledged (saved), until it is killed.
 * Usage: node --import tsx tests/helpers/edit-stream.ts <dataDir> <first n>
 */

import { createLogger } from '../../src/core/logger.js';
import { setFields } from '../../src/data-admin/operations.js';
import { EditableDatasetStore } from '../../src/persistence/files/editable-file-store.js';

export const STREAM_FIGURES = 20;

const [dataDir = '', first = '0'] = process.argv.slice(2);
const store = await EditableDatasetStore.open(dataDir, { logger: createLogger({ level: 'error' }) });
const ids = store
  .current()
  .allFigures()
  .slice(0, STREAM_FIGURES)
  .map((f) => f.id);
for (let n = Number(first); ; n++) {
  const id = ids[n % ids.length] as string;
  await store.edit(setFields('U0CRASH', id, { notes: `edit-${n}` }, `stream ${n}`));
  process.stdout.write(`ACK ${n}\n`);
}
