import type { ChartSpec, LineSeries } from '../core/chart-spec.js';
import type { Figure } from '../core/dataset/dataset-schema.js';
import { truncate } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';

/** Chart specs from dataset figures: every value drawn is a figure's, and the chart names their publishers. */

export interface ChartRow {
  label: string;
  figure: Figure;
  /** The figure's value as the reply writes it. */
  shown: string;
  highlight?: boolean;
}

function sources(figures: readonly Figure[], locale: Locale): string {
  const publishers = [...new Set(figures.map((f) => f.source.publisher))];
  return truncate(messages(locale).chartSource(publishers.join('; ')), 140);
}

const numeric = (f: Figure) => typeof f.value === 'number';

export function barChart(
  title: string,
  rows: readonly ChartRow[],
  locale: Locale,
  subtitle?: string,
): ChartSpec | null {
  const drawn = rows.filter((r) => numeric(r.figure));
  if (drawn.length < 2) return null;
  const described = drawn.map((r) => `${r.label} ${r.shown}`).join(', ');
  return {
    kind: 'bar',
    title,
    ...(subtitle ? { subtitle } : {}),
    bars: drawn.map((r) => ({
      label: r.label,
      value: r.figure.value as number,
      shown: r.shown,
      ...(r.highlight ? { highlight: true } : {}),
    })),
    source: sources(
      drawn.map((r) => r.figure),
      locale,
    ),
    altText: truncate(messages(locale).chartBarAlt(title, described), 1900),
  };
}

export interface LineInput {
  name: string;
  highlight?: boolean;
  points: { x: string; figure: Figure; shown: string }[];
}

export function lineChart(
  title: string,
  input: readonly LineInput[],
  locale: Locale,
  subtitle?: string,
): ChartSpec | null {
  const series: LineSeries[] = input
    .map((s) => ({
      name: s.name,
      ...(s.highlight ? { highlight: true } : {}),
      points: s.points
        .filter((p) => numeric(p.figure))
        .map((p) => ({ x: p.x, value: p.figure.value as number, shown: p.shown })),
    }))
    .filter((s) => s.points.length > 0);
  if (!series.some((s) => s.points.length >= 2)) return null;
  const described = series.map((s) => `${s.name}: ${s.points.map((p) => `${p.x} ${p.shown}`).join(', ')}`).join('; ');
  return {
    kind: 'line',
    title,
    ...(subtitle ? { subtitle } : {}),
    series,
    source: sources(
      input.flatMap((s) => s.points.map((p) => p.figure)),
      locale,
    ),
    altText: truncate(messages(locale).chartLineAlt(title, described), 1900),
  };
}
