import type { z } from 'zod';
import { DataFileError } from '../errors.js';
import { type Dataset, parseDatasetChecked } from './dataset-schema.js';
import type { DatasetView } from './dataset-view.js';

/**
 * Where commands read the dataset from. lowdb backs it today; another backend (PostgreSQL) only has to hand
 * out validated, indexed views.
 */
export interface DatasetStore {
  /** The view of the latest committed version. Cheap: built once per version. */
  current(): DatasetView;
}

const MAX_ISSUES = 5;

function pathLabel(path: readonly PropertyKey[], data: unknown): string {
  let label = '';
  let node: unknown = data;
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      label += typeof id === 'string' ? `[${key}] (${id})` : `[${key}]`;
    } else {
      label += label ? `.${String(key)}` : String(key);
    }
  }
  return label || '(root)';
}

/** "figures[3] (ceti25_ai_KR).value: must be a number; …" — names the record, never dumps the data. */
export function describeIssues(error: z.ZodError, data: unknown): string {
  const lines = error.issues.slice(0, MAX_ISSUES).map((i) => `${pathLabel(i.path, data)}: ${i.message}`);
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}

export function validateDataset(data: unknown, path: string): Dataset {
  return validateDatasetChecked(data, path).dataset;
}

/** Validates, and says whether validation changed anything (trimmed a value). */
export function validateDatasetChecked(data: unknown, path: string): { dataset: Dataset; changed: boolean } {
  const { result, changed } = parseDatasetChecked(data);
  if (!result.success) throw new DataFileError(path, `not a valid dataset: ${describeIssues(result.error, data)}`);
  return { dataset: result.data, changed };
}
