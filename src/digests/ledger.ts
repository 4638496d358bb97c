import { join } from 'node:path';
import { type LedgerEntry, type LedgerFile, ledgerFileSchema } from '../core/records/digest-records.js';
import { StateFile } from '../persistence/files/state-file.js';

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

/** Old entries go, but never a channel's latest posted one (the base of "what changed"). */
function prune(file: LedgerFile, now: Date): void {
  const latestPosted = new Map<string, string>();
  for (const e of file.entries) {
    if (e.state !== 'posted') continue;
    const current = latestPosted.get(e.channelId);
    if (!current || current < e.slot) latestPosted.set(e.channelId, e.slot);
  }
  file.entries = file.entries.filter(
    (e) => now.getTime() - Date.parse(e.slot) < KEEP_MS || latestPosted.get(e.channelId) === e.slot,
  );
}

export class FileDigestLedger implements DigestLedger {
  private readonly file: StateFile<LedgerFile>;

  constructor(dataDir: string) {
    this.file = new StateFile(join(dataDir, 'digest-ledger.json'), ledgerFileSchema, () => ({
      schemaVersion: 1,
      entries: [],
    }));
  }

  claim(request: ClaimRequest): Promise<ClaimResult> {
    return this.file.update((draft) => {
      const index = draft.entries.findIndex((e) => e.key === request.key);
      const existing = draft.entries[index];
      if (!existing) {
        const entry = newClaim(request);
        draft.entries.push(entry);
        prune(draft, request.now);
        return { outcome: 'new', entry };
      }
      const verdict = decide(existing, request.now, request.leaseMs);
      if (typeof verdict !== 'string') return verdict;
      const entry = reclaim(existing, request);
      draft.entries[index] = entry;
      return { outcome: verdict, entry };
    });
  }

  record(key: string, patch: Partial<LedgerEntry>): Promise<LedgerEntry> {
    return this.file.update((draft) => {
      const index = draft.entries.findIndex((e) => e.key === key);
      const existing = draft.entries[index];
      if (!existing) throw new Error(`no ledger entry ${key}`);
      const entry = { ...existing, ...patch };
      draft.entries[index] = entry;
      return entry;
    });
  }

  note(entry: LedgerEntry): Promise<boolean> {
    return this.file.update((draft) => {
      if (draft.entries.some((e) => e.key === entry.key)) return false;
      draft.entries.push(entry);
      return true;
    });
  }

  async forChannel(channelId: string): Promise<LedgerEntry[]> {
    const { entries } = await this.file.read();
    return entries.filter((e) => e.channelId === channelId).sort((a, b) => b.slot.localeCompare(a.slot));
  }
}
