import { wordTable } from '../vocabulary/word-table.js';
import type { Dataset, Figure, Localized } from './dataset-schema.js';

/**
 * The figure fields admins can type as `field=value`, how each maps onto a figure, and how schema errors map
 * back to those names, so an error says "value" or "source_url" rather than "figures[3].source.url".
 */

export const FIELD_NAMES = [
  'value',
  'unit',
  'rank',
  'rank_of',
  'scope',
  'scope_ko',
  'period',
  'period_ko',
  'metric',
  'metric_ko',
  'entity',
  'entity_ko',
  'country',
  'series',
  'category',
  'source_url',
  'publisher',
  'publisher_ko',
  'title',
  'quote',
  'published',
  'confidence',
  'verification',
  'notes',
  'tags',
  'caveat',
  'caveat_ko',
  'supersedes',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type FieldValues = Partial<Record<FieldName, string>>;

const NONE = new Set(['', 'none', 'null', '-', '없음']);
const TEXT_UNITS = new Set(['text', 'date']);

/**
 * "14.1" → 14.1 for numeric units; "none" → null for a figure without a quantity; anything else stays text, for
 * the schema to reject with the field named.
 */
function parseValue(text: string, unitCode: string): number | string | null {
  if (unitCode === 'none' && NONE.has(text.trim().toLowerCase())) return null;
  if (TEXT_UNITS.has(unitCode)) return text;
  const n = Number(text.replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

function parseCount(text: string): number | null | string {
  if (NONE.has(text.trim().toLowerCase())) return null;
  const n = Number(text);
  return Number.isInteger(n) ? n : text;
}

function both(current: Localized | null, text: string, which: 'en' | 'ko' | 'both'): Localized {
  if (which === 'both') return { en: text, ko: text };
  const base = current ?? { en: text, ko: text };
  return { ...base, [which]: text };
}

type Setter = (figure: Figure, text: string) => void;

const SETTERS: Record<FieldName, Setter> = {
  value: (f, t) => {
    // New words replace both languages' wording of a text value.
    if (String(f.value) !== t) delete f.valueText;
    Object.assign(f, { value: parseValue(t, f.unit.code) });
  },
  unit: (f, t) => Object.assign(f, { unit: { ...f.unit, code: t } }),
  rank: (f, t) => Object.assign(f, { rank: parseCount(t) }),
  rank_of: (f, t) => Object.assign(f, { rankOf: parseCount(t) }),
  scope: (f, t) => Object.assign(f, { rankScope: NONE.has(t) ? null : both(f.rankScope, t, 'both') }),
  scope_ko: (f, t) => Object.assign(f, { rankScope: both(f.rankScope, t, 'ko') }),
  period: (f, t) => Object.assign(f, { period: both(f.period, t, 'both') }),
  period_ko: (f, t) => Object.assign(f, { period: both(f.period, t, 'ko') }),
  metric: (f, t) => Object.assign(f, { metric: both(f.metric, t, 'both') }),
  metric_ko: (f, t) => Object.assign(f, { metric: both(f.metric, t, 'ko') }),
  entity: (f, t) => Object.assign(f, { entity: both(f.entity, t, 'both') }),
  entity_ko: (f, t) => Object.assign(f, { entity: both(f.entity, t, 'ko') }),
  country: (f, t) => Object.assign(f, { country: NONE.has(t.toLowerCase()) ? null : t.toUpperCase() }),
  series: (f, t) => Object.assign(f, { series: NONE.has(t.toLowerCase()) ? null : t }),
  category: (f, t) => Object.assign(f, { category: t }),
  source_url: (f, t) => Object.assign(f, { source: { ...f.source, url: t } }),
  // A different publisher replaces the name readers see too; `publisher_ko` then gives its Korean name.
  publisher: (f, t) =>
    Object.assign(f, {
      source: { ...f.source, publisher: t, ...(t !== f.source.publisher ? { shortName: { en: t, ko: t } } : {}) },
    }),
  publisher_ko: (f, t) =>
    Object.assign(f, {
      source: { ...f.source, shortName: { en: f.source.shortName?.en ?? f.source.publisher, ko: t } },
    }),
  title: (f, t) => Object.assign(f, { source: { ...f.source, title: t } }),
  quote: (f, t) => Object.assign(f, { source: { ...f.source, quote: t } }),
  published: (f, t) => Object.assign(f, { source: { ...f.source, publishedOn: NONE.has(t) ? null : t } }),
  confidence: (f, t) => Object.assign(f, { confidence: t }),
  verification: (f, t) => Object.assign(f, { verification: t }),
  notes: (f, t) => Object.assign(f, { notes: NONE.has(t) ? null : t }),
  tags: (f, t) =>
    Object.assign(f, {
      tags: t
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    }),
  caveat: (f, t) => setOptional(f, 'caveat', NONE.has(t) ? undefined : both(f.caveat ?? null, t, 'both')),
  caveat_ko: (f, t) => setOptional(f, 'caveat', both(f.caveat ?? null, t, 'ko')),
  supersedes: (f, t) => setOptional(f, 'supersedes', NONE.has(t.toLowerCase()) ? undefined : t),
};

/** Sets or removes an optional field (absent, not undefined, so the file stays as the schema writes it). */
function setOptional<K extends 'caveat' | 'supersedes'>(f: Figure, key: K, value: Figure[K] | undefined): void {
  if (value === undefined) delete f[key];
  else f[key] = value;
}

/** Applies typed fields to a figure in place; `unit` first so `value` is read in the new unit. */
export function applyFields(figure: Figure, fields: FieldValues): void {
  const order = [...FIELD_NAMES].sort((a, b) => (a === 'unit' ? -1 : b === 'unit' ? 1 : 0));
  for (const name of order) {
    const text = fields[name];
    if (text !== undefined) SETTERS[name](figure, text);
  }
}

/** Splits `key=value` words into fields; anything else is returned as an unknown word. */
export function readFields(words: readonly string[]): {
  fields: FieldValues;
  id?: string;
  unknown: string[];
  positional: string[];
} {
  const fields: FieldValues = {};
  let id: string | undefined;
  const unknown: string[] = [];
  const positional: string[] = [];
  const aliases = wordTable<FieldName>({
    url: 'source_url',
    source: 'source_url',
    rankof: 'rank_of',
    metric_en: 'metric',
    entity_en: 'entity',
    period_en: 'period',
    scope_en: 'scope',
  });
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) {
      positional.push(word);
      continue;
    }
    const key = word.slice(0, eq).toLowerCase().replace(/-/g, '_');
    if (key === 'id') {
      id = word.slice(eq + 1);
      continue;
    }
    const name = aliases[key] ?? (FIELD_NAMES as readonly string[]).find((f) => f === key);
    if (name) fields[name as FieldName] = word.slice(eq + 1);
    else unknown.push(key);
  }
  return { fields, unknown, positional, ...(id ? { id } : {}) };
}

const PATHS: [RegExp, FieldName][] = [
  [/^value$/, 'value'],
  [/^unit/, 'unit'],
  [/^rank$/, 'rank'],
  [/^rankOf$/, 'rank_of'],
  [/^rankScope/, 'scope'],
  [/^period\.ko$/, 'period_ko'],
  [/^period/, 'period'],
  [/^metric\.ko$/, 'metric_ko'],
  [/^metric/, 'metric'],
  [/^entity\.ko$/, 'entity_ko'],
  [/^entity/, 'entity'],
  [/^country$/, 'country'],
  [/^series$/, 'series'],
  [/^category$/, 'category'],
  [/^source\.url$/, 'source_url'],
  [/^source\.publisher$/, 'publisher'],
  [/^source\.shortName/, 'publisher_ko'],
  [/^source\.title$/, 'title'],
  [/^source\.quote$/, 'quote'],
  [/^source\.publishedOn$/, 'published'],
  [/^source\.corroboratingUrls/, 'source_url'],
  [/^confidence$/, 'confidence'],
  [/^verification$/, 'verification'],
  [/^notes$/, 'notes'],
  [/^tags/, 'tags'],
  [/^caveat/, 'caveat'],
  [/^supersedes$/, 'supersedes'],
];

/** The admin's field name for a schema issue about a figure, or null for issues elsewhere in the dataset. */
export function fieldOfIssue(
  path: readonly PropertyKey[],
  dataset: Dataset,
): { figureId: string; field: FieldName | 'id' } | null {
  if (path[0] !== 'figures' || typeof path[1] !== 'number') return null;
  const figureId = dataset.figures[path[1]]?.id ?? '?';
  const rest = path.slice(2).map(String).join('.');
  if (rest === 'id') return { figureId, field: 'id' };
  const hit = PATHS.find(([pattern]) => pattern.test(rest));
  return { figureId, field: hit?.[1] ?? 'value' };
}

/** A figure as the admin sees its fields, for before/after lists. */
export function fieldsOf(f: Figure): Record<FieldName, string> {
  return {
    value: f.value === null ? '' : String(f.value),
    unit: f.unit.code,
    rank: f.rank === null ? '' : String(f.rank),
    rank_of: f.rankOf === null ? '' : String(f.rankOf),
    scope: f.rankScope?.en ?? '',
    scope_ko: f.rankScope?.ko ?? '',
    period: f.period.en,
    period_ko: f.period.ko,
    metric: f.metric.en,
    metric_ko: f.metric.ko,
    entity: f.entity.en,
    entity_ko: f.entity.ko,
    country: f.country ?? '',
    series: f.series ?? '',
    category: f.category,
    source_url: f.source.url,
    publisher: f.source.publisher,
    publisher_ko: f.source.shortName?.ko ?? '',
    title: f.source.title,
    quote: f.source.quote,
    published: f.source.publishedOn ?? '',
    confidence: f.confidence,
    verification: f.verification,
    notes: f.notes ?? '',
    tags: f.tags.join(','),
    caveat: f.caveat?.en ?? '',
    caveat_ko: f.caveat?.ko ?? '',
    supersedes: f.supersedes ?? '',
  };
}

/** The fields that differ between two versions of a figure. */
export function changedFields(before: Figure, after: Figure): { field: FieldName; before: string; after: string }[] {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  return FIELD_NAMES.filter((name) => a[name] !== b[name]).map((field) => ({
    field,
    before: a[field],
    after: b[field],
  }));
}
