import { codeSections, context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { bar, fitColumns, padStart } from '../../core/blocks/text-table.js';
import { isProbablyStale } from '../../core/dataset/currency.js';
import type { Figure, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { editionChain, latestObservation } from '../../core/dataset/editions.js';
import { escapeMrkdwn } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { barChart } from '../chart-specs.js';
import { countryName, entityName, Footnotes, splitShown } from '../figures.js';

export interface RankTableOptions {
  seriesId: string;
  /** Countries to mark and to show even below the top rows (the focus country first). */
  highlight: readonly string[];
  locale: Locale;
  top?: number;
  /** YYYY-MM-DD in the workspace's zone: what "probably out of date" is measured from. */
  today?: string;
}

const NAME_WIDTH = 18;
const BAR_WIDTH = 16;

function score(figure: Figure): number | null {
  return figure.unit.code !== 'rank' && typeof figure.value === 'number' ? figure.value : null;
}

function decimals(values: readonly number[]): number {
  return Math.min(2, Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length)));
}

interface Row {
  figure: Figure;
  name: string;
  marked: boolean;
}

function rowsFor(view: DatasetView, series: Series, options: RankTableOptions): { rows: Row[]; gapAfter: number } {
  const top = options.top ?? 10;
  const all = view.observations(series.id).filter((f) => f.rank !== null);
  const isMarked = (f: Figure) => f.country !== null && options.highlight.includes(f.country);
  const head = all.slice(0, top);
  const extra = all.slice(top).filter(isMarked);
  const toRow = (figure: Figure): Row => ({
    figure,
    name: entityName(view, figure, options.locale),
    marked: isMarked(figure),
  });
  return { rows: [...head, ...extra].map(toRow), gapAfter: extra.length > 0 ? head.length : -1 };
}

function tableLines(rows: readonly Row[], gapAfter: number, notes: Footnotes, locale: Locale): string[] {
  const scores = rows.map((r) => score(r.figure)).filter((v): v is number => v !== null);
  const max = Math.max(0, ...scores);
  const digits = decimals(scores);
  const lines = rows.map((row) => {
    const value = score(row.figure);
    const mark = notes.mark(row.figure, row.name);
    const shown = value === null ? '—' : value.toFixed(digits);
    const cells = [
      padStart(String(row.figure.rank), 3),
      fitColumns(`${row.name}${row.marked ? ' ◀' : ''}`, NAME_WIDTH),
      scores.length > 0 ? padStart(shown, 6) : '',
      scores.length > 0 ? fitColumns(value === null ? '' : bar(value, max, BAR_WIDTH), BAR_WIDTH) : '',
      mark,
    ];
    return escapeMrkdwn(
      cells
        .filter((c) => c !== '')
        .join(' ')
        .trimEnd(),
    );
  });
  if (gapAfter >= 0) lines.splice(gapAfter, 0, '  ⋮');
  const t = messages(locale);
  const head = [
    padStart('#', 3),
    fitColumns(t.rankColumnCountry, NAME_WIDTH),
    scores.length > 0 ? padStart(t.rankColumnScore, 6) : '',
  ];
  return [
    escapeMrkdwn(
      head
        .filter((c) => c !== '')
        .join(' ')
        .trimEnd(),
    ),
    ...lines,
  ];
}

/** Ranks missing in the series ("11, 14"): countries the source ranks but the dataset does not hold. */
function rankGaps(view: DatasetView, series: Series): number[] {
  const ranks = [...new Set(view.observations(series.id).map((f) => f.rank ?? 0))].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < ranks.length; i++) {
    for (let r = (ranks[i - 1] ?? 0) + 1; r < (ranks[i] ?? 0) && gaps.length < 4; r++) gaps.push(r);
  }
  return gaps;
}

/** The newest edition of the series' line or family, when this one is older. */
function newerEdition(view: DatasetView, series: Series): Series | undefined {
  const newest = editionChain(view, series.id).at(-1);
  if (newest && newest.id !== series.id) return newest;
  const family = series.index ? view.editions(series.index)[0] : undefined;
  return family && series.edition && family.edition && family.edition > series.edition ? family : undefined;
}

/** A country missing here but ranked in another edition of the same line: where to find it. */
function missingLine(view: DatasetView, series: Series, code: string, locale: Locale): string {
  const t = messages(locale);
  const name = countryName(view, code, locale);
  const older = latestObservation(view, editionChain(view, series.id), code);
  const olderSeries = older?.series ? view.series(older.series) : undefined;
  if (!olderSeries || olderSeries.id === series.id) return escapeMrkdwn(t.rankNotInSeries(name));
  const command = `/ai-rank ${series.index ?? ''} ${olderSeries.edition ?? ''}`.replace(/\s+/g, ' ').trim();
  return `${escapeMrkdwn(t.rankInOtherEdition(name, olderSeries.name[locale]))} \`${escapeMrkdwn(command)}\``;
}

/** Notes on the edition itself: an older one, a changed method, probably superseded by now, gaps in the ranks. */
function editionNotes(view: DatasetView, series: Series, rows: readonly Row[], options: RankTableOptions): string[] {
  const t = messages(options.locale);
  const { locale } = options;
  const notes: string[] = [];
  const newest = newerEdition(view, series);
  if (newest) notes.push(`ℹ️ ${escapeMrkdwn(t.olderEditionShown(newest.name[locale]))}`);
  if (series.comparability) notes.push(t.methodChanged(escapeMrkdwn(series.comparability[locale])));
  if (options.today && isProbablyStale(view, series, options.today)) notes.push(escapeMrkdwn(t.staleSeries));
  const gaps = rows.length > 0 ? rankGaps(view, series) : [];
  if (gaps.length > 0) notes.push(escapeMrkdwn(t.rankGaps(gaps.join(', '), series.field?.scope[locale] ?? '')));
  return notes;
}

function otherEditions(view: DatasetView, series: Series, locale: Locale): string[] {
  const t = messages(locale);
  if (!series.index) return [];
  const siblings = view.editions(series.index).filter((s) => s.id !== series.id);
  const years = [
    ...new Set(
      siblings.filter((s) => s.edition !== series.edition && s.tier === 'headline').map((s) => s.edition ?? ''),
    ),
  ];
  const variants = siblings
    .filter((s) => s.edition === series.edition && s.variant)
    .map((s) => s.variantAliases[0] ?? '');
  const out: string[] = [];
  if (years.length > 0) out.push(t.rankOtherEditions(years.map((y) => `\`${series.index} ${y}\``).join(', ')));
  if (variants.length > 0) out.push(t.rankOtherVariants(variants.map((v) => `\`${series.index} ${v}\``).join(', ')));
  return out;
}

/** `/ai-rank <index>`: the edition's table, top rows plus the highlighted countries, with a text bar chart. */
export function buildRankTable(view: DatasetView, options: RankTableOptions): Briefing {
  const { locale } = options;
  const t = messages(locale);
  const series = view.series(options.seriesId);
  if (!series) throw new Error(`unknown series ${options.seriesId}`);
  const { rows, gapAfter } = rowsFor(view, series, options);
  const notes = new Footnotes(locale, view);
  const lines = tableLines(rows, gapAfter, notes, locale);
  const title = t.rankTableTitle(series.name[locale]);
  const shown = options.highlight.map((c) => countryName(view, c, locale));
  const periods = [...new Set(rows.map((r) => r.figure.period[locale]))];
  const missing = options.highlight.filter((c) => !rows.some((r) => r.figure.country === c));
  const hasScores = rows.some((r) => score(r.figure) !== null);
  const scoreNote = !hasScores
    ? t.rankTableNoScores
    : rows.some((r) => score(r.figure) === null)
      ? t.rankTableScoresMissing
      : '';
  const blocks = [
    header(title),
    context(
      escapeMrkdwn(series.field?.scope[locale] ?? ''),
      escapeMrkdwn(periods.join(', ')),
      escapeMrkdwn(t.rankTableScope(options.top ?? 10, shown.join(', '))),
    ),
    ...codeSections('', lines),
    ...missing.map((c) => section(missingLine(view, series, c, locale))),
    ...sections(editionNotes(view, series, rows, options)),
    ...sections([notes.title(), ...notes.lines()]),
    context(...[scoreNote, ...otherEditions(view, series, locale)].filter((s) => s)),
  ];
  const chart = scoreChart(title, rows, locale, periods.join(', '));
  return {
    text: title,
    blocks: blocks.filter((b) => b.type !== 'context' || b.elements.length > 0),
    ...(chart ? { charts: [chart] } : {}),
    ...splitShown(
      view,
      rows.map((r) => r.figure),
    ),
  };
}

function scoreChart(title: string, rows: readonly Row[], locale: Locale, subtitle: string) {
  return barChart(
    title,
    rows
      .filter((r) => score(r.figure) !== null)
      .map((r) => ({
        label: `${r.figure.rank}. ${r.name}`,
        figure: r.figure,
        shown: (score(r.figure) ?? 0).toFixed(decimals(rows.map((x) => score(x.figure) ?? 0))),
        highlight: r.marked,
      })),
    locale,
    subtitle,
  );
}
