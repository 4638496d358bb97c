import type { Figure, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { derived } from '../../core/dataset/derived.js';

/** Where /ai-invest finds its figures: the yearly private-investment series, multiples, claims, other metrics. */

export const PRIVATE_INVESTMENT_TAG = 'private_investment';
export const MULTIPLE_TAG = 'investment_multiple';
export const CLAIM_TAG = 'claim_check';

export interface AnnualSeries {
  year: string;
  series: Series;
}

/** Series of private investment in one calendar year, newest first; when editions overlap, the later one wins. */
export function annualSeries(view: DatasetView): AnnualSeries[] {
  return derived(view, 'annual-investment', (v) => {
    const byYear = new Map<string, Series>();
    for (const series of v.allSeries().filter((s) => s.category === 'investment')) {
      const figures = v.observations(series.id);
      const years = new Set(figures.map((f) => f.period.en));
      const year = [...years][0] ?? '';
      const annual = years.size === 1 && /^\d{4}$/.test(year);
      if (!annual || !figures.every((f) => f.tags.includes(PRIVATE_INVESTMENT_TAG))) continue;
      const held = byYear.get(year);
      if (!held || figures.length > v.observations(held.id).length) byYear.set(year, series);
    }
    return [...byYear.entries()]
      .map(([year, series]) => ({ year, series }))
      .sort((a, b) => b.year.localeCompare(a.year));
  });
}

/** The country's private investment in each year the data holds, oldest first, from every yearly series. */
export function investmentByYear(view: DatasetView, country: string): { year: string; figure: Figure }[] {
  const out = new Map<string, Figure>();
  for (const series of view.allSeries().filter((s) => s.category === 'investment')) {
    const f = view.observation(series.id, country);
    if (!f || !/^\d{4}$/.test(f.period.en) || !f.tags.includes(PRIVATE_INVESTMENT_TAG)) continue;
    if (!out.has(f.period.en) || annualSeries(view).some((a) => a.series.id === series.id)) out.set(f.period.en, f);
  }
  return [...out.entries()].map(([year, figure]) => ({ year, figure })).sort((a, b) => a.year.localeCompare(b.year));
}

/** Multiples the dataset records for a year ("US private AI investment as multiple of Korea's, 2024"). */
export function recordedMultiples(view: DatasetView, year: string): Figure[] {
  return view.byTag(MULTIPLE_TAG).filter((f) => f.period.en === year);
}

export function claims(view: DatasetView): Figure[] {
  return view.byCategory('investment').filter((f) => f.tags.includes(CLAIM_TAG));
}

/** The focus country's other investment figures (venture capital, cumulative, new companies). */
export function otherInvestment(view: DatasetView, country: string, shown: ReadonlySet<string>): Figure[] {
  return view
    .byCountry(country)
    .filter((f) => f.category === 'investment' && !shown.has(f.id) && !f.tags.includes(MULTIPLE_TAG))
    .filter((f) => !(f.tags.includes(PRIVATE_INVESTMENT_TAG) && /^\d{4}$/.test(f.period.en)));
}
