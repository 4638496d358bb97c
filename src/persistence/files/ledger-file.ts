import { join } from 'node:path';
import { type LedgerEntry, type LedgerFile, ledgerFileSchema } from '../../core/records/digest-records.js';
import {
  type ClaimRequest,
  type ClaimResult,
  type DigestLedger,
  decide,
  KEEP_MS,
  newClaim,
  reclaim,
} from '../../digests/ledger.js';
import { StateFile } from './state-file.js';

/** The digest ledger in DATA_DIR/digest-ledger.json, shared by the bot and `cli digest run` under a file lock. */

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
