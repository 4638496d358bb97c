import { isProbablyStale } from '../../core/dataset/currency.js';
import type { Figure, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { comparablePrevious, editionChain, historyReason } from '../../core/dataset/editions.js';

/**
 * A country's place in each index, edition by edition: for every line of editions (an index's overall ranking, each
 * sector or pillar), the newest edition that ranks the country. When that is not the family's newest edition, the
 * entry says which edition is newer; the previous comparable edition gives the change.
 */
export interface RankEntry {
  series: Series;
  figure: Figure;
  /** The country's rank in the previous comparable edition, for "▲1 from 6th". */
  previous: { series: Series; figure: Figure } | null;
  /** The newest edition when this entry is from an older one (the country is missing from the newer). */
  newer: Series | null;
  /** A new edition has probably appeared since the newest source (a yearly index over a year old). */
  stale: boolean;
}

/** Every line of editions in an index family, each as its chain oldest → newest. */
function chains(view: DatasetView, indexId: string): Series[][] {
  const seen = new Set<string>();
  const out: Series[][] = [];
  for (const series of view.editions(indexId)) {
    const chain = editionChain(view, series.id);
    const last = chain.at(-1);
    if (!last || seen.has(last.id)) continue;
    seen.add(last.id);
    out.push(chain);
  }
  return out;
}

function ranked(view: DatasetView, series: Series, country: string): Figure | undefined {
  const figure = view.observation(series.id, country);
  return figure && figure.rank !== null ? figure : undefined;
}

function entryFor(view: DatasetView, chain: readonly Series[], country: string, today?: string): RankEntry | null {
  const series = [...chain].reverse().find((s) => ranked(view, s, country));
  const figure = series ? ranked(view, series, country) : undefined;
  if (!series || !figure) return null;
  const before = comparablePrevious(view, series);
  const previousFigure = before ? ranked(view, before, country) : undefined;
  const reason = historyReason(view, figure);
  return {
    series,
    figure,
    previous: before && previousFigure ? { series: before, figure: previousFigure } : null,
    newer: reason?.kind === 'older_edition' ? reason.newest : null,
    stale: today !== undefined && isProbablyStale(view, chain.at(-1) ?? series, today),
  };
}

/**
 * The country's entries in every index family, in the dataset's order of families, headline lines first. With a
 * year, only that edition's series (an explicit request for an older edition). Without `today` (YYYY-MM-DD), no
 * entry is judged out of date.
 */
export function currentRankings(view: DatasetView, country: string, today?: string, year?: string): RankEntry[] {
  return view.indices().flatMap((family) => {
    if (year !== undefined) {
      return view
        .editions(family.id)
        .filter((s) => s.edition === year)
        .flatMap((s) => entryFor(view, [s], country, today) ?? []);
    }
    const entries = chains(view, family.id).flatMap((chain) => entryFor(view, chain, country, today) ?? []);
    return [
      ...entries.filter((e) => e.series.tier === 'headline'),
      ...entries.filter((e) => e.series.tier !== 'headline'),
    ];
  });
}
