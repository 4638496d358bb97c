import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { Dataset } from '../../core/dataset/dataset-schema.js';
import { type DatasetStore, validateDatasetChecked } from '../../core/dataset/dataset-validation.js';
import { createDatasetView } from '../../core/dataset/dataset-view.js';
import { packagePath } from '../../core/package-root.js';
import { readJsonFile } from './json-file.js';

/**
 * Loading the dataset file. Validating 100,000 figures takes about a second, so a file whose exact bytes were
 * validated before, by this very schema, is not validated again: `dataset.json.validated` beside it records the
 * bytes' SHA-256 and the schema's fingerprint. A hand edit, a new schema or a missing record means full
 * validation (and a new record when the file passed unchanged).
 */

/** The schema module's source, as shipped in src/ (also beside a build): any change to the rules changes it. */
export const SCHEMA_FINGERPRINT = createHash('sha256')
  .update(readFileSync(packagePath('src', 'core', 'dataset', 'dataset-schema.ts')))
  .digest('hex');

interface ValidatedRecord {
  sha256: string;
  schema: string;
}

const recordPath = (path: string) => `${path}.validated`;

async function readRecord(path: string): Promise<ValidatedRecord | null> {
  try {
    const record = JSON.parse(await readFile(recordPath(path), 'utf8')) as Partial<ValidatedRecord>;
    return typeof record.sha256 === 'string' && typeof record.schema === 'string'
      ? { sha256: record.sha256, schema: record.schema }
      : null;
  } catch {
    return null;
  }
}

const digest = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Records that these bytes passed the current schema; a failure to record only costs the next start time. */
export async function recordValidated(path: string, bytes: Buffer | string): Promise<void> {
  const record: ValidatedRecord = { sha256: digest(bytes), schema: SCHEMA_FINGERPRINT };
  await writeFileAtomic(recordPath(path), `${JSON.stringify(record)}\n`).catch(() => undefined);
}

export async function loadDataset(path: string): Promise<{ dataset: Dataset; validated: 'checked' | 'known' }> {
  const file = await readJsonFile(path);
  if (!file) throw new Error(`unreachable: ${path} is required`);
  const record = await readRecord(path);
  if (record && record.schema === SCHEMA_FINGERPRINT && record.sha256 === digest(file.bytes)) {
    return { dataset: file.data as Dataset, validated: 'known' };
  }
  const { dataset, changed } = validateDatasetChecked(file.data, path);
  // Only a file the schema left exactly as it was may be trusted as it is next time.
  if (!changed) await recordValidated(path, file.bytes);
  return { dataset, validated: 'checked' };
}

/** Loads, validates and indexes the dataset once; any problem stops here with the path and the reason. */
export async function openDatasetStore(path: string): Promise<DatasetStore> {
  const view = createDatasetView((await loadDataset(path)).dataset);
  return { current: () => view };
}
