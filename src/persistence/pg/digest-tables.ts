import {
  type LedgerEntry,
  ledgerEntrySchema,
  type Subscription,
  subscriptionSchema,
} from '../../core/records/digest-records.js';
import {
  type ClaimRequest,
  type ClaimResult,
  type DigestLedger,
  decide,
  newClaim,
  reclaim,
} from '../../digests/ledger.js';
import type { SnapshotBlobs } from '../../digests/snapshot-store.js';
import type { SubscriptionStore } from '../../digests/subscriptions.js';
import type { Database } from './database.js';

/**
 * Digest state in PostgreSQL, for several replicas: a slot is one row claimed in a transaction that locks it, so
 * exactly one replica posts it; the same rules as the file ledger decide what a later claim may do.
 */

export class PgSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Database) {}

  async list(): Promise<Subscription[]> {
    const { rows } = await this.db.query<{ data: unknown }>('SELECT data FROM subscriptions ORDER BY channel_id');
    return rows.map((r) => subscriptionSchema.parse(r.data));
  }

  async get(channelId: string): Promise<Subscription | undefined> {
    const { rows } = await this.db.query<{ data: unknown }>('SELECT data FROM subscriptions WHERE channel_id = $1', [
      channelId,
    ]);
    return rows[0] ? subscriptionSchema.parse(rows[0].data) : undefined;
  }

  change(
    channelId: string,
    change: (current: Subscription | undefined) => Subscription | undefined,
  ): Promise<Subscription | undefined> {
    return this.db.transaction(async (client) => {
      // Lock the channel's row, or (when there is none) the channel's name, so two replicas change it in turn.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`subscription:${channelId}`]);
      const { rows } = await client.query<{ data: unknown }>('SELECT data FROM subscriptions WHERE channel_id = $1', [
        channelId,
      ]);
      const current = rows[0] ? subscriptionSchema.parse(rows[0].data) : undefined;
      const next = change(current);
      if (next) {
        subscriptionSchema.parse(next);
        await client.query(
          'INSERT INTO subscriptions (channel_id, data) VALUES ($1, $2) ON CONFLICT (channel_id) DO UPDATE SET data = EXCLUDED.data',
          [channelId, JSON.stringify(next)],
        );
      } else {
        await client.query('DELETE FROM subscriptions WHERE channel_id = $1', [channelId]);
      }
      return next;
    });
  }
}

export class PgDigestLedger implements DigestLedger {
  constructor(private readonly db: Database) {}

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    // A first claim inserts the row (one statement; a concurrent insert of the same key waits for it).
    const inserted = await this.db.query(
      'INSERT INTO digest_ledger (key, channel_id, slot, entry) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
      [request.key, request.channelId, request.slot.toISOString(), JSON.stringify(newClaim(request))],
    );
    if (inserted.rowCount === 1) return { outcome: 'new', entry: newClaim(request) };
    // Replicas racing for a slot mostly find it taken: a plain read settles that without a lock. A skip read from
    // a row that changed since is harmless (posted, decided and failed are final; a lapsed claim is seen next run).
    const seen = await this.db.query<{ entry: unknown }>('SELECT entry FROM digest_ledger WHERE key = $1', [
      request.key,
    ]);
    const glance = decide(ledgerEntrySchema.parse(seen.rows[0]?.entry), request.now, request.leaseMs);
    if (typeof glance !== 'string') return glance;
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<{ entry: unknown }>(
        'SELECT entry FROM digest_ledger WHERE key = $1 FOR UPDATE',
        [request.key],
      );
      const existing = ledgerEntrySchema.parse(rows[0]?.entry);
      const verdict = decide(existing, request.now, request.leaseMs);
      if (typeof verdict !== 'string') return verdict;
      const entry = reclaim(existing, request);
      await client.query('UPDATE digest_ledger SET entry = $2 WHERE key = $1', [request.key, JSON.stringify(entry)]);
      return { outcome: verdict, entry };
    });
  }

  /** One statement: the patch is merged by PostgreSQL, so a busy fan-out holds a connection for one round trip. */
  async record(key: string, patch: Partial<LedgerEntry>): Promise<LedgerEntry> {
    const checked = ledgerEntrySchema.partial().parse(patch);
    const { rows } = await this.db.query<{ entry: unknown }>(
      'UPDATE digest_ledger SET entry = entry || $2::jsonb WHERE key = $1 RETURNING entry',
      [key, JSON.stringify(checked)],
    );
    if (!rows[0]) throw new Error(`no ledger entry ${key}`);
    return ledgerEntrySchema.parse(rows[0].entry);
  }

  async note(entry: LedgerEntry): Promise<boolean> {
    const result = await this.db.query(
      'INSERT INTO digest_ledger (key, channel_id, slot, entry) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
      [entry.key, entry.channelId, entry.slot, JSON.stringify(ledgerEntrySchema.parse(entry))],
    );
    return result.rowCount === 1;
  }

  async forChannel(channelId: string): Promise<LedgerEntry[]> {
    const { rows } = await this.db.query<{ entry: unknown }>(
      'SELECT entry FROM digest_ledger WHERE channel_id = $1 ORDER BY slot DESC',
      [channelId],
    );
    return rows.map((r) => ledgerEntrySchema.parse(r.entry));
  }
}

export class PgSnapshotBlobs implements SnapshotBlobs {
  constructor(private readonly db: Database) {}

  async put(hash: string, text: string): Promise<void> {
    await this.db.query('INSERT INTO digest_snapshots (hash, data) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [
      hash,
      text,
    ]);
  }

  async get(hash: string): Promise<string | null> {
    const { rows } = await this.db.query<{ data: string }>('SELECT data FROM digest_snapshots WHERE hash = $1', [hash]);
    return rows[0]?.data ?? null;
  }
}
