import type { Figure } from '../core/dataset/dataset-schema.js';
import { countryName, entityName } from '../core/dataset/names.js';
import { escapeMrkdwn, mrkdwnLink } from '../core/escape.js';
import { formatRank, formatValue, type Ranked, type Valued } from '../core/i18n/format.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';

/** Shared pieces for showing a figure: its name, value, rank, period, source and any caveat. */

export function flag(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...Array.from(code, (c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export { countryName, entityName };

export function sourceLink(figure: Pick<Figure, 'source'> | { source: { url: string; publisher: string } }): string {
  return mrkdwnLink(figure.source.url, figure.source.publisher);
}

/** Caveats a reader must see: confidence below high, values that were derived or not verified. */
export function caveats(figure: Figure, locale: Locale): string[] {
  const t = messages(locale);
  const out: string[] = [];
  if (figure.confidence === 'medium') out.push(t.confidenceMedium);
  if (figure.confidence === 'low') out.push(t.confidenceLow);
  if (figure.verification === 'derived') out.push(t.derived);
  if (figure.verification === 'rank verified; score derived') out.push(t.rankVerifiedScoreDerived);
  if (figure.verification === 'unverified_from_article') out.push(t.unverifiedClaim);
  if (figure.verification === 'entered_by_admin') out.push(t.enteredByAdmin);
  return out;
}

export function caveatText(figure: Figure, locale: Locale): string {
  const list = caveats(figure, locale);
  return list.length > 0 ? ` · ⚠️ _${list.join(', ')}_` : '';
}

/** Rank first, in bold, then the value ("9위/26 (25개국+유럽 권역) · 14.1점"), escaped; a rank-only figure shows the rank. */
export function valueText(figure: Valued & Ranked, locale: Locale): string {
  const rank = formatRank(figure, locale);
  const value = escapeMrkdwn(formatValue(figure, locale));
  if (rank === null) return `*${value}*`;
  const ranked = `*${escapeMrkdwn(rank)}*`;
  return figure.unit.code === 'rank' ? ranked : `${ranked} · ${value}`;
}

/** A figure as plain text for notifications and screen readers: "label: 9위/26 · 14.1점 (2025년판)". */
export function plainFigure(label: string, figure: Figure, locale: Locale): string {
  const rank = formatRank(figure, locale);
  const value = formatValue(figure, locale);
  const shown = rank === null ? value : figure.unit.code === 'rank' ? rank : `${rank} · ${value}`;
  return `${label}: ${shown} (${figure.period[locale]})`;
}

/** "2025년판 · 출처: <url|publisher> · ⚠️ _신뢰도 중간_" */
export function provenanceText(figure: Figure, locale: Locale): string {
  const t = messages(locale);
  return `${escapeMrkdwn(figure.period[locale])} · ${t.source}: ${sourceLink(figure)}${caveatText(figure, locale)}`;
}

/** A bullet line for a figure under a label. */
export function figureLine(label: string, figure: Figure, locale: Locale): string {
  return `• ${escapeMrkdwn(label)}: ${valueText(figure, locale)} · ${provenanceText(figure, locale)}`;
}

/**
 * Numbered source notes for tables: rows carry "[1]" and the notes list each distinct source once, with the
 * rows it supports and their caveats (said once when every row shares them).
 */
export class Footnotes {
  private readonly bySource = new Map<
    string,
    { n: number; figure: Figure; rows: { who: string; caveats: string }[] }
  >();

  constructor(private readonly locale: Locale) {}

  mark(figure: Figure, who: string): string {
    const key = `${figure.source.url}|${figure.source.publisher}`;
    let note = this.bySource.get(key);
    if (!note) {
      note = { n: this.bySource.size + 1, figure, rows: [] };
      this.bySource.set(key, note);
    }
    const flags = caveats(figure, this.locale).join(', ');
    // A row cited twice (a table row, then a multiple computed from it) is listed once under its source.
    if (!note.rows.some((r) => r.who === who && r.caveats === flags)) note.rows.push({ who, caveats: flags });
    return `[${note.n}]${flags ? '†' : ''}`;
  }

  lines(): string[] {
    return [...this.bySource.values()].map(({ n, figure, rows }) => {
      const published = figure.source.publishedOn ? ` (${escapeMrkdwn(figure.source.publishedOn)})` : '';
      const shared = rows.every((r) => r.caveats === rows[0]?.caveats) ? (rows[0]?.caveats ?? '') : null;
      const who =
        shared === null
          ? rows.map((r) => (r.caveats ? `${r.who} (${r.caveats})` : r.who)).join(', ')
          : rows.map((r) => r.who).join(', ');
      const tail = shared ? ` · ⚠️ _${escapeMrkdwn(shared)}_` : '';
      return `[${n}] ${sourceLink(figure)}${published} — ${escapeMrkdwn(who)}${tail}`;
    });
  }

  title(): string {
    return `*${messages(this.locale).sources}*`;
  }
}
