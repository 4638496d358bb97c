import { messages } from '../core/i18n/messages.js';
import type { Logger } from '../core/logger.js';
import type { Subscription } from '../core/records/digest-records.js';
import type { DigestPoster } from './delivery.js';
import type { SubscriptionStore } from './subscriptions.js';

interface NoticeDeps {
  subscriptions: SubscriptionStore;
  poster: DigestPoster;
  adminUserIds: readonly string[];
  logger: Logger;
  clock: () => Date;
}

type Problem = 'not_in_channel' | 'rejected' | 'unverifiable' | 'gone';

/** Tells admins (by direct message) about a channel's delivery problem, once per problem until it is fixed. */
export class AdminNotices {
  constructor(private readonly deps: NoticeDeps) {}

  async tell(sub: Subscription, problem: Problem, code: string): Promise<void> {
    const current = await this.deps.subscriptions.get(sub.channelId);
    if (!current || current.notices[problem]) return;
    const t = messages(sub.locale);
    const channel = `<#${sub.channelId}>`;
    const text = {
      not_in_channel: () => t.noticeNotInChannel(channel),
      gone: () => t.noticeGone(channel, code),
      rejected: () => t.noticeRejected(channel, code),
      unverifiable: () => t.noticeUnverifiable(channel, code),
    }[problem]();
    if (this.deps.adminUserIds.length === 0)
      this.deps.logger.warn('no ADMIN_USER_IDS to tell', { channel: sub.channelId, problem });
    for (const admin of this.deps.adminUserIds) {
      await this.deps.poster.notify(admin, text).catch((error: unknown) => {
        this.deps.logger.warn('could not message an admin', { admin, error });
      });
    }
    const at = this.deps.clock().toISOString();
    await this.deps.subscriptions.change(sub.channelId, (s) => s && { ...s, notices: { ...s.notices, [problem]: at } });
  }

  /** The channel is gone or archived: stop trying it until someone subscribes again, and say so once. */
  async pause(sub: Subscription, code: string): Promise<void> {
    const since = this.deps.clock().toISOString();
    await this.deps.subscriptions.change(sub.channelId, (s) => s && { ...s, paused: { reason: code, since } });
    await this.tell(sub, 'gone', code);
  }

  /** After a successful post, earlier problems are over: report them again if they come back. */
  async clear(sub: Subscription): Promise<void> {
    if (Object.keys(sub.notices).length === 0) return;
    await this.deps.subscriptions.change(sub.channelId, (s) => s && { ...s, notices: {} });
  }
}
