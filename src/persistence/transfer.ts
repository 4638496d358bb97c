import type { Dataset } from '../core/dataset/dataset-schema.js';
import type { AuditEntry } from '../core/records/audit-records.js';
import type { LedgerEntry, Subscription } from '../core/records/digest-records.js';
import type { PendingRecord } from '../data-admin/pending.js';
import type { UserPreferences } from '../preferences/preferences.js';

/**
 * `cli data export` and `cli data import`: a deployment's whole state moved between the two backends. Each backend
 * reads and writes the same archive (files: files/dir-archive.ts; PostgreSQL: pg/db-archive.ts); the move itself
 * and what it reports are written once, here.
 */

export interface StateArchive {
  dataset: Dataset;
  /** Earlier versions kept for restore. */
  versions: Dataset[];
  audit: AuditEntry[];
  pending: PendingRecord[];
  subscriptions: Subscription[];
  ledger: LedgerEntry[];
  snapshots: { hash: string; data: string }[];
  preferences: Record<string, UserPreferences>;
}

export interface ArchiveSource {
  read(): Promise<StateArchive>;
}

export interface ArchiveTarget {
  /** Writes the whole archive, replacing what is there only with `replace` (else refusing a non-empty target). */
  write(archive: StateArchive, options: { replace: boolean }): Promise<void>;
}

export interface TransferCounts {
  version: number;
  versions: number;
  audit: number;
  pending: number;
  subscriptions: number;
  ledger: number;
  snapshots: number;
  preferences: number;
}

export function countsOf(archive: StateArchive): TransferCounts {
  return {
    version: archive.dataset.version,
    versions: archive.versions.length,
    audit: archive.audit.length,
    pending: archive.pending.length,
    subscriptions: archive.subscriptions.length,
    ledger: archive.ledger.length,
    snapshots: archive.snapshots.length,
    preferences: Object.keys(archive.preferences).length,
  };
}

export async function transfer(
  from: ArchiveSource,
  to: ArchiveTarget,
  options: { replace: boolean },
): Promise<TransferCounts> {
  const archive = await from.read();
  await to.write(archive, options);
  return countsOf(archive);
}
