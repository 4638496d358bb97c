import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { Logger } from '../core/logger.js';
import { forEachLimited } from '../core/pool.js';
import type { Digest, LedgerEntry, Subscription } from '../core/records/digest-records.js';
import { buildChannelDigest, type DigestComposer, type DigestSummarizer } from './channel-digest.js';
import { classify, type DeliveryError, type DigestPoster } from './delivery.js';
import type { DigestHealth } from './health.js';
import type { DigestLedger } from './ledger.js';
import { AdminNotices } from './notices.js';
import { Pacer } from './pacer.js';
import { planDue, scheduledKey } from './plan.js';
import { SlotDelivery } from './slot-delivery.js';
import type { SnapshotStore } from './snapshot-store.js';
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
  concurrency: 500,
  channelGapMs: 1000,
  maxAttempts: 3,
};

export interface RunnerDeps {
  composer: DigestComposer;
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
  /** The LLM summary paragraph, when the LLM layer is on. */
  summarize?: DigestSummarizer;
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
  private readonly notices: AdminNotices;
  private readonly slots: SlotDelivery;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: RunnerDeps) {
    this.options = { ...DEFAULT_RUNNER_OPTIONS, ...deps.options };
    this.notices = new AdminNotices(deps);
    const pacer = new Pacer(this.options.channelGapMs);
    this.slots = new SlotDelivery({ ...deps, notices: this.notices, pacer, maxAttempts: this.options.maxAttempts });
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
  preview(subscription: Subscription, now: Date): Promise<Digest> {
    return buildChannelDigest(this.deps, subscription, { slot: now, now, late: false });
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
      const ts = await this.slots.post(sub, claim.entry, late, claim.outcome === 'reconcile');
      report.posted.push({ ...base, detail: ts.reconciled ? 'reconciled' : 'posted', ts: ts.ts, late });
    } catch (error) {
      const failure = classify(error);
      await this.fail(sub, claim.entry, failure);
      report.failed.push({ ...base, detail: `${failure.kind}: ${failure.code}` });
    }
  }

  private async fail(sub: Subscription, entry: LedgerEntry, failure: DeliveryError) {
    const { kind, code } = failure;
    const ledger = this.deps.ledger;
    this.deps.logger.error('digest not posted', { channel: sub.channelId, key: entry.key, kind, code });
    if (kind === 'ambiguous' || kind === 'unverifiable') {
      // Unknown outcomes are reconciled by a later run; after too many, or when the channel cannot be read,
      // stop rather than risk a duplicate, and tell admins.
      const final = kind === 'unverifiable' || entry.attempts >= this.options.maxAttempts;
      await ledger.record(
        entry.key,
        final ? { state: 'failed', reason: code, retryable: false } : { state: 'unknown', reason: code },
      );
      if (final) await this.notices.tell(sub, 'unverifiable', code);
      return;
    }
    const retryable = kind === 'rate_limited' || kind === 'auth' || kind === 'unreachable';
    await ledger.record(entry.key, { state: 'failed', reason: code, retryable });
    if (kind === 'auth') this.deps.health.tripAuth(code);
    else if (kind === 'gone') await this.notices.pause(sub, code);
    else if (kind === 'not_in_channel' || kind === 'rejected') await this.notices.tell(sub, kind, code);
  }
}
