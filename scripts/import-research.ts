/**
 * Builds data/dataset.json from the research file and the hand-kept curation beside it.
 * Run once to bootstrap (`npx tsx scripts/import-research.ts`); afterwards dataset.json is the reviewed source and
 * admins edit it. Values, ranks, sources and quotes are copied untouched; the curation only adds structure
 * (series, tags, events) and Korean wording.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
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
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
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
  return { en: record.entity, ko: must(curation.entities[record.entity], `entity "${record.entity}"`) };
}

export function toFigure(record: RawRecord, curation: Curation): Figure {
  const unit = must(curation.units[record.unit], `unit "${record.unit}"`);
  const field =
    record.rank_of === null ? null : must(curation.rankFields[record.rank_of], `rank_of "${record.rank_of}"`);
  return {
    id: record.id,
    category: record.category as Figure['category'],
    series: seriesFor(record, curation),
    tags: curation.tags.filter((t) => new RegExp(t.match).test(record.id)).flatMap((t) => t.tags),
    country: record.country,
    entity: entityName(record, curation),
    metric: { en: record.metric_en, ko: record.metric_ko },
    value: record.value,
    unit: { ...unit, code: unit.code as Figure['unit']['code'], source: record.unit },
    rank: record.rank,
    rankOf: field?.size ?? null,
    rankScope: field?.scope ?? null,
    period: { en: record.period, ko: must(curation.periods[record.period], `period "${record.period}"`) },
    source: {
      publisher: record.source_publisher,
      title: record.source_title,
      url: record.url,
      publishedOn: record.publication_date,
      quote: record.snippet,
      corroboratingUrls: record.corroborating_urls,
    },
    confidence: record.confidence as Figure['confidence'],
    verification: record.verification as Figure['verification'],
    notes: record.notes,
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
    events: curation.events,
  });
}

export function readResearch(): { records: RawRecord[]; curation: Curation } {
  const records = z
    .array(rawRecordSchema)
    .parse(JSON.parse(readFileSync(`${root}data/research/figures-research.json`, 'utf8')));
  const curation = curationSchema.parse(JSON.parse(readFileSync(`${root}data/research/curation.json`, 'utf8')));
  return { records, curation };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { records, curation } = readResearch();
  const dataset = buildDataset(records, curation, new Date().toISOString());
  writeFileSync(`${root}data/dataset.json`, `${JSON.stringify(dataset, null, 2)}\n`);
  console.log(`wrote data/dataset.json: ${dataset.figures.length} figures, ${dataset.series.length} series`);
}
