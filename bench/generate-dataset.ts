import countries from 'i18n-iso-countries';
import type {
  Category,
  Country,
  Dataset,
  Figure,
  IndexFamily,
  Series,
  Unit,
} from '../src/core/dataset/dataset-schema.js';

/**
 * A larger dataset of the same shape as the shipped one, for scaling runs: the shipped records plus every ISO
 * country, synthetic index families with yearly editions ranking every country, and comparable metrics per
 * country, until the figure count is reached. Deterministic for a given size.
 */

const FAMILIES = 8;
const FIRST_YEAR = 2001;
const LAST_YEAR = 2025;
const METRIC_KINDS: { category: Category; unit: Unit }[] = [
  { category: 'investment', unit: { code: 'usd_bn', source: 'USD bn' } },
  { category: 'talent', unit: { code: 'persons', source: 'persons' } },
  { category: 'compute', unit: { code: 'gpus', source: 'GPUs' } },
  { category: 'research', unit: { code: 'percent', source: '%' } },
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function allCountries(base: readonly Country[]): Country[] {
  const known = new Set(base.map((c) => c.code));
  const extra = Object.keys(countries.getAlpha2Codes())
    .filter((code) => !known.has(code))
    .sort()
    .map((code) => {
      const en = countries.getName(code, 'en') ?? code;
      return { code, name: { en, ko: countries.getName(code, 'ko') ?? en }, aliases: [] };
    });
  return [...base, ...extra];
}

function source(id: string) {
  return {
    publisher: 'Synthetic benchmark data',
    title: `Generated record ${id}`,
    url: `https://example.org/bench/${id}`,
    publishedOn: null,
    quote: 'Generated for scaling benchmarks.',
    corroboratingUrls: [],
  };
}

function family(i: number): IndexFamily {
  const letter = String.fromCharCode(65 + i);
  return {
    id: `synth_${letter.toLowerCase()}`,
    name: { en: `Synthetic AI Index ${letter}`, ko: `합성 AI 지수 ${letter}` },
    short: { en: `Synth ${letter}`, ko: `합성 ${letter}` },
    aliases: [`synth${letter.toLowerCase()}`],
  };
}

function edition(f: IndexFamily, year: number, fieldSize: number): Series {
  return {
    id: `${f.id}_${year}`,
    category: 'ranking',
    index: f.id,
    edition: String(year),
    default: year === LAST_YEAR,
    tier: 'detail',
    variant: null,
    variantAliases: [],
    name: { en: `${f.name.en} ${year}`, ko: `${f.name.ko} ${year}` },
    field: { size: fieldSize, scope: { en: 'all countries', ko: '전체 국가' } },
    previous: year > FIRST_YEAR ? `${f.id}_${year - 1}` : null,
  };
}

function rankedFigures(s: Series, list: readonly Country[], random: () => number): Figure[] {
  const scores = list.map((c) => ({ c, score: Math.round(random() * 1000) / 10 })).sort((a, b) => b.score - a.score);
  return scores.map(({ c, score }, i) => ({
    id: `${s.id}_${c.code}`,
    category: 'ranking',
    series: s.id,
    tags: [],
    country: c.code,
    entity: c.name,
    metric: { en: `${s.name.en} — score and rank`, ko: `${s.name.ko} — 점수와 순위` },
    value: score,
    unit: { code: 'index_score', source: 'score' },
    rank: i + 1,
    rankOf: list.length,
    rankScope: { en: `${list.length} countries`, ko: `${list.length}개국` },
    period: { en: s.edition ?? '', ko: `${s.edition}년` },
    source: source(`${s.id}_${c.code}`),
    confidence: 'medium',
    verification: 'derived',
    notes: null,
  }));
}

function metricSeries(k: number): Series {
  const kind = METRIC_KINDS[k % METRIC_KINDS.length] ?? METRIC_KINDS[0];
  return {
    id: `synthm_${k}`,
    category: kind?.category ?? 'investment',
    index: null,
    edition: null,
    default: false,
    tier: 'detail',
    variant: null,
    variantAliases: [],
    name: { en: `Synthetic metric ${k}`, ko: `합성 지표 ${k}` },
    field: null,
    previous: null,
  };
}

function metricFigures(s: Series, k: number, list: readonly Country[], random: () => number): Figure[] {
  const unit = (METRIC_KINDS[k % METRIC_KINDS.length] ?? METRIC_KINDS[0])?.unit ?? { code: 'count', source: 'x' };
  return list.map((c) => ({
    id: `${s.id}_${c.code}`,
    category: s.category,
    series: s.id,
    tags: [],
    country: c.code,
    entity: c.name,
    metric: s.name,
    value: Math.round(random() * 100_000) / 100,
    unit,
    rank: null,
    rankOf: null,
    rankScope: null,
    period: { en: '2024', ko: '2024년' },
    source: source(`${s.id}_${c.code}`),
    confidence: 'medium',
    verification: 'derived',
    notes: null,
  }));
}

export function generateDataset(base: Dataset, size: number): Dataset {
  const random = rng(size);
  const list = allCountries(base.countries);
  const families = Array.from({ length: FAMILIES }, (_, i) => family(i));
  const series: Series[] = [];
  const figures: Figure[] = [...base.figures];
  let ranked = 0;
  let metric = 0;
  while (figures.length < size) {
    // Newest year first, every family an edition per year, alternating with comparable metrics.
    const year = LAST_YEAR - Math.floor(ranked / FAMILIES);
    if (series.length % 2 === 0 && year >= FIRST_YEAR) {
      const s = edition(families[ranked % FAMILIES] as IndexFamily, year, list.length);
      ranked += 1;
      series.push(s);
      figures.push(...rankedFigures(s, list, random).slice(0, size - figures.length));
    } else {
      const s = metricSeries(metric);
      metric += 1;
      series.push(s);
      figures.push(...metricFigures(s, metric, list, random).slice(0, size - figures.length));
    }
  }
  const used = new Set(series.map((s) => s.index));
  const editions = series.filter((s) => s.index);
  // Each family needs exactly one default: its newest edition held.
  for (const f of families) {
    const own = editions.filter((s) => s.index === f.id);
    for (const s of own) s.default = s === own[0];
    // The oldest edition generated has no predecessor in the data.
    const last = own.at(-1);
    if (last) last.previous = null;
  }
  return {
    ...base,
    version: 1,
    countries: list,
    indices: [...base.indices, ...families.filter((f) => used.has(f.id))],
    series: [...base.series, ...series],
    figures,
  };
}
