import { fitMessages } from '../briefings/reply.js';
import { buildDigest, type Digest } from '../briefings/weekly-digest.js';
import type { Locale } from '../i18n/locale.js';
import { forEachLimited } from '../lib/pool.js';
import type { Logger } from '../logger.js';
import type { DatasetStore } from '../store/dataset-store.js';
import { classify, DeliveryError, type DigestPoster } from './delivery.js';
import type { DigestHealth } from './health.js';
import type { DigestLedger } from './ledger.js';
import { AdminNotices } from './notices.js';
import { Pacer } from './pacer.js';
import { planDue, scheduledKey } from './plan.js';
import type { LedgerEntry, Subscription } from './schema.js';
import { type SnapshotStore, snapshotOf } from './snapshot.js';
import type { SubscriptionStore } from './subscriptions.js';

export interface RunnerOptions {
  graceMs: number;
  lateAfterMs: number;
  /** How long a claim is honoured before another process may reconcile the slot. */
  leaseMs: number;
  concurrency: number;
  /** Minimum time between two posts to the same channel. */
  channelGapMs: number;
  /** Posting attempts for one slot when Slack's answer is lost. */
  maxAttempts: number;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  graceMs: 6 * 3600_000,
  lateAfterMs: 5 * 60_000,
  leaseMs: 10 * 60_000,
  concurrency: 4,
  channelGapMs: 1100,
  maxAttempts: 3,
};

export interface RunnerDeps {
  subscriptions: SubscriptionStore;
  ledger: DigestLedger;
  snapshots: SnapshotStore;
  store: DatasetStore;
  poster: DigestPoster;
  health: DigestHealth;
  adminUserIds: readonly string[];
  focusCountry: string;
  logger: Logger;
  clock: () => Date;
  /** Who this process is in the ledger. */
  owner: string;
  options?: Partial<RunnerOptions>;
}

export interface Outcome {
  channelId: string;
  key: string;
  slot: string;
  detail: string;
  ts?: string;
  late?: boolean;
}

export interface RunReport {
  posted: Outcome[];
  skipped: Outcome[];
  failed: Outcome[];
}

/**
 * Posts due digests exactly once per (channel, slot): claim in the ledger, post with the slot key in the
 * message metadata, record the ts. When Slack's answer is lost, the channel is checked for that metadata before
 * anything is posted again. Used by the in-process scheduler and by `cli digest run` alike.
 */
export class DigestRunner {
  readonly options: RunnerOptions;
  private readonly pacer: Pacer;
  private readonly notices: AdminNotices;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: RunnerDeps) {
    this.options = { ...DEFAULT_RUNNER_OPTIONS, ...deps.options };
    this.pacer = new Pacer(this.options.channelGapMs);
    this.notices = new AdminNotices(deps);
  }

  /** Everything due at `at` (the latest slot of each subscription, within the grace window). */
  runDue(at: Date, channels?: readonly string[]): Promise<RunReport> {
    return this.track(async () => {
      const report: RunReport = { posted: [], skipped: [], failed: [] };
      const all = await this.deps.subscriptions.list();
      const chosen = channels ? all.filter((s) => channels.includes(s.channelId)) : all;
      const { due, decided } = planDue(chosen, at, this.options);
      for (const d of decided) await this.noteDecided(d.subscription, d.slot, d.state, d.reason, report);
      await forEachLimited(due, this.options.concurrency, (d) =>
        this.deliver(d.subscription, d.slot, 'scheduled', d.late, report),
      );
      return report;
    });
  }

  /** `/ai-digest now`: one digest outside the schedule; a second request within the minute is the same one. */
  postNow(subscription: Subscription): Promise<Outcome & { state: 'posted' | 'skipped' | 'failed' }> {
    return this.track(async () => {
      const now = this.deps.clock();
      const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
      const report: RunReport = { posted: [], skipped: [], failed: [] };
      await this.deliver(subscription, minute, 'manual', false, report);
      const [state, outcome] = report.posted[0]
        ? (['posted', report.posted[0]] as const)
        : report.skipped[0]
          ? (['skipped', report.skipped[0]] as const)
          : (['failed', report.failed[0]] as const);
      return { ...(outcome as Outcome), state };
    });
  }

  /** The digest a channel would get now, with its real previous digest as the base for "what changed". */
  async preview(subscription: Subscription, now: Date): Promise<Digest> {
    return this.build(subscription, now, now, false);
  }

  /** Waits for runs in progress (for SIGTERM), at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    const all = Promise.allSettled([...this.inFlight]).then(() => true);
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([all, timeout]);
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.inFlight.add(promise);
    promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  private async noteDecided(
    sub: Subscription,
    slot: Date,
    state: 'missed' | 'skipped',
    reason: string,
    report: RunReport,
  ) {
    const key = scheduledKey(sub.channelId, slot);
    const now = this.deps.clock().toISOString();
    const entry: LedgerEntry = {
      key,
      channelId: sub.channelId,
      slot: slot.toISOString(),
      kind: 'scheduled',
      state,
      owner: this.deps.owner,
      claimedAt: now,
      firstClaimedAt: now,
      attempts: 0,
      late: false,
      reason,
    };
    if (await this.deps.ledger.note(entry)) {
      this.deps.logger.warn(`digest slot ${state}`, { channel: sub.channelId, slot: entry.slot, reason });
    }
    report.skipped.push({ channelId: sub.channelId, key, slot: entry.slot, detail: `${state}: ${reason}` });
  }

  private async build(sub: Subscription, slot: Date, now: Date, late: boolean, key?: string): Promise<Digest> {
    const history = await this.deps.ledger.forChannel(sub.channelId);
    const previous = history.find((e) => e.state === 'posted' && e.key !== key);
    const snapshot = previous?.snapshot ? await this.deps.snapshots.load(previous.snapshot) : null;
    return buildDigest({
      view: this.deps.store.current(),
      focusCountry: this.deps.focusCountry,
      locale: sub.locale,
      timezone: sub.timezone,
      slot,
      now,
      late,
      previous: previous ? { postedAt: new Date(previous.postedAt ?? previous.slot), snapshot } : null,
    });
  }

  private async deliver(sub: Subscription, slot: Date, kind: LedgerEntry['kind'], late: boolean, report: RunReport) {
    const key = kind === 'manual' ? `${sub.channelId}@manual:${slot.toISOString()}` : scheduledKey(sub.channelId, slot);
    const base = { channelId: sub.channelId, key, slot: slot.toISOString() };
    const outage = this.deps.health.authFailure();
    if (outage) {
      report.failed.push({ ...base, detail: `auth: ${outage.code}` });
      return;
    }
    const claim = await this.deps.ledger.claim({
      key,
      channelId: sub.channelId,
      slot,
      kind,
      late,
      owner: this.deps.owner,
      now: this.deps.clock(),
      leaseMs: this.options.leaseMs,
    });
    if (claim.outcome === 'skip') {
      report.skipped.push({ ...base, detail: claim.reason, ...(claim.entry.ts ? { ts: claim.entry.ts } : {}) });
      return;
    }
    try {
      const ts = await this.post(sub, slot, key, late, claim.entry, claim.outcome === 'reconcile');
      report.posted.push({ ...base, detail: ts.reconciled ? 'reconciled' : 'posted', ts: ts.ts, late });
    } catch (error) {
      const failure = classify(error);
      await this.fail(sub, claim.entry, failure);
      report.failed.push({ ...base, detail: `${failure.kind}: ${failure.code}` });
    }
  }

  private async post(
    sub: Subscription,
    slot: Date,
    key: string,
    late: boolean,
    entry: LedgerEntry,
    reconcile: boolean,
  ) {
    const since = new Date(Date.parse(entry.firstClaimedAt) - 5 * 60_000);
    if (reconcile) {
      const found = await this.findOrUnverifiable(sub.channelId, key, since);
      if (found) {
        await this.deps.ledger.record(key, { state: 'posted', ts: found, postedAt: this.deps.clock().toISOString() });
        return { ts: found, reconciled: true };
      }
    }
    const digest = await this.build(sub, slot, this.deps.clock(), late, key);
    const [main] = fitMessages(digest.main, sub.locale);
    if (!main) throw new DeliveryError('rejected', 'empty_digest');
    const ts = await this.postOnce(sub.channelId, key, main, since);
    const snapshot = await this.deps.snapshots.save(snapshotOf(this.deps.store.current()));
    await this.deps.ledger.record(key, { state: 'posted', ts, postedAt: this.deps.clock().toISOString(), snapshot });
    await this.notices.clear(sub);
    await this.postThread(sub, key, digest, ts);
    return { ts, reconciled: false };
  }

  /** Posts, and after an ambiguous failure looks for the message before trying again. */
  private async postOnce(channel: string, key: string, message: Parameters<DigestPoster['post']>[1], since: Date) {
    for (let attempt = 1; ; attempt++) {
      await this.pacer.wait(channel);
      try {
        return (await this.deps.poster.post(channel, message, { slotKey: key })).ts;
      } catch (error) {
        const failure = classify(error);
        if (failure.kind !== 'ambiguous' || attempt >= this.options.maxAttempts) throw failure;
        this.deps.logger.warn('digest post outcome unknown; checking the channel', {
          channel,
          key,
          code: failure.code,
        });
        const found = await this.findOrUnverifiable(channel, key, since);
        if (found) return found;
      }
    }
  }

  /** Looks for the slot's message; if the channel cannot be read, the outcome stays unknown (or unverifiable). */
  private async findOrUnverifiable(channel: string, key: string, since: Date): Promise<string | null> {
    try {
      return await this.deps.poster.findPosted(channel, key, since);
    } catch (error) {
      const failure = classify(error);
      const transient = ['ambiguous', 'unreachable', 'rate_limited'].includes(failure.kind);
      throw new DeliveryError(transient ? 'ambiguous' : 'unverifiable', `history_${failure.code}`);
    }
  }

  private async postThread(sub: Subscription, key: string, digest: Digest, ts: string) {
    try {
      for (const message of fitMessages(digest.thread, sub.locale as Locale)) {
        await this.pacer.wait(sub.channelId);
        await this.deps.poster.post(sub.channelId, message, { threadTs: ts });
      }
      await this.deps.ledger.record(key, { threadTs: ts });
    } catch (error) {
      // The digest itself is out; a missing thread is worth a log line, not a second digest.
      this.deps.logger.warn('digest thread reply failed', { channel: sub.channelId, key, code: classify(error).code });
    }
  }

  private async fail(sub: Subscription, entry: LedgerEntry, failure: DeliveryError) {
    const { kind, code } = failure;
    const ledger = this.deps.ledger;
    this.deps.logger.error('digest not posted', { channel: sub.channelId, key: entry.key, kind, code });
    if (kind === 'ambiguous') {
      const final = entry.attempts >= this.options.maxAttempts || code.startsWith('unverifiable');
      await ledger.record(
        entry.key,
        final ? { state: 'failed', reason: code, retryable: false } : { state: 'unknown', reason: code },
      );
      if (final) await this.notices.tell(sub, 'unverifiable', code);
      return;
    }
    await ledger.record(entry.key, {
      state: 'failed',
      reason: code,
      retryable: kind === 'rate_limited' || kind === 'auth',
    });
    if (kind === 'auth') this.deps.health.tripAuth(code);
    else if (kind === 'gone') await this.notices.pause(sub, code);
    else if (kind === 'not_in_channel' || kind === 'rejected') await this.notices.tell(sub, kind, code);
  }
}
