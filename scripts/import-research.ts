/**
 * Builds data/dataset.json from the two research files (figures-research.json, the first research to early 2026, and
 * figures-2026.json, the 2026 editions) and the hand-kept curation beside each. Run to rebuild
 * (`npx tsx scripts/import-research.ts`); dataset.json is the reviewed result and admins edit it. Values, ranks,
 * sources, quotes and supersession links are copied untouched; the curation only adds structure (series, tags,
 * events with their status, conflicts, claims), Korean wording and short caveats.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  claimSchema,
  conflictSchema,
  countrySchema,
  type Dataset,
  datasetSchema,
  eventSchema,
  type Figure,
  indexFamilySchema,
  localizedSchema,
  type Series,
  seriesSchema,
} from '../src/core/dataset/dataset-schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const rawRecordSchema = z.object({
  id: z.string(),
  category: z.string(),
  metric_en: z.string(),
  metric_ko: z.string(),
  country: z.string().nullable(),
  entity: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  unit: z.string().nullable(),
  rank: z.number().nullable(),
  rank_of: z.string().nullable(),
  period: z.string(),
  source_publisher: z.string(),
  source_title: z.string(),
  url: z.string(),
  corroborating_urls: z.array(z.string()),
  publication_date: z.string().nullable(),
  snippet: z.string(),
  confidence: z.string(),
  verification: z.string(),
  notes: z.string().nullable(),
  /** The older record this one updates (figures-2026.json). */
  supersedes: z.string().optional(),
  source_publisher_ko: z.string().optional(),
});
export type RawRecord = z.infer<typeof rawRecordSchema>;

const curationSchema = z.object({
  indices: z.array(indexFamilySchema),
  series: z.array(seriesSchema.omit({ default: true }).extend({ match: z.string(), default: z.boolean().optional() })),
  units: z.record(
    z.string(),
    z.object({ code: z.string(), note: localizedSchema.optional(), noun: localizedSchema.optional() }),
  ),
  periods: z.record(z.string(), z.string()),
  rankFields: z.record(z.string(), z.object({ size: z.number().nullable(), scope: localizedSchema })),
  entities: z.record(z.string(), z.string()),
  countries: z.array(countrySchema),
  tags: z.array(z.object({ match: z.string(), tags: z.array(z.string()) })),
  events: z.array(eventSchema),
  /** Each publisher string of the research as readers know it, in both languages. */
  publishers: z.record(z.string(), localizedSchema),
  /** Short caveats by figure id, shown beside the figure. */
  caveats: z.record(z.string(), localizedSchema),
  /** English wording for figures whose researched English carries Korean glosses. */
  englishFixes: z.record(z.string(), z.object({ metric: z.string().optional(), entity: z.string().optional() })),
  /** Text values in both languages, where the research gives the words in one. */
  textValues: z.record(z.string(), localizedSchema).default({}),
  conflicts: z.array(conflictSchema).default([]),
  claims: z.array(claimSchema).default([]),
});
type Curation = z.infer<typeof curationSchema>;

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`curation has no entry for ${what}`);
  return value;
}

function seriesFor(record: RawRecord, curation: Curation): string | null {
  const hits = curation.series.filter((s) => new RegExp(s.match).test(record.id));
  if (hits.length > 1) throw new Error(`${record.id} matches several series`);
  return hits[0]?.id ?? null;
}

function entityName(record: RawRecord, curation: Curation): { en: string; ko: string } {
  const country = curation.countries.find((c) => c.code === record.country);
  if (country && record.entity === country.name.en) return country.name;
  const en = curation.englishFixes[record.id]?.entity ?? record.entity;
  return { en, ko: must(curation.entities[record.entity], `entity "${record.entity}"`) };
}

/** The researched publisher's name for readers: the research's Korean name where it gave one, else the curation's. */
function shortName(record: RawRecord, curation: Curation): { en: string; ko: string } {
  const curated = must(curation.publishers[record.source_publisher], `publisher "${record.source_publisher}"`);
  return record.source_publisher_ko ? { en: curated.en, ko: record.source_publisher_ko } : curated;
}

export function toFigure(record: RawRecord, curation: Curation): Figure {
  const unitKey = record.unit ?? 'none';
  const unit = must(curation.units[unitKey], `unit "${unitKey}"`);
  const caveat = curation.caveats[record.id];
  const valueText = curation.textValues[record.id];
  const field =
    record.rank_of === null ? null : must(curation.rankFields[record.rank_of], `rank_of "${record.rank_of}"`);
  return {
    id: record.id,
    category: record.category as Figure['category'],
    series: seriesFor(record, curation),
    tags: curation.tags.filter((t) => new RegExp(t.match).test(record.id)).flatMap((t) => t.tags),
    country: record.country,
    entity: entityName(record, curation),
    metric: { en: curation.englishFixes[record.id]?.metric ?? record.metric_en, ko: record.metric_ko },
    value: record.value,
    unit: { ...unit, code: unit.code as Figure['unit']['code'], source: unitKey },
    rank: record.rank,
    rankOf: field?.size ?? null,
    rankScope: field?.scope ?? null,
    period: { en: record.period, ko: must(curation.periods[record.period], `period "${record.period}"`) },
    source: {
      publisher: record.source_publisher,
      shortName: shortName(record, curation),
      title: record.source_title,
      url: record.url,
      publishedOn: record.publication_date,
      quote: record.snippet,
      corroboratingUrls: record.corroborating_urls,
    },
    confidence: record.confidence as Figure['confidence'],
    verification: record.verification as Figure['verification'],
    notes: record.notes,
    ...(record.supersedes ? { supersedes: record.supersedes } : {}),
    ...(caveat ? { caveat } : {}),
    ...(valueText ? { valueText } : {}),
  };
}

export function buildDataset(records: RawRecord[], curation: Curation, updatedAt: string): Dataset {
  const series: Series[] = curation.series.map(({ match: _match, ...s }) => ({ ...s, default: s.default ?? false }));
  return datasetSchema.parse({
    schemaVersion: 1,
    version: 1,
    updatedAt,
    countries: curation.countries,
    indices: curation.indices,
    series,
    figures: records.map((r) => toFigure(r, curation)),
    events: [...curation.events].sort((a, b) => a.date.localeCompare(b.date)),
    claims: curation.claims,
    conflicts: curation.conflicts,
  });
}

function mergeRecords<T>(what: string, a: Record<string, T>, b: Record<string, T>): Record<string, T> {
  const clash = Object.keys(b).find((k) => k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (clash) throw new Error(`both curation files define ${what} "${clash}" differently`);
  return { ...a, ...b };
}

/** The two curation files as one: lists joined, maps merged (a key defined twice must agree). */
export function mergeCurations(a: Curation, b: Curation): Curation {
  return {
    indices: [...a.indices, ...b.indices],
    series: [...a.series, ...b.series],
    units: mergeRecords('unit', a.units, b.units),
    periods: mergeRecords('period', a.periods, b.periods),
    rankFields: mergeRecords('rank field', a.rankFields, b.rankFields),
    entities: mergeRecords('entity', a.entities, b.entities),
    countries: [...a.countries, ...b.countries],
    tags: [...a.tags, ...b.tags],
    events: [...a.events, ...b.events],
    publishers: mergeRecords('publisher', a.publishers, b.publishers),
    caveats: mergeRecords('caveat', a.caveats, b.caveats),
    englishFixes: mergeRecords('English fix', a.englishFixes, b.englishFixes),
    textValues: mergeRecords('text value', a.textValues, b.textValues),
    conflicts: [...a.conflicts, ...b.conflicts],
    claims: [...a.claims, ...b.claims],
  };
}

/** The research files, in order; each record keeps the file it came from as its provenance. */
export const RESEARCH_FILES = ['figures-research.json', 'figures-2026.json'] as const;
const CURATION_FILES = ['curation.json', 'curation-2026.json'] as const;

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(`${root}data/research/${name}`, 'utf8'));
}

export function readResearch(): { records: RawRecord[]; byFile: Record<string, RawRecord[]>; curation: Curation } {
  const byFile = Object.fromEntries(RESEARCH_FILES.map((f) => [f, z.array(rawRecordSchema).parse(readJson(f))]));
  const [first, second] = CURATION_FILES.map((f) => curationSchema.parse(readJson(f)));
  if (!first || !second) throw new Error('curation files missing');
  return { records: RESEARCH_FILES.flatMap((f) => byFile[f] ?? []), byFile, curation: mergeCurations(first, second) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { records, curation } = readResearch();
  const dataset = buildDataset(records, curation, new Date().toISOString());
  writeFileSync(`${root}data/dataset.json`, `${JSON.stringify(dataset, null, 2)}\n`);
  console.log(`wrote data/dataset.json: ${dataset.figures.length} figures, ${dataset.series.length} series`);
}
