import {
  buildList,
  buildNote,
  buildPreview,
  buildStatus,
  buildSubscribed,
  channelLink,
  messageLink,
} from '../briefings/digest/digest-admin.js';
import type { Briefing } from '../core/blocks/reply.js';
import { UserError } from '../core/errors.js';
import { mrkdwnLink } from '../core/escape.js';
import { messages } from '../core/i18n/messages.js';
import { localDate } from '../core/i18n/time.js';
import type { Subscription } from '../core/records/digest-records.js';
import type { DigestService } from '../digests/digest-service.js';
import { nextSlots } from '../digests/schedule.js';
import { type DigestArgs, parseDigestArgs, type ScheduleChoice } from './ai-digest/digest-args.js';
import { type CommandContext, defineCommand } from './context.js';

const CHANGES = new Set(['subscribe', 'unsubscribe', 'now', 'skip', 'unskip']);

function need(ctx: CommandContext): { digests: DigestService; channelId: string } {
  const t = messages(ctx.locale);
  if (!ctx.channelId) throw new UserError('no_channel', [t.digestNoChannel]);
  return { digests: ctx.digests, channelId: ctx.channelId };
}

async function subscriptionOf(digests: DigestService, channelId: string, ctx: CommandContext): Promise<Subscription> {
  const sub = await digests.subscriptions.get(channelId);
  if (!sub) throw new UserError('not_subscribed', [messages(ctx.locale).digestNotSubscribed(channelLink(channelId))]);
  return sub;
}

async function subscribe(choice: ScheduleChoice, ctx: CommandContext): Promise<Briefing> {
  const { digests, channelId } = need(ctx);
  const now = ctx.now.toISOString();
  const saved = await digests.subscriptions.change(channelId, (current) => ({
    channelId,
    ...choice,
    skipDates: current?.skipDates ?? [],
    paused: null,
    notices: {},
    createdBy: current?.createdBy ?? ctx.userId ?? 'unknown',
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  }));
  await digests.changed();
  if (!saved) throw new Error('subscription was not saved');
  return buildSubscribed(saved, nextSlots(saved, ctx.now, 3), ctx.locale);
}

async function setSkip(args: { action: 'skip' | 'unskip'; date: string }, ctx: CommandContext): Promise<Briefing> {
  const { digests, channelId } = need(ctx);
  const t = messages(ctx.locale);
  const sub = await subscriptionOf(digests, channelId, ctx);
  if (args.action === 'skip' && args.date < localDate(ctx.now, sub.timezone)) {
    throw new UserError('past_date', [t.digestSkipPast(args.date)]);
  }
  if (args.action === 'unskip' && !sub.skipDates.includes(args.date)) {
    throw new UserError('not_skipped', [t.digestSkipUnknown(args.date)]);
  }
  await digests.subscriptions.change(channelId, (s) => {
    if (!s) return s;
    const others = s.skipDates.filter((d) => d !== args.date);
    const skipDates = args.action === 'skip' ? [...others, args.date].sort() : others;
    return { ...s, skipDates, updatedAt: ctx.now.toISOString() };
  });
  return buildNote(args.action === 'skip' ? t.digestSkipAdded(args.date) : t.digestSkipRemoved(args.date));
}

async function postNow(ctx: CommandContext): Promise<Briefing> {
  const { digests, channelId } = need(ctx);
  const t = messages(ctx.locale);
  if (!digests.connected) throw new UserError('offline', [t.digestOffline]);
  const sub = await subscriptionOf(digests, channelId, ctx);
  const outcome = await digests.runner.postNow(sub);
  // A link's label cannot itself be a link: the channel is named, and the message linked beside it.
  const link = outcome.ts
    ? `${channelLink(channelId)} (${mrkdwnLink(messageLink(channelId, outcome.ts), t.homeOpenMessage)})`
    : channelLink(channelId);
  if (outcome.state === 'posted') return buildNote(t.digestPostedNow(link));
  if (outcome.detail === 'already_posted') return buildNote(t.digestAlreadyPosted(link));
  if (outcome.detail === 'in_progress') return buildNote(t.digestInProgress);
  const reason = outcome.detail.replace(/^[a-z_]+: /, '');
  throw new UserError('post_failed', [
    t.digestPostFailed(reason),
    ...(reason === 'not_in_channel' ? [t.shareNotInChannel] : []),
  ]);
}

async function view(args: DigestArgs, ctx: CommandContext): Promise<Briefing> {
  const { digests, channelId } = need(ctx);
  if (args.action === 'list') {
    const subs = await digests.subscriptions.list();
    return buildList(
      subs.map((sub) => ({ sub, next: sub.paused ? null : (nextSlots(sub, ctx.now, 1)[0] ?? null) })),
      ctx.locale,
    );
  }
  const sub = await digests.subscriptions.get(channelId);
  if (args.action === 'preview') {
    const target = sub ?? { ...defaultSubscription(channelId, digests, ctx) };
    return buildPreview(await digests.runner.preview(target, ctx.now), target.locale);
  }
  if (!sub) return buildNote(messages(ctx.locale).digestNotSubscribed(channelLink(channelId)));
  const history = await digests.ledger.forChannel(channelId);
  return buildStatus({
    subscription: sub,
    next: sub.paused ? [] : nextSlots(sub, ctx.now, 3),
    history,
    locale: ctx.locale,
  });
}

function defaultSubscription(channelId: string, digests: DigestService, ctx: CommandContext): Subscription {
  const now = ctx.now.toISOString();
  return {
    channelId,
    frequency: 'weekly',
    days: ['mon'],
    time: '09:00',
    ...digests.defaults,
    skipDates: [],
    paused: null,
    notices: {},
    createdBy: ctx.userId ?? 'unknown',
    createdAt: now,
    updatedAt: now,
  };
}

export const aiDigest = defineCommand<DigestArgs>({
  name: '/ai-digest',
  description: {
    ko: '채널의 주간 AI 정책 브리프 구독을 관리하고 상태·미리보기를 보여 줍니다',
    en: "Manages this channel's scheduled AI policy brief; status and preview for everyone",
  },
  usageHint: {
    ko: 'subscribe [weekly|weekdays|daily] [요일] [HH:MM] [시간대] [ko|en] | unsubscribe | status | list | preview | now | skip|unskip YYYY-MM-DD',
    en: 'subscribe [weekly|weekdays|daily] [day] [HH:MM] [zone] [ko|en] | unsubscribe | status | list | preview | now | skip|unskip YYYY-MM-DD',
  },
  examples: [
    'status',
    'subscribe weekly mon 09:00 Asia/Seoul ko',
    'subscribe weekdays 08:30',
    'preview',
    'skip 2026-12-25',
    'list',
  ],
  shareable: false,
  parse(input, ctx) {
    const defaults = ctx.digests.defaults;
    const args = parseDigestArgs(input.tokens, defaults, ctx.locale);
    if (CHANGES.has(args.action) && !ctx.isAdmin)
      throw new UserError('not_admin', [messages(ctx.locale).digestAdminOnly]);
    return args;
  },
  async run(args, ctx) {
    if (args.action === 'subscribe') return subscribe(args.schedule, ctx);
    if (args.action === 'skip' || args.action === 'unskip') return setSkip(args, ctx);
    if (args.action === 'now') return postNow(ctx);
    if (args.action === 'unsubscribe') {
      const { digests, channelId } = need(ctx);
      await subscriptionOf(digests, channelId, ctx);
      await digests.subscriptions.change(channelId, () => undefined);
      await digests.changed();
      return buildNote(messages(ctx.locale).digestUnsubscribed(channelLink(channelId)));
    }
    return view(args, ctx);
  },
  canonical: () => '',
});
