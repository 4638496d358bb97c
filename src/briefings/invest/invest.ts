import type { KnownBlock } from '@slack/types';
import { codeSections, context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { bar, fitColumns, padStart } from '../../core/blocks/text-table.js';
import type { ChartSpec } from '../../core/chart-spec.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { isCurrent } from '../../core/dataset/editions.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { formatRank, formatValue } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { barChart, lineChart } from '../chart-specs.js';
import { claimFiguresShown, claimSection } from '../claims.js';
import { countryName, entityName, Footnotes, figureLine, splitShown } from '../figures.js';
import { annualSeries, investmentByYear, otherInvestment, recordedMultiples } from './invest-data.js';

export interface InvestOptions {
  year: string;
  /** The focus country first, then any named countries. */
  countries: readonly string[];
  locale: Locale;
}

const TOP = 10;
/** Countries the multiples compare the focus country with when none is named: the two largest investors. */
const DEFAULT_PEERS = 2;

function tableRows(view: DatasetView, seriesId: string, marked: readonly string[]) {
  const all = view.observations(seriesId).filter((f) => typeof f.value === 'number');
  const head = all.slice(0, TOP);
  const extra = all.slice(TOP).filter((f) => f.country && marked.includes(f.country));
  return { rows: [...head, ...extra], gapAfter: extra.length > 0 ? head.length : -1 };
}

function table(
  view: DatasetView,
  rows: readonly Figure[],
  gapAfter: number,
  marked: readonly string[],
  locale: Locale,
) {
  const notes = new Footnotes(locale, view);
  const max = Math.max(...rows.map((f) => Number(f.value)));
  const lines = rows.map((f) => {
    const name = entityName(view, f, locale);
    const own = f.country !== null && marked.includes(f.country);
    const cells = [
      padStart(f.rank === null ? '–' : String(f.rank), 3),
      fitColumns(`${name}${own ? ' ◀' : ''}`, 16),
      padStart(formatValue(f, locale), 14),
      fitColumns(bar(Number(f.value), max, 14), 14),
      notes.mark(f, name),
    ];
    return escapeMrkdwn(cells.join(' ').trimEnd());
  });
  if (gapAfter >= 0) lines.splice(gapAfter, 0, '  ⋮');
  return { lines, notes };
}

/** "82.0" from two figures' values; the figures are cited where it is shown. */
function multiple(a: Figure, b: Figure): string | null {
  const x = Number(a.value);
  const y = Number(b.value);
  return Number.isFinite(x) && Number.isFinite(y) && y > 0 ? (x / y).toFixed(1) : null;
}

function multipleLines(
  view: DatasetView,
  seriesId: string,
  countries: readonly string[],
  notes: Footnotes,
  locale: Locale,
) {
  const t = messages(locale);
  const [focus = '', ...named] = countries;
  const base = view.observation(seriesId, focus);
  if (!base) return [];
  const peers =
    named.length > 0
      ? named
      : view
          .observations(seriesId)
          .slice(0, DEFAULT_PEERS)
          .flatMap((f) => (f.country ? [f.country] : []));
  return peers.flatMap((code) => {
    const other = view.observation(seriesId, code);
    const times = other && code !== focus ? multiple(other, base) : null;
    if (!other || !times) return [];
    const [a, b] = [countryName(view, code, locale), countryName(view, focus, locale)];
    const marks = [...new Set([notes.mark(other, a), notes.mark(base, b)])].join('');
    return [
      `${t.investMultiple(escapeMrkdwn(a), escapeMrkdwn(b), times, escapeMrkdwn(formatValue(other, locale)), escapeMrkdwn(formatValue(base, locale)))} ${marks}`,
    ];
  });
}

/** "대한민국: 17.8억 달러 · 12위 ← 2024년 13.3억 달러 · 11위": each marked country against the year before. */
function changeLines(view: DatasetView, year: string, countries: readonly string[], notes: Footnotes, locale: Locale) {
  const t = messages(locale);
  const years = annualSeries(view);
  const at = years.findIndex((a) => a.year === year);
  const now = years[at];
  const before = years[at + 1];
  if (!now || !before) return { lines: [], previous: [] as Figure[] };
  const pairs = countries.flatMap((code) => {
    const a = view.observation(now.series.id, code);
    const b = view.observation(before.series.id, code);
    return a && b ? [{ code, a, b }] : [];
  });
  const shown = (f: Figure) => [formatValue(f, locale), formatRank(f, locale)].filter(Boolean).join(' · ');
  const lines = pairs.map(({ code, a, b }) => {
    const name = countryName(view, code, locale);
    const marks = [...new Set([notes.mark(a, name), notes.mark(b, name)])].join('');
    return `• ${escapeMrkdwn(t.investChange(name, shown(a), before.year, shown(b)))} ${marks}`;
  });
  return { lines, previous: pairs.map((p) => p.b) };
}

function trend(
  view: DatasetView,
  countries: readonly string[],
  locale: Locale,
): { blocks: KnownBlock[]; chart: ChartSpec | null } {
  const t = messages(locale);
  const series = countries.map((code) => ({ code, years: investmentByYear(view, code) }));
  const lines = series.flatMap(({ code, years }) =>
    years.length === 0
      ? []
      : [
          `*${escapeMrkdwn(t.investTrendTitle(countryName(view, code, locale)))}*`,
          ...years.map(({ year, figure }) => figureLine(year, figure, locale)),
        ],
  );
  const names = series.filter((s) => s.years.length > 1).map((s) => countryName(view, s.code, locale));
  const chart = lineChart(
    t.investTrendChart(names.join(', ')),
    series.map(({ code, years }, i) => ({
      name: countryName(view, code, locale),
      ...(i === 0 ? { highlight: true } : {}),
      points: years.map(({ year, figure }) => ({ x: year, figure, shown: formatValue(figure, locale) })),
    })),
    locale,
  );
  return { blocks: lines.length > 0 ? sections(lines) : [], chart };
}

/** `/ai-invest [year] [country …]`: private AI investment by country, multiples from the data, the claim check, trend. */
export function buildInvest(view: DatasetView, options: InvestOptions): Briefing {
  const { locale, countries, year } = options;
  const t = messages(locale);
  const annual = annualSeries(view).find((a) => a.year === year);
  if (!annual) throw new Error(`no investment series for ${year}`);
  const title = t.investTitle(year);
  const { rows, gapAfter } = tableRows(view, annual.series.id, countries);
  const { lines, notes } = table(view, rows, gapAfter, countries, locale);
  const missing = countries.filter((c) => !view.observation(annual.series.id, c));
  const multiples = multipleLines(view, annual.series.id, countries, notes, locale);
  const change = changeLines(view, year, countries, notes, locale);
  const recorded = recordedMultiples(view, year).map((f) => figureLine(f.metric[locale], f, locale, view));
  const { blocks: trendBlocks, chart: trendChart } = trend(view, countries, locale);
  const shownIds = new Set([...rows, ...recordedMultiples(view, year)].map((f) => f.id));
  const otherFigures = otherInvestment(view, countries[0] ?? '', shownIds).filter((f) => isCurrent(view, f));
  const other = otherFigures.map((f) => figureLine(f.metric[locale], f, locale, view));
  const trendFigures = countries.flatMap((c) => investmentByYear(view, c).map((y) => y.figure));
  const all = [...rows, ...change.previous, ...recordedMultiples(view, year), ...otherFigures, ...trendFigures];
  const claimed = claimSection(view, all, locale);
  const shownAll = [...all, ...claimFiguresShown(view, all)];
  const shown = countries.map((c) => countryName(view, c, locale)).join(', ');
  const blocks: KnownBlock[] = [
    header(title),
    context(escapeMrkdwn(annual.series.name[locale]), escapeMrkdwn(t.investScope(TOP, shown))),
    ...codeSections('', lines),
    ...(rows.some((f) => f.rank === null) ? [context(t.unrankedRow)] : []),
    ...missing.map((c) => section(escapeMrkdwn(t.investNoCountry(countryName(view, c, locale), year)))),
    ...(change.lines.length > 0 ? sections(change.lines) : []),
    ...(multiples.length > 0 ? sections([`*${t.investMultiplesTitle}*`, ...multiples]) : []),
    ...(recorded.length > 0 ? sections([`*${t.investRecordedTitle}*`, ...recorded]) : []),
    ...(claimed.length > 0 ? sections(claimed) : []),
    ...trendBlocks,
    ...(other.length > 0
      ? sections([`*${escapeMrkdwn(t.investOtherTitle(countryName(view, countries[0] ?? '', locale)))}*`, ...other])
      : []),
    ...sections([notes.title(), ...notes.lines()]),
    context(t.investFooter(annualSeries(view).find((a) => a.year !== year)?.year ?? year)),
  ];
  const bars = yearBars(view, title, rows, options, annual.series.name[locale]);
  const charts = [bars, trendChart].filter((c): c is ChartSpec => c !== null);
  return { text: title, blocks, ...(charts.length > 0 ? { charts } : {}), ...splitShown(view, shownAll) };
}

function yearBars(view: DatasetView, title: string, rows: readonly Figure[], options: InvestOptions, subtitle: string) {
  const { locale, countries } = options;
  return barChart(
    title,
    rows.map((f) => ({
      label: f.rank === null ? entityName(view, f, locale) : `${f.rank}. ${entityName(view, f, locale)}`,
      figure: f,
      shown: formatValue(f, locale),
      highlight: f.country !== null && countries.includes(f.country),
    })),
    locale,
    subtitle,
  );
}
