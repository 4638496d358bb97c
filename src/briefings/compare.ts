import type { KnownBlock } from '@slack/types';
import { context, header, sections } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { Figure, Series, UnitCode } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { chainsOf, isCurrent } from '../core/dataset/editions.js';
import { escapeMrkdwn } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { countryName, Footnotes, flag, valueText } from './figures.js';

/** `/ai-compare`: every index and metric two or more of the countries share, side by side, leader marked. */

const MAX_MEASURES = 24;
/** Units where more is ahead (amounts, counts, scores, net inflow); others get no leader. */
const MORE_IS_AHEAD: readonly UnitCode[] = [
  'index_score',
  'usd_bn',
  'krw_tn',
  'krw_bn',
  'persons',
  'gpus',
  'count',
  'per_10k',
];

interface Measure {
  series: Series;
  cells: { code: string; figure: Figure | undefined }[];
  /** The line's newest edition, when the compared one is older (too few of the countries in the newest). */
  newest: Series | null;
}

function cellsOf(view: DatasetView, series: Series, countries: readonly string[]): Measure['cells'] {
  return countries.map((code) => ({ code, figure: view.observation(series.id, code) }));
}

/**
 * Each line of editions once: its newest edition that holds two or more of the countries, so that every cell of a
 * measure comes from the same edition (like with like).
 */
function shared(view: DatasetView, countries: readonly string[]): Measure[] {
  return chainsOf(view, view.allSeries())
    .flatMap((chain) => {
      const newest = chain.at(-1);
      const series = [...chain].reverse().find((s) => cellsOf(view, s, countries).filter((c) => c.figure).length >= 2);
      if (!series || !newest) return [];
      const older =
        series.id !== newest.id ||
        !cellsOf(view, series, countries).every((c) => !c.figure || isCurrent(view, c.figure));
      return [{ series, cells: cellsOf(view, series, countries), newest: older ? newest : null }];
    })
    .sort((a, b) => (a.series.tier === b.series.tier ? 0 : a.series.tier === 'headline' ? -1 : 1));
}

/** The leading country: best rank when every shown figure has one, else the larger value where more is ahead. */
function leader(cells: Measure['cells']): { code: string; by: 'rank' | 'value' } | null {
  const held = cells.filter((c): c is { code: string; figure: Figure } => c.figure !== undefined);
  if (held.every((c) => c.figure.rank !== null)) {
    const best = [...held].sort((a, b) => (a.figure.rank ?? 0) - (b.figure.rank ?? 0));
    return best[0] && best[0].figure.rank !== best[1]?.figure.rank ? { code: best[0].code, by: 'rank' } : null;
  }
  const numeric = held.filter((c) => typeof c.figure.value === 'number' && MORE_IS_AHEAD.includes(c.figure.unit.code));
  if (numeric.length !== held.length) return null;
  const best = [...numeric].sort((a, b) => Number(b.figure.value) - Number(a.figure.value));
  return best[0] && best[0].figure.value !== best[1]?.figure.value ? { code: best[0].code, by: 'value' } : null;
}

function measureText(view: DatasetView, m: Measure, notes: Footnotes, locale: Locale): string {
  const t = messages(locale);
  const lead = leader(m.cells);
  const rule = lead ? (lead.by === 'rank' ? t.compareRankBetter : t.compareValueBetter) : t.compareNoLeader;
  const lines = m.cells.map(({ code, figure }) => {
    const name = `${flag(code)} ${escapeMrkdwn(countryName(view, code, locale))}`;
    if (!figure) return `${name}: _${t.noData}_`;
    const star = lead?.code === code ? ' ★' : '';
    return `${name}: ${valueText(figure, locale)}${star} ${notes.mark(figure, countryName(view, code, locale))}`;
  });
  const period = [...new Set(m.cells.flatMap((c) => (c.figure ? [c.figure.period[locale]] : [])))].join(', ');
  const older = m.newest ? [`ℹ️ ${escapeMrkdwn(t.olderEditionShown(m.newest.name[locale]))}`] : [];
  return [`*${escapeMrkdwn(m.series.name[locale])}* — _${escapeMrkdwn(period)} · ${rule}_`, ...lines, ...older].join(
    '\n',
  );
}

export function buildCompare(view: DatasetView, options: { countries: readonly string[]; locale: Locale }): Briefing {
  const { countries, locale } = options;
  const t = messages(locale);
  const names = countries.map((c) => countryName(view, c, locale)).join(', ');
  const title = t.compareTitle(names);
  const measures = shared(view, countries);
  if (measures.length === 0) return { text: title, blocks: [header(title), ...sections([t.compareNone])] };
  const notes = new Footnotes(locale, view);
  const listed = measures.slice(0, MAX_MEASURES);
  const shown = listed.map((m) => measureText(view, m, notes, locale));
  const figures = listed.flatMap((m) => m.cells.flatMap((c) => c.figure ?? []));
  const blocks: KnownBlock[] = [
    header(title),
    context(escapeMrkdwn(t.compareIntro(measures.length))),
    ...sections(shown),
    ...(measures.length > MAX_MEASURES ? [context(t.compareMore(measures.length - MAX_MEASURES))] : []),
    ...sections([notes.title(), ...notes.lines()]),
  ];
  return {
    text: title,
    blocks,
    figures: figures.filter((f) => isCurrent(view, f)),
    history: figures.filter((f) => !isCurrent(view, f)),
  };
}
