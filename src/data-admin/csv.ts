import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Figure } from '../core/dataset/dataset-schema.js';
import { AppError } from '../core/errors.js';
import type { CsvProblem } from '../core/i18n/messages-safety.js';

/**
 * Figures as CSV, losslessly: one row per figure, every field in its own column. Text cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe
 * (OWASP ASVS 5.0 V1.2.10); true numbers stay numbers, so -0.36 is still -0.36. Reading strips the apostrophe.
 */

const COLUMNS = [
  'id',
  'category',
  'series',
  'country',
  'entity_en',
  'entity_ko',
  'metric_en',
  'metric_ko',
  'value',
  'unit',
  'unit_note_en',
  'unit_note_ko',
  'unit_noun_en',
  'unit_noun_ko',
  'unit_source',
  'rank',
  'rank_of',
  'scope_en',
  'scope_ko',
  'period_en',
  'period_ko',
  'source_url',
  'publisher',
  'title',
  'published',
  'quote',
  'corroborating_urls',
  'confidence',
  'verification',
  'notes',
  'tags',
  'publisher_short_en',
  'publisher_short_ko',
  'caveat_en',
  'caveat_ko',
  'supersedes',
  'value_text_en',
  'value_text_ko',
] as const;
type Column = (typeof COLUMNS)[number];
/** Columns added after files were first exported: a file without them still imports. */
const LATER_COLUMNS: ReadonlySet<Column> = new Set([
  'publisher_short_en',
  'publisher_short_ko',
  'caveat_en',
  'caveat_ko',
  'supersedes',
  'value_text_en',
  'value_text_ko',
]);
type Row = Record<Column, string | number | null>;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function rowOf(f: Figure): Row {
  return {
    id: f.id,
    category: f.category,
    series: f.series,
    country: f.country,
    entity_en: f.entity.en,
    entity_ko: f.entity.ko,
    metric_en: f.metric.en,
    metric_ko: f.metric.ko,
    value: f.value,
    unit: f.unit.code,
    unit_note_en: f.unit.note?.en ?? null,
    unit_note_ko: f.unit.note?.ko ?? null,
    unit_noun_en: f.unit.noun?.en ?? null,
    unit_noun_ko: f.unit.noun?.ko ?? null,
    unit_source: f.unit.source,
    rank: f.rank,
    rank_of: f.rankOf,
    scope_en: f.rankScope?.en ?? null,
    scope_ko: f.rankScope?.ko ?? null,
    period_en: f.period.en,
    period_ko: f.period.ko,
    source_url: f.source.url,
    publisher: f.source.publisher,
    title: f.source.title,
    published: f.source.publishedOn,
    quote: f.source.quote,
    corroborating_urls: f.source.corroboratingUrls.join(' '),
    confidence: f.confidence,
    verification: f.verification,
    notes: f.notes,
    tags: f.tags.join(','),
    publisher_short_en: f.source.shortName?.en ?? null,
    publisher_short_ko: f.source.shortName?.ko ?? null,
    caveat_en: f.caveat?.en ?? null,
    caveat_ko: f.caveat?.ko ?? null,
    supersedes: f.supersedes ?? null,
    value_text_en: f.valueText?.en ?? null,
    value_text_ko: f.valueText?.ko ?? null,
  };
}

/** UTF-8 with a byte order mark, so spreadsheet programs (Excel) read Korean text correctly. */
export const BOM = '\uFEFF';

export function figuresToCsv(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const row = rowOf(f);
    return COLUMNS.map((c) => cell(row[c]));
  });
  return BOM + stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: 'windows' });
}

/** Where a CSV stopped making sense: a 1-based line, and the column (by number and header name) when known. */
export class CsvSyntaxError extends AppError {
  constructor(
    readonly line: number,
    readonly column: number | null,
    readonly columnName: string | null,
    readonly problem: CsvProblem,
  ) {
    super(
      'csv_syntax',
      `line ${line}${column ? `, column ${column}${columnName ? ` (${columnName})` : ''}` : ''}: ${problem}`,
    );
  }
}

const PROBLEMS: Record<string, CsvProblem> = {
  CSV_QUOTE_NOT_CLOSED: 'quote_not_closed',
  CSV_INVALID_CLOSING_QUOTE: 'text_after_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text_after_quote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'field_count',
  INVALID_OPENING_QUOTE: 'quote_in_field',
};

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); malformed input is an error. */
export function parseCsv(text: string): string[][] {
  let lastLine = 0;
  let header: string[] | undefined;
  try {
    return parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        header ??= record;
        lastLine = context.lines;
        return record;
      },
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; column?: number; message?: string };
    // An unclosed quote is found only at the end of the file; the row it broke starts after the last good one.
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : (e.lines ?? lastLine + 1);
    const lengthOff = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
    const column = typeof e.column === 'number' && !lengthOff ? e.column + 1 : null;
    const name = column !== null ? (header?.[column - 1] ?? null) : null;
    throw new CsvSyntaxError(line, column, name, PROBLEMS[e.code ?? ''] ?? 'malformed');
  }
}

function unformula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const TEXT_UNITS = new Set(['text', 'date']);

function localized(en: string | undefined, ko: string | undefined) {
  return en || ko ? { en: en ?? '', ko: ko ?? '' } : undefined;
}

function figureOf(get: (c: Column) => string): unknown {
  const num = (c: Column) => (get(c) === '' ? null : Number.isNaN(Number(get(c))) ? get(c) : Number(get(c)));
  const unit = get('unit');
  const note = localized(get('unit_note_en') || undefined, get('unit_note_ko') || undefined);
  const noun = localized(get('unit_noun_en') || undefined, get('unit_noun_ko') || undefined);
  const scope = localized(get('scope_en') || undefined, get('scope_ko') || undefined);
  const shortName = localized(get('publisher_short_en') || undefined, get('publisher_short_ko') || undefined);
  const caveat = localized(get('caveat_en') || undefined, get('caveat_ko') || undefined);
  const valueText = localized(get('value_text_en') || undefined, get('value_text_ko') || undefined);
  return {
    id: get('id'),
    category: get('category'),
    series: get('series') || null,
    tags: get('tags') ? get('tags').split(',') : [],
    country: get('country') || null,
    entity: { en: get('entity_en'), ko: get('entity_ko') },
    metric: { en: get('metric_en'), ko: get('metric_ko') },
    value: unit === 'none' && get('value') === '' ? null : TEXT_UNITS.has(unit) ? get('value') : (num('value') ?? ''),
    unit: { code: unit, ...(note ? { note } : {}), ...(noun ? { noun } : {}), source: get('unit_source') },
    rank: num('rank'),
    rankOf: num('rank_of'),
    rankScope: scope ?? null,
    period: { en: get('period_en'), ko: get('period_ko') },
    source: {
      publisher: get('publisher'),
      ...(shortName ? { shortName } : {}),
      title: get('title'),
      url: get('source_url'),
      publishedOn: get('published') || null,
      quote: get('quote'),
      corroboratingUrls: get('corroborating_urls') ? get('corroborating_urls').split(' ') : [],
    },
    confidence: get('confidence'),
    verification: get('verification'),
    notes: get('notes') || null,
    ...(get('supersedes') ? { supersedes: get('supersedes') } : {}),
    ...(caveat ? { caveat } : {}),
    ...(valueText ? { valueText } : {}),
  };
}

/** Rows of an exported CSV back into figure-shaped objects (the schema then validates them); throws CsvSyntaxError. */
export function csvToFigures(text: string): { figures: unknown[]; problem?: string } {
  const [header, ...rows] = parseCsv(text);
  if (!header) return { figures: [], problem: 'empty file' };
  const missing = COLUMNS.filter((c) => !header.includes(c) && !LATER_COLUMNS.has(c));
  if (missing.length > 0) return { figures: [], problem: `missing columns: ${missing.join(', ')}` };
  const figures = rows.map((row) => figureOf((c) => unformula(row[header.indexOf(c)] ?? '')));
  return { figures };
}
