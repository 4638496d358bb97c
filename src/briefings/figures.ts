import { sourceDate } from '../core/dataset/currency.js';
import type { Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { isCurrent } from '../core/dataset/editions.js';
import { countryName, entityName } from '../core/dataset/names.js';
import { escapeMrkdwn, mrkdwnLink } from '../core/escape.js';
import { formatAmount, formatDate, formatRank, formatValue, type Ranked, type Valued } from '../core/i18n/format.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';

/** Shared pieces for showing a figure: its name, value, rank, period, source and any caveat. */

export function flag(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...Array.from(code, (c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export { countryName, entityName };

type Sourced = { source: { url: string; publisher: string; shortName?: { en: string; ko: string } } };

/** The publisher as readers know it in the answer's language ("전자신문"); the full provenance string otherwise. */
export function publisherName(figure: Sourced, locale: Locale): string {
  return figure.source.shortName?.[locale] ?? figure.source.publisher;
}

export function sourceLink(figure: Sourced, locale: Locale): string {
  return mrkdwnLink(figure.source.url, publisherName(figure, locale));
}

/** Short flags a reader must see: confidence below high, values that were derived or not verified. */
export function caveats(figure: Figure, locale: Locale): string[] {
  const t = messages(locale);
  const out: string[] = [];
  if (figure.confidence === 'medium') out.push(t.confidenceMedium);
  if (figure.confidence === 'low') out.push(t.confidenceLow);
  if (figure.verification === 'derived') out.push(t.derived);
  if (figure.verification === 'rank verified; score derived') out.push(t.rankVerifiedScoreDerived);
  if (figure.verification === 'unverified_from_article') out.push(t.unverifiedClaim);
  if (figure.verification === 'unverified') out.push(t.unverified);
  if (figure.verification === 'entered_by_admin') out.push(t.enteredByAdmin);
  return out;
}

export function caveatText(figure: Figure, locale: Locale): string {
  const list = caveats(figure, locale);
  return list.length > 0 ? ` · ⚠️ _${list.join(', ')}_` : '';
}

/**
 * What must be read beside the figure, one line each: its curated caveat, the sources that disagree with it (their
 * values and links), and, when it is not the present state, what replaced it.
 */
export function figureNotes(figure: Figure, locale: Locale, view?: DatasetView): string[] {
  const t = messages(locale);
  const lines = figure.caveat ? [`⚠️ _${escapeMrkdwn(figure.caveat[locale])}_`] : [];
  for (const conflict of view?.dataset().conflicts ?? []) {
    if (!conflict.figures.includes(figure.id) || !view) continue;
    const others = conflict.figures.filter((id) => id !== figure.id).flatMap((id) => view.figure(id) ?? []);
    const shown = others.map(
      (o) => `${escapeMrkdwn(formatAmount(o, locale))} (${escapeMrkdwn(o.period[locale])}, ${sourceLink(o, locale)})`,
    );
    lines.push(
      `⚖️ ${t.sourcesDisagree}: ${escapeMrkdwn(conflict.note[locale])} ${t.otherSourcesSay(shown.join(' · '))}`,
    );
  }
  return lines;
}

/** figureNotes indented under a bullet. */
export function notesBelow(figure: Figure, locale: Locale, view?: DatasetView): string {
  return figureNotes(figure, locale, view)
    .map((line) => `\n      ${line}`)
    .join('');
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

/** "2025년판 · 출처: <url|전자신문> · ⚠️ _신뢰도 중간_" (a milestone's period is its value, so it is not repeated). */
export function provenanceText(figure: Figure, locale: Locale): string {
  const t = messages(locale);
  const period = figure.value === null ? '' : `${escapeMrkdwn(figure.period[locale])} · `;
  return `${period}${t.source}: ${sourceLink(figure, locale)}${caveatText(figure, locale)}`;
}

/** A bullet line for a figure under a label, with its caveat and any disagreeing sources beneath. */
export function figureLine(label: string, figure: Figure, locale: Locale, view?: DatasetView): string {
  return `• ${escapeMrkdwn(label)}: ${valueText(figure, locale)} · ${provenanceText(figure, locale)}${notesBelow(figure, locale, view)}`;
}

/** What an answer shows, once each: the present state in `figures`, older editions and updated figures in `history`. */
export function splitShown(view: DatasetView, shown: readonly Figure[]): { figures: Figure[]; history: Figure[] } {
  const unique = [...new Map(shown.map((f) => [f.id, f])).values()];
  return { figures: unique.filter((f) => isCurrent(view, f)), history: unique.filter((f) => !isCurrent(view, f)) };
}

/** "2025년 6월" from the source's publication field, or "" when it gives no date. */
export function sourceDateText(figure: Figure, locale: Locale): string {
  const date = sourceDate(figure);
  return date ? formatDate(date, locale) : '';
}

/**
 * Numbered source notes for tables: rows carry "[1]" and the notes list each distinct source once, with the
 * rows it supports and their flags (said once when every row shares them); a row with a caveat or a disagreeing
 * source is marked "†" and explained beneath the sources.
 */
export class Footnotes {
  private readonly bySource = new Map<
    string,
    { n: number; figure: Figure; rows: { who: string; caveats: string }[] }
  >();
  private readonly explained = new Map<string, { who: string; figure: Figure }>();

  constructor(
    private readonly locale: Locale,
    private readonly view?: DatasetView,
  ) {}

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
    const explained = figureNotes(figure, this.locale, this.view).length > 0;
    if (explained) this.explained.set(figure.id, { who, figure });
    return `[${note.n}]${flags || explained ? '†' : ''}`;
  }

  /** Every figure cited so far. */
  figures(): Figure[] {
    return [...this.bySource.values()]
      .flatMap((n) => n.figure)
      .concat([...this.explained.values()].map((e) => e.figure));
  }

  lines(): string[] {
    const sources = [...this.bySource.values()].map(({ n, figure, rows }) => {
      const date = sourceDateText(figure, this.locale);
      const published = date ? ` (${escapeMrkdwn(date)})` : '';
      const shared = rows.every((r) => r.caveats === rows[0]?.caveats) ? (rows[0]?.caveats ?? '') : null;
      const who =
        shared === null
          ? rows.map((r) => (r.caveats ? `${r.who} (${r.caveats})` : r.who)).join(', ')
          : rows.map((r) => r.who).join(', ');
      const tail = shared ? ` · ⚠️ _${escapeMrkdwn(shared)}_` : '';
      return `[${n}] ${sourceLink(figure, this.locale)}${published} — ${escapeMrkdwn(who)}${tail}`;
    });
    const notes = [...this.explained.values()].flatMap(({ who, figure }) =>
      figureNotes(figure, this.locale, this.view).map((line) => `† ${escapeMrkdwn(who)}: ${line}`),
    );
    return [...sources, ...notes];
  }

  title(): string {
    return `*${messages(this.locale).sources}*`;
  }
}
