import { codeSections, context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { bar, fitColumns, padStart } from '../../core/blocks/text-table.js';
import type { Figure, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { escapeMrkdwn } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { barChart } from '../chart-specs.js';
import { countryName, entityName, Footnotes } from '../figures.js';

export interface RankTableOptions {
  seriesId: string;
  /** Countries to mark and to show even below the top rows (the focus country first). */
  highlight: readonly string[];
  locale: Locale;
  top?: number;
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
  const notes = new Footnotes(locale);
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
    ...missing.map((c) => section(escapeMrkdwn(t.rankNotInSeries(countryName(view, c, locale))))),
    ...sections([notes.title(), ...notes.lines()]),
    context(...[scoreNote, ...otherEditions(view, series, locale)].filter((s) => s)),
  ];
  const chart = barChart(
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
    periods.join(', '),
  );
  return {
    text: title,
    blocks: blocks.filter((b) => b.type !== 'context' || b.elements.length > 0),
    ...(chart ? { charts: [chart] } : {}),
  };
}
