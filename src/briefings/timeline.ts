import type { KnownBlock } from '@slack/types';
import { context, header, section, sections } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { Figure, PolicyEvent } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { escapeMrkdwn } from '../core/escape.js';
import { formatDate } from '../core/i18n/format.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { eventFigures, eventLine, eventSpan } from './digest/digest-sections.js';
import { provenanceText, splitShown, valueText } from './figures.js';

export type TimelineScope = 'both' | 'past' | 'upcoming';

export interface TimelineOptions {
  scope: TimelineScope;
  count: number;
  /** Today in the bot's time zone (YYYY-MM-DD): what is past and what is upcoming. */
  today: string;
  locale: Locale;
}

const KIND_ICON: Record<PolicyEvent['kind'], string> = {
  law: '⚖️',
  strategy: '🧭',
  budget: '💰',
  compute: '🖥️',
  programme: '🏁',
  talent: '🎓',
};

/** The figures whose values an event line shows beneath it (a date or a milestone is the event itself). */
function valuedFigures(view: DatasetView, event: PolicyEvent): Figure[] {
  return eventFigures(view, event)
    .filter((f) => f.value !== null && f.unit.code !== 'date' && f.unit.code !== 'text')
    .slice(0, 2);
}

/** The event with what became of it and its caveats, its source, and the values of the figures behind it. */
function eventLines(view: DatasetView, event: PolicyEvent, locale: Locale, today: string): string {
  const values = valuedFigures(view, event).map(
    (f) => `    ↳ ${escapeMrkdwn(f.metric[locale])}: ${valueText(f, locale)} · ${provenanceText(f, locale)}`,
  );
  return [`${KIND_ICON[event.kind]} ${eventLine(view, event, locale, today).replace(/^• /, '')}`, ...values].join('\n');
}

/** Upcoming: from today on, soonest first (an event under way counts). Past: before today, latest first. */
export function splitEvents(view: DatasetView, today: string): { upcoming: PolicyEvent[]; past: PolicyEvent[] } {
  const all = [...view.events()].sort((a, b) => eventSpan(a.date).start.localeCompare(eventSpan(b.date).start));
  return {
    upcoming: all.filter((e) => eventSpan(e.date).end >= today),
    past: all.filter((e) => eventSpan(e.date).end < today).reverse(),
  };
}

function part(
  view: DatasetView,
  title: string,
  events: readonly PolicyEvent[],
  count: number,
  options: TimelineOptions,
): KnownBlock[] {
  const { locale, today } = options;
  const t = messages(locale);
  const shown = events.slice(0, count).map((e) => eventLines(view, e, locale, today));
  const more = events.length > count ? [t.timelineMore(events.length - count)] : [];
  return sections([`*${title}*`, ...(shown.length > 0 ? shown : [t.timelineNone]), ...more]);
}

/** `/ai-timeline [past|upcoming] [n]`: policy milestones, dated and sourced, split at today. */
export function buildTimeline(view: DatasetView, options: TimelineOptions): Briefing {
  const { locale, count, scope } = options;
  const t = messages(locale);
  const { upcoming, past } = splitEvents(view, options.today);
  const blocks: KnownBlock[] = [header(t.timelineTitle)];
  if (scope !== 'past') blocks.push(...part(view, t.timelineUpcoming, upcoming, count, options));
  if (scope !== 'upcoming') blocks.push(...part(view, t.timelinePast, past, count, options));
  if (blocks.length === 1) blocks.push(section(t.timelineNone));
  blocks.push(context(t.timelineUsage('/ai-timeline upcoming 5')));
  const lead = (scope === 'past' ? past[0] : (upcoming[0] ?? past[0])) ?? null;
  const headline = lead
    ? `${lead.dateLabel?.[locale] ?? formatDate(lead.date, locale)} ${lead.title[locale]}`
    : t.timelineNone;
  const listed = [
    ...(scope !== 'past' ? upcoming.slice(0, count) : []),
    ...(scope !== 'upcoming' ? past.slice(0, count) : []),
  ];
  return {
    text: `${t.timelineTitle}: ${headline}`,
    blocks,
    ...splitShown(
      view,
      listed.flatMap((e) => eventFigures(view, e)),
    ),
  };
}
