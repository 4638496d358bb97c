import { type Dataset, datasetSchema, type Figure, figureSchema } from '../core/dataset/dataset-schema.js';
import type { CsvProblem } from '../core/i18n/messages-safety.js';
import { CsvSyntaxError, csvToFigures } from './csv.js';

/** What reading an import file found, in plain data (it crosses a thread boundary). */
export type ImportRead =
  | { kind: 'figures'; figures: Figure[] }
  | { kind: 'csv_syntax'; line: number; column: number | null; columnName: string | null; problem: CsvProblem }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'invalid'; problems: { row: number; id: string; path: string; message: string }[] };

/** An import file checked against the dataset it would replace. */
export type ImportPreview =
  | Exclude<ImportRead, { kind: 'figures' }>
  /** The dataset with these figures breaks a rule across figures (a series observed twice, an event's figure gone). */
  | { kind: 'invalid_dataset'; issues: { path: PropertyKey[]; message: string }[]; figures: Figure[] }
  | { kind: 'changes'; changes: ImportChange[] };

/** One figure an import adds (before null), changes, or removes (after null). */
export interface ImportChange {
  id: string;
  before: Figure | null;
  after: Figure | null;
}

function rowsOf(name: string, content: string): unknown[] | ImportRead {
  if (/\.json$/i.test(name)) {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (error) {
      return { kind: 'unreadable', detail: (error as Error).message };
    }
    const figures = Array.isArray(data) ? data : (data as { figures?: unknown } | null)?.figures;
    return Array.isArray(figures) ? figures : { kind: 'unreadable', detail: 'no "figures" list' };
  }
  try {
    const { figures, problem } = csvToFigures(content);
    return problem ? { kind: 'unreadable', detail: problem } : figures;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const { line, column, columnName, problem } = error;
    return { kind: 'csv_syntax', line, column, columnName, problem };
  }
}

/** Parses a CSV or JSON import file and validates every figure in it; the first ten problems are reported. */
export function readImportFile(name: string, content: string): ImportRead {
  const rows = rowsOf(name, content);
  if (!Array.isArray(rows)) return rows;
  const figures: Figure[] = [];
  const problems: Extract<ImportRead, { kind: 'invalid' }>['problems'] = [];
  rows.forEach((row, i) => {
    const parsed = figureSchema.safeParse(row);
    if (parsed.success) {
      figures.push(parsed.data);
      return;
    }
    const id = String((row as { id?: unknown } | null)?.id ?? '?');
    for (const issue of parsed.error.issues.slice(0, 2)) {
      if (problems.length < 10) problems.push({ row: i + 1, id, path: issue.path.join('.'), message: issue.message });
    }
  });
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'figures', figures };
}

/** The changes an import makes to `dataset`, validated as a whole, as the dry run before a preview does it. */
export function previewImport(name: string, content: string, dataset: Dataset): ImportPreview {
  const read = readImportFile(name, content);
  if (read.kind !== 'figures') return read;
  const draft: Dataset = { ...dataset, version: dataset.version + 1, figures: read.figures };
  const parsed = datasetSchema.safeParse(draft);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
    return { kind: 'invalid_dataset', issues, figures: read.figures };
  }
  const before = new Map(dataset.figures.map((f) => [f.id, f]));
  const after = new Map(parsed.data.figures.map((f) => [f.id, f]));
  const changes: ImportChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id) ?? null;
    const a = after.get(id) ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ id, before: b, after: a });
  }
  return { kind: 'changes', changes };
}
