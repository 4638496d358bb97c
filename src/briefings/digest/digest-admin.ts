import type { KnownBlock } from '@slack/types';
import { context, divider, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { formatInstant, zoneLabel } from '../../core/i18n/time.js';
import type { LedgerEntry, Subscription } from '../../core/records/digest-records.js';
import { WEEKDAYS } from '../../core/records/digest-records.js';
import type { Digest } from './weekly-digest.js';

/** Replies of /ai-digest: confirmations, status and lists. Channel ids are Slack's own, safe to link. */

type Schedule = Pick<Subscription, 'frequency' | 'days' | 'time'>;

export function channelLink(channelId: string): string {
  return `<#${channelId}>`;
}

export function messageLink(channelId: string, ts: string): string {
  return `https://slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
}

export function describeSchedule(schedule: Schedule, locale: Locale): string {
  const t = messages(locale);
  if (schedule.frequency === 'daily') return t.digestScheduleDaily(schedule.time);
  if (schedule.frequency === 'weekdays') return t.digestScheduleWeekdays(schedule.time);
  const names = t.weekdayNames.split(',');
  const days = schedule.days.map((d) => names[WEEKDAYS.indexOf(d)] ?? d).join(t.listJoin);
  return t.digestScheduleWeekly(days, schedule.time);
}

function runLines(runs: readonly Date[], zone: string, locale: Locale): string[] {
  return runs.map((run) => `• ${formatInstant(run, zone, locale)} ${zoneLabel(zone, run)}`);
}

export function buildSubscribed(sub: Subscription, next: readonly Date[], locale: Locale): Briefing {
  const t = messages(locale);
  const zone = zoneLabel(sub.timezone, next[0] ?? new Date());
  const text = t.digestSubscribed(
    channelLink(sub.channelId),
    describeSchedule(sub, locale),
    zone,
    t.languageName(sub.locale),
  );
  return {
    text: t.digestSubscribed(sub.channelId, describeSchedule(sub, locale), zone, t.languageName(sub.locale)),
    blocks: [
      section(text),
      section([`*${t.digestNextRuns}*`, ...runLines(next, sub.timezone, locale)].join('\n')),
      context(t.digestInviteHint),
    ],
  };
}

export function buildNote(text: string): Briefing {
  return { text: text.replace(/<#([A-Z0-9]+)>/g, '#$1'), blocks: [section(text)] };
}

function lastRunLine(last: LedgerEntry | undefined, zone: string, locale: Locale): string {
  const t = messages(locale);
  if (!last?.ts) return `*${t.digestLastRun}*: ${t.digestNever}`;
  const when = formatInstant(new Date(last.postedAt ?? last.slot), zone, locale);
  const late = last.late ? ` (${t.digestLateMark})` : '';
  return `*${t.digestLastRun}*: <${messageLink(last.channelId, last.ts)}|${when}>${late}`;
}

export interface StatusInput {
  subscription: Subscription;
  next: readonly Date[];
  history: readonly LedgerEntry[];
  locale: Locale;
}

export function buildStatus({ subscription: sub, next, history, locale }: StatusInput): Briefing {
  const t = messages(locale);
  const lastPosted = history.find((e) => e.state === 'posted');
  const problem = history.find((e) => e.state === 'failed' || e.state === 'unknown' || e.state === 'missed');
  const newerProblem = problem && (!lastPosted || problem.slot > lastPosted.slot) ? problem : undefined;
  const lines = [
    `*${t.digestScheduleLabel}*: ${describeSchedule(sub, locale)} · ${zoneLabel(sub.timezone, next[0] ?? new Date())} · ${t.languageName(sub.locale)}`,
    `*${t.digestNextRuns}*`,
    ...runLines(next, sub.timezone, locale),
    lastRunLine(lastPosted, sub.timezone, locale),
  ];
  if (sub.skipDates.length > 0) lines.push(`*${t.digestSkipDates}*: ${sub.skipDates.join(', ')}`);
  if (sub.paused) lines.push(t.digestPausedLabel(sub.paused.reason));
  if (newerProblem) lines.push(t.digestLastProblem(newerProblem.state, newerProblem.reason ?? ''));
  return {
    text: t.digestStatusTitle(`#${sub.channelId}`),
    blocks: [header(t.digestStatusTitle(`#${sub.channelId}`)), ...sections(lines)],
  };
}

export function buildList(subs: readonly { sub: Subscription; next: Date | null }[], locale: Locale): Briefing {
  const t = messages(locale);
  if (subs.length === 0) return buildNote(t.digestListEmpty);
  const lines = subs.map(({ sub, next }) => {
    const when = next ? ` · ${t.digestNextRuns}: ${formatInstant(next, sub.timezone, locale)}` : '';
    const paused = sub.paused ? ` · ⏸️ ${t.digestPaused}` : '';
    return `• ${channelLink(sub.channelId)} — ${describeSchedule(sub, locale)} ${sub.timezone} · ${t.languageName(sub.locale)}${when}${paused}`;
  });
  return { text: t.digestListTitle(subs.length), blocks: [header(t.digestListTitle(subs.length)), ...sections(lines)] };
}

/** The digest as it would be posted, with its thread below, marked as a preview. */
export function buildPreview(digest: Digest, locale: Locale): Briefing {
  const t = messages(locale);
  const blocks: KnownBlock[] = [
    ...digest.main.blocks,
    divider(),
    context(`👀 ${t.digestPreviewNote}`),
    ...digest.thread.blocks,
  ];
  return { text: digest.main.text, blocks };
}
