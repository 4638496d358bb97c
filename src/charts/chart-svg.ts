import type { ChartSpec, LineSeries } from '../core/chart-spec.js';

/** Charts as SVG: horizontal bars for rankings and amounts, lines for amounts over time. Text is escaped. */

const WIDTH = 880;
const COLORS = { ink: '#1d3557', bar: '#8fb3cf', highlight: '#e63946', grid: '#e5e9f0', muted: '#5c6b7a' };
const LINE_COLORS = ['#457b9d', '#2a9d8f', '#f4a261', '#6d597a', '#264653'];

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
}

/** Splits text into lines of at most `max` characters at spaces (the source line can be long). */
function wrap(content: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(' ')) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

const SOURCE_LINE = 18;

function frame(spec: ChartSpec, bodyHeight: number, body: string): string {
  const subtitle = spec.subtitle ? text(24, 64, spec.subtitle, `font-size="15" fill="${COLORS.muted}"`) : '';
  const source = wrap(spec.source, 110).slice(0, 3);
  const height = bodyHeight + source.length * SOURCE_LINE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="NanumGothic">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(24, 38, spec.title, `font-size="22" font-weight="bold" fill="${COLORS.ink}"`),
    subtitle,
    body,
    ...source.map((line, i) => text(24, bodyHeight + i * SOURCE_LINE, line, `font-size="13" fill="${COLORS.muted}"`)),
    '</svg>',
  ].join('');
}

const LABEL_WIDTH = 210;
const ROW = 30;
const TOP = 90;

function barChart(spec: Extract<ChartSpec, { kind: 'bar' }>): string {
  const height = TOP + spec.bars.length * ROW + 30;
  const max = Math.max(...spec.bars.map((b) => Math.abs(b.value)), Number.MIN_VALUE);
  const hasNegative = spec.bars.some((b) => b.value < 0);
  const plot = WIDTH - LABEL_WIDTH - 130;
  const zero = LABEL_WIDTH + (hasNegative ? plot / 2 : 0);
  const scale = (hasNegative ? plot / 2 : plot) / max;
  const rows = spec.bars.map((b, i) => {
    const y = TOP + i * ROW;
    const length = Math.abs(b.value) * scale;
    const x = b.value >= 0 ? zero : zero - length;
    const color = b.highlight ? COLORS.highlight : COLORS.bar;
    const weight = b.highlight ? ' font-weight="bold"' : '';
    const valueX = b.value >= 0 ? zero + length + 8 : zero + 8;
    return [
      text(LABEL_WIDTH - 12, y + 19, b.label, `font-size="15" text-anchor="end" fill="${COLORS.ink}"${weight}`),
      `<rect x="${x.toFixed(1)}" y="${y + 5}" width="${Math.max(1, length).toFixed(1)}" height="${ROW - 10}" rx="3" fill="${color}"/>`,
      text(valueX, y + 19, b.shown, `font-size="14" fill="${COLORS.ink}"${weight}`),
    ].join('');
  });
  const axis = `<line x1="${zero}" y1="${TOP}" x2="${zero}" y2="${TOP + spec.bars.length * ROW}" stroke="${COLORS.muted}" stroke-width="1"/>`;
  return frame(spec, height, rows.join('') + axis);
}

function lineChart(spec: Extract<ChartSpec, { kind: 'line' }>): string {
  const height = 450;
  const left = 90;
  const right = WIDTH - 110;
  const top = TOP + 10;
  const bottom = height - 90;
  const xs = [...new Set(spec.series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const values = spec.series.flatMap((s) => s.points.map((p) => p.value));
  const max = Math.max(...values, Number.MIN_VALUE) * 1.15;
  const min = Math.min(0, ...values);
  const px = (x: string) =>
    xs.length === 1 ? (left + right) / 2 : left + ((right - left) * xs.indexOf(x)) / (xs.length - 1);
  const py = (v: number) => bottom - ((bottom - top) * (v - min)) / (max - min);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => py(min + (max - min) * f))
    .map((y) => `<line x1="${left}" y1="${y.toFixed(1)}" x2="${right}" y2="${y.toFixed(1)}" stroke="${COLORS.grid}"/>`);
  const ticks = xs.map((x) =>
    text(px(x), bottom + 24, x, `font-size="14" text-anchor="middle" fill="${COLORS.muted}"`),
  );
  const color = (s: LineSeries, i: number) =>
    s.highlight ? COLORS.highlight : (LINE_COLORS[i % LINE_COLORS.length] ?? COLORS.ink);
  const lines = spec.series.map((s, i) => {
    const points = s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.value).toFixed(1)}`).join(' ');
    const dots = s.points.map(
      (p) => `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.value).toFixed(1)}" r="5" fill="${color(s, i)}"/>`,
    );
    return `<polyline points="${points}" fill="none" stroke="${color(s, i)}" stroke-width="3"/>${dots.join('')}`;
  });
  const legend = spec.series.map((s, i) => {
    const x = left + i * 170;
    return `<rect x="${x}" y="${bottom + 40}" width="14" height="14" fill="${color(s, i)}"/>${text(x + 20, bottom + 52, s.name, `font-size="14" fill="${COLORS.ink}"`)}`;
  });
  return frame(spec, height, [...grid, ...ticks, ...lines, ...pointLabels(spec.series, px, py), ...legend].join(''));
}

/** Value labels above their points; where two at the same year would collide, the lower one goes below. */
function pointLabels(series: readonly LineSeries[], px: (x: string) => number, py: (v: number) => number): string[] {
  const labels = series.flatMap((s) => s.points.map((p) => ({ x: px(p.x), y: py(p.value), shown: p.shown })));
  const out: string[] = [];
  for (const x of [...new Set(labels.map((l) => l.x))]) {
    const here = labels.filter((l) => l.x === x).sort((a, b) => a.y - b.y);
    let lastY = Number.NEGATIVE_INFINITY;
    for (const label of here) {
      const above = label.y - 12;
      const y = above - lastY < 18 ? label.y + 24 : above;
      lastY = y;
      out.push(text(label.x + 8, y, label.shown, `font-size="14" text-anchor="start" fill="${COLORS.ink}"`));
    }
  }
  return out;
}

export function chartSvg(spec: ChartSpec): string {
  return spec.kind === 'bar' ? barChart(spec) : lineChart(spec);
}
