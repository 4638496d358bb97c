import type { Category, Country, Dataset, Figure, IndexFamily, PolicyEvent, Series } from './dataset-schema.js';
import { shareRepeated } from './share-repeated.js';

/**
 * A read-only, indexed view of one validated dataset version. Built once per version, so that no request
 * scans or re-validates the dataset.
 */
export interface DatasetView {
  readonly version: number;
  readonly updatedAt: string;
  readonly figureCount: number;
  /** The validated dataset this view indexes; callers must not mutate it (clone to edit). */
  dataset(): Readonly<Dataset>;
  figure(id: string): Figure | undefined;
  allFigures(): readonly Figure[];
  series(id: string): Series | undefined;
  allSeries(): readonly Series[];
  /** The series' figures, best rank first (unranked ones last, by value). */
  observations(seriesId: string): readonly Figure[];
  observation(seriesId: string, country: string): Figure | undefined;
  byCountry(code: string): readonly Figure[];
  byCategory(category: Category): readonly Figure[];
  byTag(tag: string): readonly Figure[];
  indices(): readonly IndexFamily[];
  index(id: string): IndexFamily | undefined;
  /** The series of an index family, newest edition first. */
  editions(indexId: string): readonly Series[];
  countries(): readonly Country[];
  country(code: string): Country | undefined;
  events(): readonly PolicyEvent[];
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

function byRank(a: Figure, b: Figure): number {
  if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank !== null && b.rank === null) return -1;
  if (a.rank === null && b.rank !== null) return 1;
  const av = typeof a.value === 'number' ? a.value : Number.NEGATIVE_INFINITY;
  const bv = typeof b.value === 'number' ? b.value : Number.NEGATIVE_INFINITY;
  return bv - av;
}

// Editions are years or dated labels ("2025", "2025-H2"); code-unit order is their order, and it does not load the
// collator at start-up (localeCompare's first call costs milliseconds of every CLI answer).
function byEditionDesc(a: Series, b: Series): number {
  const x = a.edition ?? '';
  const y = b.edition ?? '';
  return x === y ? 0 : x < y ? 1 : -1;
}

const EMPTY: readonly never[] = Object.freeze([]);

export function createDatasetView(dataset: Dataset): DatasetView {
  shareRepeated(dataset);
  const figures = new Map(dataset.figures.map((f) => [f.id, f]));
  const series = new Map(dataset.series.map((s) => [s.id, s]));
  const observations = groupBy(dataset.figures, (f) => (f.series ? [f.series] : []));
  for (const list of observations.values()) list.sort(byRank);
  const observationByCountry = new Map(
    dataset.figures.filter((f) => f.series && f.country).map((f) => [`${f.series}|${f.country}`, f]),
  );
  const byCountry = groupBy(dataset.figures, (f) => (f.country ? [f.country] : []));
  const byCategory = groupBy(dataset.figures, (f) => [f.category]);
  const byTag = groupBy(dataset.figures, (f) => f.tags);
  const editions = groupBy(dataset.series, (s) => (s.index ? [s.index] : []));
  for (const list of editions.values()) list.sort(byEditionDesc);
  const indices = new Map(dataset.indices.map((i) => [i.id, i]));
  const countries = new Map(dataset.countries.map((c) => [c.code, c]));

  return {
    version: dataset.version,
    updatedAt: dataset.updatedAt,
    figureCount: dataset.figures.length,
    dataset: () => dataset,
    figure: (id) => figures.get(id),
    allFigures: () => dataset.figures,
    series: (id) => series.get(id),
    allSeries: () => dataset.series,
    observations: (id) => observations.get(id) ?? EMPTY,
    observation: (id, country) => observationByCountry.get(`${id}|${country}`),
    byCountry: (code) => byCountry.get(code) ?? EMPTY,
    byCategory: (category) => byCategory.get(category) ?? EMPTY,
    byTag: (tag) => byTag.get(tag) ?? EMPTY,
    indices: () => dataset.indices,
    index: (id) => indices.get(id),
    editions: (id) => editions.get(id) ?? EMPTY,
    countries: () => dataset.countries,
    country: (code) => countries.get(code),
    events: () => dataset.events,
  };
}
