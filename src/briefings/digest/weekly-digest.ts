import type { KnownBlock } from '@slack/types';
import { context, divider, header, sections } from '../../core/blocks/blocks.js';
import { asOfText } from '../../core/blocks/reply.js';
import { type Change, diffSnapshots, snapshotOf } from '../../core/dataset/snapshot.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { messages } from '../../core/i18n/messages.js';
import { formatInstant, formatLocalDay, localDate, localTime, zoneLabel } from '../../core/i18n/time.js';
import type { Digest, DigestInput } from '../../core/records/digest-records.js';
import { countryName, flag } from '../figures.js';
import { currentRankings } from '../rank/rank-entries.js';
import { detailLine } from '../rank/rank-overview.js';
import {
  addDays,
  changeLine,
  eventFigures,
  eventLine,
  eventsBetween,
  headlineFigures,
  headlineLines,
} from './digest-sections.js';

export type { Digest, DigestInput };

const MAIN_CHANGES = 5;
const MAIN_EVENTS = 5;
const UPCOMING_DAYS = 30;
const THREAD_UPCOMING_DAYS = 90;

function changeSection(input: DigestInput, changes: Change[], limit: number): string[] {
  const t = messages(input.locale);
  const title = `*${t.digestChanges}*`;
  if (!input.previous) return [title, t.digestFirst];
  if (!input.previous.snapshot) return [title, t.digestNoBaseline];
  if (changes.length === 0) return [title, t.digestNoChanges];
  const shown = changes.slice(0, limit).map((c) => changeLine(c, input.locale));
  const more = changes.length - shown.length;
  return more > 0 ? [title, ...shown, `_${t.digestMoreChanges(more)}_`] : [title, ...shown];
}

function eventSections(input: DigestInput, days: number, limit: number): string[][] {
  const t = messages(input.locale);
  const today = localDate(input.now, input.timezone);
  const upcoming = eventsBetween(input.view, today, addDays(today, days)).slice(0, limit);
  const since = input.previous ? localDate(input.previous.postedAt, input.timezone) : addDays(today, -7);
  const passed = eventsBetween(input.view, since, addDays(today, -1)).filter((e) => !upcoming.includes(e));
  const line = (e: (typeof upcoming)[number]) => eventLine(input.view, e, input.locale, today);
  const out = [[`*${t.digestUpcoming(days)}*`, ...(upcoming.length ? upcoming.map(line) : [t.digestNoUpcoming(days)])]];
  if (passed.length > 0) out.push([`*${t.digestPassed}*`, ...passed.slice(0, limit).map(line)]);
  return out;
}

/** A channel's digest as a pure function of the data, its previous digest and the clock. */
export function buildDigest(input: DigestInput): Digest {
  const { view, locale, timezone, focusCountry } = input;
  const t = messages(locale);
  const changes = input.previous?.snapshot ? diffSnapshots(input.previous.snapshot, snapshotOf(view)) : [];
  const title = `${flag(focusCountry)} ${t.digestTitle(formatLocalDay(input.slot, timezone, locale))}`;
  const meta = t.digestMeta(
    escapeMrkdwn(countryName(view, focusCountry, locale)),
    localTime(input.now, timezone),
    zoneLabel(timezone, input.now),
  );
  const late = input.late
    ? t.digestLate(`${formatInstant(input.slot, timezone, locale)} ${zoneLabel(timezone, input.slot)}`)
    : '';
  const today = localDate(input.now, timezone);
  const entries = currentRankings(view, focusCountry, today);
  const shown = [
    ...headlineFigures(view, focusCountry).map((h) => h.figure),
    ...entries.map((e) => e.figure),
    ...eventsBetween(view, addDays(today, -7), addDays(today, THREAD_UPCOMING_DAYS)).flatMap((e) =>
      eventFigures(view, e),
    ),
  ];
  const main: KnownBlock[] = [
    header(title),
    context(meta, late, escapeMrkdwn(asOfText(shown, locale))),
    ...(input.summary ?? []),
    ...sections([`*${t.digestHeadline}*`, ...headlineLines(view, focusCountry, locale)]),
    divider(),
    ...sections(changeSection(input, changes, MAIN_CHANGES)),
    ...eventSections(input, UPCOMING_DAYS, MAIN_EVENTS).flatMap((lines) => sections(lines)),
    context(t.digestThreadHint),
  ];
  const rankings = entries.map((e) => detailLine(view, e, locale));
  const thread: KnownBlock[] = [
    header(t.digestThreadTitle),
    ...sections([`*${t.digestAllRankings}*`, ...rankings]),
    divider(),
    ...sections(
      changeSection(input, changes, Number.POSITIVE_INFINITY).map((l, i) => (i === 0 ? `*${t.digestAllChanges}*` : l)),
    ),
    divider(),
    ...eventSections(input, THREAD_UPCOMING_DAYS, Number.POSITIVE_INFINITY).flatMap((lines) => sections(lines)),
  ];
  return { main: { text: title, blocks: main }, thread: { text: t.digestThreadTitle, blocks: thread }, changes };
}
