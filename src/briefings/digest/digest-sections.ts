import { type EventState, eventState } from '../../core/dataset/currency.js';
import type { Figure, PolicyEvent, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { chainsOf, isCurrent, latestObservation } from '../../core/dataset/editions.js';
import type { Change, Fingerprint } from '../../core/dataset/snapshot.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { formatDate } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { figureLine, figureNotes, sourceLink, valueText } from '../figures.js';
import { currentRankings } from '../rank/rank-entries.js';

/** The pieces of a digest, each a list of mrkdwn lines with sources. */

/**
 * The focus country's headline figures: for each index, its overall ranking in the newest edition that ranks the
 * country; then the newest talent and investment headline values the country has; then the programme's stage. A
 * figure from an older edition (the newest lacks the country) carries that edition's successor as `newer`.
 */
export function headlineFigures(
  view: DatasetView,
  country: string,
): { label: { en: string; ko: string }; figure: Figure; newer: Series | null }[] {
  const out: { label: { en: string; ko: string }; figure: Figure; newer: Series | null }[] = [];
  const seenFamilies = new Set<string>();
  for (const entry of currentRankings(view, country)) {
    const family = entry.series.index ?? '';
    if (entry.series.tier !== 'headline' || seenFamilies.has(family)) continue;
    seenFamilies.add(family);
    out.push({ label: entry.series.name, figure: entry.figure, newer: entry.newer });
  }
  for (const category of ['talent', 'investment'] as const) {
    const headline = view.allSeries().filter((s) => s.category === category && s.tier === 'headline');
    for (const chain of chainsOf(view, headline)) {
      const figure = latestObservation(view, chain, country);
      const series = figure?.series ? view.series(figure.series) : undefined;
      if (!figure || !series) continue;
      const newest = chain.at(-1) ?? series;
      out.push({ label: series.name, figure, newer: newest.id === series.id ? null : newest });
      break;
    }
  }
  for (const figure of view.byTag('programme_stage').filter((f) => f.country === country && isCurrent(view, f))) {
    out.push({ label: figure.metric, figure, newer: null });
  }
  return out;
}

export function headlineLines(view: DatasetView, country: string, locale: Locale): string[] {
  const t = messages(locale);
  return headlineFigures(view, country).map(({ label, figure, newer }) => {
    const older = newer ? `\n      ℹ️ ${escapeMrkdwn(t.olderEdition(newer.name[locale]))}` : '';
    return `${figureLine(label[locale], figure, locale, view)}${older}`;
  });
}

function who(f: Fingerprint, locale: Locale): string {
  return escapeMrkdwn(`${f.metric[locale]} — ${f.entity[locale]}`);
}

export function changeLine(change: Change, locale: Locale): string {
  const t = messages(locale);
  if (change.kind === 'added') {
    return `• _${t.changeAdded}_ ${who(change.after, locale)}: ${valueText(change.after, locale)} · ${escapeMrkdwn(change.after.period[locale])} · ${sourceLink(change.after, locale)}`;
  }
  if (change.kind === 'removed') {
    return `• _${t.changeRemoved}_ ${who(change.before, locale)}: ~${valueText(change.before, locale)}~ · ${sourceLink(change.before, locale)}`;
  }
  const { before, after } = change;
  return `• ${who(after, locale)}: ${valueText(before, locale)} → ${valueText(after, locale)} · ${escapeMrkdwn(after.period[locale])} · ${sourceLink(after, locale)}`;
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

export function stateLabel(state: EventState, locale: Locale): string {
  const t = messages(locale);
  return {
    happened: t.eventHappened,
    happened_differently: t.eventHappenedDifferently,
    scheduled: t.eventScheduled,
    overdue: t.eventOverdue,
  }[state];
}

/** The event's figures that exist, in the order it cites them. */
export function eventFigures(view: DatasetView, event: PolicyEvent): Figure[] {
  return event.figures.map((id) => view.figure(id)).filter((f): f is Figure => f !== undefined);
}

/**
 * "• *2026년 8월 초* — 2차 단계평가 · ⏳ 예정일 지남 · 결과 미확인 · 출처: …", then what happened instead and any
 * remark. `today` (YYYY-MM-DD) decides whether a scheduled date has passed.
 */
export function eventLine(view: DatasetView, event: PolicyEvent, locale: Locale, today: string): string {
  const when = event.dateLabel?.[locale] ?? formatDate(event.date, locale);
  const figures = eventFigures(view, event);
  const sources = [...new Map(figures.map((f) => [f.source.url, sourceLink(f, locale)])).values()].slice(0, 2);
  const state = stateLabel(eventState(event, today), locale);
  const head = `• *${escapeMrkdwn(when)}* — ${escapeMrkdwn(event.title[locale])} · ${state} · ${messages(locale).source}: ${sources.join(', ')}`;
  const more = [event.outcome, event.note].flatMap((text) => (text ? [`      ↳ _${escapeMrkdwn(text[locale])}_`] : []));
  // What must be read beside the event's sources (a disputed date, a result not reported), once each.
  const notes = [...new Set(figures.flatMap((f) => figureNotes(f, locale, view)))].map((n) => `      ${n}`);
  return [head, ...more, ...notes].join('\n');
}
