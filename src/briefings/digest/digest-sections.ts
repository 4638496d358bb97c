import type { Figure, PolicyEvent } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import type { Change, Fingerprint } from '../../core/dataset/snapshot.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { formatDate } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { figureLine, sourceLink, valueText } from '../figures.js';

/** The pieces of a digest, each a list of mrkdwn lines with sources. */

/** The focus country's headline figures: each index family's default edition, then talent, investment, programme. */
export function headlineFigures(
  view: DatasetView,
  country: string,
): { label: { en: string; ko: string }; figure: Figure }[] {
  const out: { label: { en: string; ko: string }; figure: Figure }[] = [];
  for (const family of view.indices()) {
    const series = view.editions(family.id).find((s) => s.default);
    const figure = series ? view.observation(series.id, country) : undefined;
    if (series && figure?.rank) out.push({ label: series.name, figure });
  }
  for (const category of ['talent', 'investment'] as const) {
    const series = view
      .allSeries()
      .find((s) => s.category === category && s.tier === 'headline' && view.observation(s.id, country));
    const figure = series && view.observation(series.id, country);
    if (series && figure) out.push({ label: series.name, figure });
  }
  for (const figure of view.byTag('programme_stage').filter((f) => f.country === country)) {
    out.push({ label: figure.metric, figure });
  }
  return out;
}

export function headlineLines(view: DatasetView, country: string, locale: Locale): string[] {
  return headlineFigures(view, country).map(({ label, figure }) => figureLine(label[locale], figure, locale));
}

function who(f: Fingerprint, locale: Locale): string {
  return escapeMrkdwn(`${f.metric[locale]} — ${f.entity[locale]}`);
}

export function changeLine(change: Change, locale: Locale): string {
  const t = messages(locale);
  if (change.kind === 'added') {
    return `• _${t.changeAdded}_ ${who(change.after, locale)}: ${valueText(change.after, locale)} · ${escapeMrkdwn(change.after.period[locale])} · ${sourceLink(change.after)}`;
  }
  if (change.kind === 'removed') {
    return `• _${t.changeRemoved}_ ${who(change.before, locale)}: ~${valueText(change.before, locale)}~ · ${sourceLink(change.before)}`;
  }
  const { before, after } = change;
  return `• ${who(after, locale)}: ${valueText(before, locale)} → ${valueText(after, locale)} · ${escapeMrkdwn(after.period[locale])} · ${sourceLink(after)}`;
}

/** The calendar span of an event date of any precision, as YYYY-MM-DD strings. */
export function eventSpan(date: string): { start: string; end: string } {
  const [y, m, d] = date.split('-');
  if (d) return { start: date, end: date };
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Events that are due between `from` and `to` (inclusive), or under way then. */
export function eventsBetween(view: DatasetView, from: string, to: string): PolicyEvent[] {
  return view
    .events()
    .filter((e) => {
      const span = eventSpan(e.date);
      return span.end >= from && span.start <= to;
    })
    .sort((a, b) => eventSpan(a.date).start.localeCompare(eventSpan(b.date).start));
}

export function eventLine(view: DatasetView, event: PolicyEvent, locale: Locale): string {
  const when = event.dateLabel?.[locale] ?? formatDate(event.date, locale);
  const figures = event.figures.map((id) => view.figure(id)).filter((f): f is Figure => f !== undefined);
  const sources = [...new Map(figures.map((f) => [f.source.url, sourceLink(f)])).values()].slice(0, 2);
  return `• *${escapeMrkdwn(when)}* — ${escapeMrkdwn(event.title[locale])} · ${messages(locale).source}: ${sources.join(', ')}`;
}
