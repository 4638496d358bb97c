import type { KnownBlock } from '@slack/types';
import { context, divider, header, section, sections } from '../core/blocks/blocks.js';
import { asOfText } from '../core/blocks/reply.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { escapeMrkdwn, mrkdwnLink } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { formatInstant } from '../core/i18n/time.js';
import type { LedgerEntry, Subscription } from '../core/records/digest-records.js';
import { channelLink, describeSchedule, messageLink } from './digest/digest-admin.js';
import { eventFigures, eventLine, headlineFigures, headlineLines } from './digest/digest-sections.js';
import { countryName } from './figures.js';
import { buildSovereign } from './sovereign.js';
import { splitEvents } from './timeline.js';

/** App Home: the focus country at a glance, the digests the user can see, the last digest. At most 100 blocks. */

export interface HomeInput {
  focusCountry: string;
  locale: Locale;
  today: string;
  timezone: string;
  isAdmin: boolean;
  subscriptions: readonly { sub: Subscription; next: Date | null }[];
  /** Subscribed channels the user is not in (not shown by name). */
  hidden: number;
  lastDigest: LedgerEntry | null;
  /** The briefing commands, from the registry, to point the reader to. */
  commands: readonly string[];
}

const MAX_BLOCKS = 100;
const MAX_SUBSCRIPTIONS = 20;

function subscriptionLines(input: HomeInput): string[] {
  const t = messages(input.locale);
  if (input.subscriptions.length === 0) return [t.homeNoSubscriptions];
  const lines = input.subscriptions.slice(0, MAX_SUBSCRIPTIONS).map(({ sub, next }) => {
    const when = next ? ` · ${t.digestNextRuns}: ${formatInstant(next, sub.timezone, input.locale)}` : '';
    const paused = sub.paused ? ` · ⏸️ ${t.digestPaused}` : '';
    return `• ${channelLink(sub.channelId)} — ${describeSchedule(sub, input.locale)} ${sub.timezone}${when}${paused}`;
  });
  return input.hidden > 0 ? [...lines, t.homeHidden(input.hidden)] : lines;
}

function lastDigestLine(entry: LedgerEntry | null, input: HomeInput): string {
  const t = messages(input.locale);
  if (!entry?.ts) return t.homeNoDigest;
  const when = formatInstant(new Date(entry.postedAt ?? entry.slot), input.timezone, input.locale);
  return `${channelLink(entry.channelId)} · ${escapeMrkdwn(when)} · ${mrkdwnLink(messageLink(entry.channelId, entry.ts), t.homeOpenMessage)}`;
}

/** Every figure App Home shows: the headline figures, the programme's stage and the next events' sources. */
function homeFigures(view: DatasetView, input: HomeInput) {
  const sovereign = buildSovereign(view, { today: input.today, locale: input.locale });
  return [
    ...headlineFigures(view, input.focusCountry).map((h) => h.figure),
    ...(sovereign.figures ?? []).slice(0, 1),
    ...splitEvents(view, input.today)
      .upcoming.slice(0, 3)
      .flatMap((e) => eventFigures(view, e)),
  ];
}

export function buildHome(view: DatasetView, input: HomeInput): KnownBlock[] {
  const { locale } = input;
  const t = messages(locale);
  const stage = buildSovereign(view, { today: input.today, locale })
    .blocks.filter((b) => b.type === 'section')
    .slice(0, 2);
  const upcoming = splitEvents(view, input.today)
    .upcoming.slice(0, 3)
    .map((e) => eventLine(view, e, locale, input.today));
  const blocks: KnownBlock[] = [
    header(t.homeTitle(countryName(view, input.focusCountry, locale))),
    ...sections([`*${t.homeRanks}*`, ...headlineLines(view, input.focusCountry, locale)]),
    section(`*${t.homeSovereign}*`),
    ...stage,
    ...(upcoming.length > 0 ? sections([`*${t.homeNext}*`, ...upcoming]) : []),
    divider(),
    ...sections([`*${input.isAdmin ? t.homeSubscriptionsAll : t.homeSubscriptionsMine}*`, ...subscriptionLines(input)]),
    section(`*${t.homeLastDigest}*\n${lastDigestLine(input.lastDigest, input)}`),
    divider(),
    context(t.homeMore(input.commands.map((c) => `\`${c}\``).join(', '))),
    context(escapeMrkdwn(asOfText(homeFigures(view, input), locale)), escapeMrkdwn(t.homeFooter(view.version))),
  ];
  return blocks.slice(0, MAX_BLOCKS);
}
