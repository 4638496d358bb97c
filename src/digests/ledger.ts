import type { LedgerEntry } from '../core/records/digest-records.js';

/**
 * The record of every digest slot: claimed before posting, then posted (with its message ts), failed (with a
 * reason), unknown (Slack's answer was lost), skipped or missed. A slot is claimed by exactly one process.
 */
export interface DigestLedger {
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** Updates the entry for `key`; only its claimant should call this. */
  record(key: string, patch: Partial<LedgerEntry>): Promise<LedgerEntry>;
  /** Adds an entry unless the key exists (for missed and skipped slots); true when added. */
  note(entry: LedgerEntry): Promise<boolean>;
  /** A channel's entries, newest slot first. */
  forChannel(channelId: string): Promise<LedgerEntry[]>;
}

export interface ClaimRequest {
  key: string;
  channelId: string;
  slot: Date;
  kind: LedgerEntry['kind'];
  late: boolean;
  owner: string;
  now: Date;
  /** How long a claim is honoured before another process may reconcile it. */
  leaseMs: number;
}

export type ClaimResult =
  | { outcome: 'new' | 'retry' | 'reconcile'; entry: LedgerEntry }
  | { outcome: 'skip'; entry: LedgerEntry; reason: 'already_posted' | 'in_progress' | 'failed' | 'decided' };

type Skip = Extract<ClaimResult, { outcome: 'skip' }>;

/** What to do with an existing entry when someone wants the slot. */
export function decide(e: LedgerEntry, now: Date, leaseMs: number): 'retry' | 'reconcile' | Skip {
  if (e.state === 'posted') return { outcome: 'skip', entry: e, reason: 'already_posted' };
  if (e.state === 'skipped' || e.state === 'missed') return { outcome: 'skip', entry: e, reason: 'decided' };
  if (e.state === 'failed') return e.retryable ? 'retry' : { outcome: 'skip', entry: e, reason: 'failed' };
  if (e.state === 'unknown') return 'reconcile';
  const held = now.getTime() - Date.parse(e.claimedAt) < leaseMs;
  return held ? { outcome: 'skip', entry: e, reason: 'in_progress' } : 'reconcile';
}

/** The entry of a first claim on a slot. */
export function newClaim(request: ClaimRequest): LedgerEntry {
  const now = request.now.toISOString();
  return {
    key: request.key,
    channelId: request.channelId,
    slot: request.slot.toISOString(),
    kind: request.kind,
    state: 'claimed',
    owner: request.owner,
    claimedAt: now,
    firstClaimedAt: now,
    attempts: 1,
    late: request.late,
  };
}

/** The entry when a slot is claimed again (a retry, or a reconcile after a lapsed lease). */
export function reclaim(existing: LedgerEntry, request: ClaimRequest): LedgerEntry {
  return {
    ...existing,
    state: 'claimed',
    owner: request.owner,
    claimedAt: request.now.toISOString(),
    attempts: existing.attempts + 1,
  };
}

export const KEEP_MS = 400 * 24 * 3600_000;
