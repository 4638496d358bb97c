import type { Figure, Series } from './dataset-schema.js';
import type { DatasetView } from './dataset-view.js';
import { derived } from './derived.js';

/**
 * Editions and supersession. A series' editions are chained by `previous` (Private AI investment 2022 → 2023 → 2024 →
 * 2025); an index family's editions are ordered by year. A figure is current unless a newer figure supersedes it, a
 * newer edition of its series exists, or its index family has a newer edition than its own: an older edition stays
 * true for its own period, but it is history, never shown as the present.
 */

interface Links {
  /** Series id → the series that names it as previous. */
  next: Map<string, Series>;
  /** Figure id → the figure that supersedes it. */
  supersededBy: Map<string, Figure>;
  /** Index family → its newest edition year. */
  newestEdition: Map<string, string>;
}

function links(view: DatasetView): Links {
  return derived(view, 'edition-links', (v) => {
    const next = new Map<string, Series>();
    for (const s of v.allSeries()) if (s.previous) next.set(s.previous, s);
    const supersededBy = new Map<string, Figure>();
    for (const f of v.allFigures()) if (f.supersedes) supersededBy.set(f.supersedes, f);
    const newestEdition = new Map<string, string>();
    for (const family of v.indices()) {
      const newest = v.editions(family.id)[0]?.edition;
      if (newest) newestEdition.set(family.id, newest);
    }
    return { next, supersededBy, newestEdition };
  });
}

/** The series' editions, oldest first, following `previous` back and the series that name it forward. */
export function editionChain(view: DatasetView, seriesId: string): Series[] {
  const { next } = links(view);
  const start = view.series(seriesId);
  if (!start) return [];
  const chain: Series[] = [start];
  const seen = new Set([start.id]);
  for (let s = start.previous ? view.series(start.previous) : undefined; s && !seen.has(s.id); ) {
    chain.unshift(s);
    seen.add(s.id);
    s = s.previous ? view.series(s.previous) : undefined;
  }
  for (let s = next.get(start.id); s && !seen.has(s.id); s = next.get(s.id)) {
    chain.push(s);
    seen.add(s.id);
  }
  return chain;
}

/** The newest edition of the series' chain (the series itself when it is the newest). */
export function newestOf(view: DatasetView, seriesId: string): Series | undefined {
  return editionChain(view, seriesId).at(-1);
}

/** The edition before this one, unless the method changed between them (then no change is computed). */
export function comparablePrevious(view: DatasetView, series: Series): Series | undefined {
  if (series.comparability || !series.previous) return undefined;
  return view.series(series.previous);
}

/** The figure that directly updates this one, if any. */
export function supersededBy(view: DatasetView, figureId: string): Figure | undefined {
  return links(view).supersededBy.get(figureId);
}

/** Why a figure is not the present state, or null when it is. */
export function historyReason(
  view: DatasetView,
  figure: Figure,
): { kind: 'superseded'; by: Figure } | { kind: 'older_edition'; newest: Series } | null {
  const by = supersededBy(view, figure.id);
  if (by) return { kind: 'superseded', by };
  const series = figure.series ? view.series(figure.series) : undefined;
  if (!series) return null;
  const newest = newestOf(view, series.id);
  if (newest && newest.id !== series.id) return { kind: 'older_edition', newest };
  const familyNewest = series.index ? links(view).newestEdition.get(series.index) : undefined;
  if (familyNewest && series.edition && familyNewest > series.edition) {
    const newestSeries = view.editions(series.index ?? '').find((s) => s.edition === familyNewest);
    if (newestSeries) return { kind: 'older_edition', newest: newestSeries };
  }
  return null;
}

export function isCurrent(view: DatasetView, figure: Figure): boolean {
  return historyReason(view, figure) === null;
}

/** The newest figure that updates this one, following supersession links (itself when nothing does). */
export function latestOf(view: DatasetView, figure: Figure): Figure {
  const seen = new Set<string>();
  let at = figure;
  for (let by = supersededBy(view, at.id); by && !seen.has(by.id); by = supersededBy(view, at.id)) {
    seen.add(at.id);
    at = by;
  }
  return at;
}

/** The distinct lines of editions among these series, each oldest → newest, in the order their newest appears. */
export function chainsOf(view: DatasetView, series: readonly Series[]): Series[][] {
  const seen = new Set<string>();
  const out: Series[][] = [];
  for (const s of series) {
    const chain = editionChain(view, s.id);
    const last = chain.at(-1);
    if (!last || seen.has(last.id)) continue;
    seen.add(last.id);
    out.push(chain);
  }
  return out;
}

/** The country's observation in the newest edition of the chain that has one. */
export function latestObservation(view: DatasetView, chain: readonly Series[], country: string): Figure | undefined {
  for (const s of [...chain].reverse()) {
    const figure = view.observation(s.id, country);
    if (figure) return figure;
  }
  return undefined;
}

/** One observation per country or entity: from the newest edition of the chain that has it. */
export function latestObservations(view: DatasetView, chain: readonly Series[]): Figure[] {
  const out = new Map<string, Figure>();
  for (const s of [...chain].reverse()) {
    for (const f of view.observations(s.id)) {
      const key = f.country ?? f.entity.en;
      if (!out.has(key)) out.set(key, f);
    }
  }
  return [...out.values()];
}

/**
 * Whether a figure is the newest value its subject has: nothing updates it, and no newer edition of its line holds
 * the same country. Korea's 2024 net migration is its newest value even though the 2025 edition exists (without
 * Korea): not current, but the latest there is for Korea.
 */
export function isNewestForSubject(view: DatasetView, figure: Figure): boolean {
  if (supersededBy(view, figure.id)) return false;
  if (!figure.series || !figure.country) return true;
  return latestObservation(view, editionChain(view, figure.series), figure.country)?.id === figure.id;
}
