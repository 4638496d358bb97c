import type { KnownBlock } from '@slack/types';
import { context, header, sections } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { Figure, Series, UnitCode } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
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
}

function shared(view: DatasetView, countries: readonly string[]): Measure[] {
  return view
    .allSeries()
    .map((series) => ({
      series,
      cells: countries.map((code) => ({ code, figure: view.observation(series.id, code) })),
    }))
    .filter((m) => m.cells.filter((c) => c.figure).length >= 2)
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
  return [`*${escapeMrkdwn(m.series.name[locale])}* — _${escapeMrkdwn(period)} · ${rule}_`, ...lines].join('\n');
}

export function buildCompare(view: DatasetView, options: { countries: readonly string[]; locale: Locale }): Briefing {
  const { countries, locale } = options;
  const t = messages(locale);
  const names = countries.map((c) => countryName(view, c, locale)).join(', ');
  const title = t.compareTitle(names);
  const measures = shared(view, countries);
  if (measures.length === 0) return { text: title, blocks: [header(title), ...sections([t.compareNone])] };
  const notes = new Footnotes(locale);
  const shown = measures.slice(0, MAX_MEASURES).map((m) => measureText(view, m, notes, locale));
  const blocks: KnownBlock[] = [
    header(title),
    context(escapeMrkdwn(t.compareIntro(measures.length))),
    ...sections(shown),
    ...(measures.length > MAX_MEASURES ? [context(t.compareMore(measures.length - MAX_MEASURES))] : []),
    ...sections([notes.title(), ...notes.lines()]),
  ];
  return { text: title, blocks };
}
