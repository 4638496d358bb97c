import type { Figure } from '../store/schema.js';

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
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string | number | null>;

const FORMULA_START = /^[=+\-@\t\r]/;

function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : textCell(value);
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
  };
}

export function figuresToCsv(figures: readonly Figure[]): string {
  const lines = [COLUMNS.join(','), ...figures.map((f) => COLUMNS.map((c) => cell(rowOf(f)[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((c) => c !== ''));
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
  return {
    id: get('id'),
    category: get('category'),
    series: get('series') || null,
    tags: get('tags') ? get('tags').split(',') : [],
    country: get('country') || null,
    entity: { en: get('entity_en'), ko: get('entity_ko') },
    metric: { en: get('metric_en'), ko: get('metric_ko') },
    value: TEXT_UNITS.has(unit) ? get('value') : (num('value') ?? ''),
    unit: { code: unit, ...(note ? { note } : {}), ...(noun ? { noun } : {}), source: get('unit_source') },
    rank: num('rank'),
    rankOf: num('rank_of'),
    rankScope: scope ?? null,
    period: { en: get('period_en'), ko: get('period_ko') },
    source: {
      publisher: get('publisher'),
      title: get('title'),
      url: get('source_url'),
      publishedOn: get('published') || null,
      quote: get('quote'),
      corroboratingUrls: get('corroborating_urls') ? get('corroborating_urls').split(' ') : [],
    },
    confidence: get('confidence'),
    verification: get('verification'),
    notes: get('notes') || null,
  };
}

/** Rows of an exported CSV back into figure-shaped objects (the schema then validates them). */
export function csvToFigures(text: string): { figures: unknown[]; problem?: string } {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return { figures: [], problem: 'empty file' };
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { figures: [], problem: `missing columns: ${missing.join(', ')}` };
  const figures = rows.map((row) => figureOf((c) => unformula(row[header.indexOf(c)] ?? '')));
  return { figures };
}
