import type { Message } from '../core/blocks/blocks.js';
import { fitMessages } from '../core/blocks/reply.js';
import type { Logger } from '../core/logger.js';
import type { Digest, LedgerEntry, Subscription } from '../core/records/digest-records.js';
import { buildChannelDigest, type ChannelDigestDeps, summaryFigures } from './channel-digest.js';
import { classify, DeliveryError, type DigestPoster } from './delivery.js';
import type { AdminNotices } from './notices.js';
import type { Pacer } from './pacer.js';

export interface SlotDeliveryDeps extends ChannelDigestDeps {
  poster: DigestPoster;
  notices: AdminNotices;
  pacer: Pacer;
  logger: Logger;
  clock: () => Date;
  maxAttempts: number;
}

/** How far back to look for a message a lost response may have posted. */
const HISTORY_MARGIN_MS = 5 * 60_000;

/**
 * Posting one claimed slot: look for an earlier attempt's message when reconciling, post with the slot key as
 * metadata, check the channel after any ambiguous failure, record the ts, then add the thread.
 */
export class SlotDelivery {
  constructor(private readonly deps: SlotDeliveryDeps) {}

  async post(sub: Subscription, entry: LedgerEntry, late: boolean, reconcile: boolean) {
    const { ledger, clock } = this.deps;
    const since = new Date(Date.parse(entry.firstClaimedAt) - HISTORY_MARGIN_MS);
    if (reconcile) {
      const found = await this.find(sub.channelId, entry.key, since);
      if (found) {
        await ledger.record(entry.key, { state: 'posted', ts: found, postedAt: clock().toISOString() });
        return { ts: found, reconciled: true };
      }
    }
    const slot = new Date(entry.slot);
    const at = { slot, now: clock(), late };
    let digest = await buildChannelDigest(this.deps, sub, at, entry.key);
    const summary = await this.summary(sub, digest);
    if (summary) digest = await buildChannelDigest(this.deps, sub, at, entry.key, summary);
    const [main] = fitMessages(digest.main, sub.locale);
    if (!main) throw new DeliveryError('rejected', 'empty_digest');
    const ts = await this.postChecked(sub.channelId, entry.key, main, since);
    const snapshot = await this.deps.snapshots.saveView(this.deps.store.current());
    await ledger.record(entry.key, { state: 'posted', ts, postedAt: clock().toISOString(), snapshot });
    await this.deps.notices.clear(sub);
    await this.postThread(sub, entry.key, digest, ts);
    return { ts, reconciled: false };
  }

  /** The LLM summary paragraph, if one is configured and arrives in time; the digest goes out either way. */
  private async summary(sub: Subscription, digest: Digest) {
    if (!this.deps.summarize) return undefined;
    const view = this.deps.store.current();
    const figures = summaryFigures(digest, this.deps, view);
    return this.deps
      .summarize({ locale: sub.locale, view, figures, channelId: sub.channelId })
      .catch((error: unknown) => {
        this.deps.logger.warn('digest summary failed; posting without it', { error });
        return undefined;
      });
  }

  /** Posts, and after an ambiguous failure looks for the message before trying again. */
  private async postChecked(channel: string, key: string, message: Message, since: Date): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.deps.pacer.run(channel, () => this.deps.poster.post(channel, message, { slotKey: key }))).ts;
      } catch (error) {
        const failure = classify(error);
        if (failure.kind !== 'ambiguous' || attempt >= this.deps.maxAttempts) throw failure;
        this.deps.logger.warn('digest post outcome unknown; checking the channel', {
          channel,
          key,
          code: failure.code,
        });
        const found = await this.find(channel, key, since);
        if (found) return found;
      }
    }
  }

  /** The slot's message if already posted; a channel that cannot be read leaves the outcome unknown or unverifiable. */
  private async find(channel: string, key: string, since: Date): Promise<string | null> {
    try {
      return await this.deps.poster.findPosted(channel, key, since);
    } catch (error) {
      const failure = classify(error);
      const transient = ['ambiguous', 'unreachable', 'rate_limited'].includes(failure.kind);
      throw new DeliveryError(transient ? 'ambiguous' : 'unverifiable', `history_${failure.code}`);
    }
  }

  private async postThread(sub: Subscription, key: string, digest: Digest, ts: string): Promise<void> {
    try {
      for (const message of fitMessages(digest.thread, sub.locale)) {
        await this.deps.pacer.run(sub.channelId, () => this.deps.poster.post(sub.channelId, message, { threadTs: ts }));
      }
      await this.deps.ledger.record(key, { threadTs: ts });
    } catch (error) {
      // The digest itself is out; a missing thread is worth a log line, not a second digest.
      this.deps.logger.warn('digest thread reply failed', { channel: sub.channelId, key, code: classify(error).code });
    }
  }
}
