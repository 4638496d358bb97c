/**
 * Monospaced tables and bar charts for code blocks. Korean, Chinese and Japanese characters take two columns in
 * a monospaced font, so widths are counted in columns, not characters.
 */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Cuts to at most `width` columns (ending in "…" when cut), then pads with spaces to exactly `width`. */
export function fitColumns(text: string, width: number): string {
  let out = '';
  let used = 0;
  const chars = Array.from(text);
  const total = displayWidth(text);
  for (const ch of chars) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (total > width && used + w > width - 1) {
      out += '…';
      used += 1;
      break;
    }
    out += ch;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max` of `width` columns, drawn in eighths of a column. */
export function bar(value: number, max: number, width: number, glyph = '█'): string {
  if (!(max > 0) || !(value > 0)) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = glyph === '█' ? (EIGHTHS[eighths % 8] ?? '') : '';
  const out = glyph.repeat(full) + part;
  return out.length > 0 ? out : glyph === '█' ? '▏' : glyph;
}
