import type { Database } from '../store/pg/database.js';
import { type ClaimRequest, type ClaimResult, type DigestLedger, decide, newClaim, reclaim } from './ledger.js';
import { type LedgerEntry, ledgerEntrySchema, type Subscription, subscriptionSchema } from './schema.js';
import type { SnapshotBlobs } from './snapshot.js';
import type { SubscriptionStore } from './subscriptions.js';

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

  claim(request: ClaimRequest): Promise<ClaimResult> {
    return this.db.transaction(async (client) => {
      // A first claim inserts the row; a concurrent one finds it and waits for the first transaction's lock.
      const inserted = await client.query(
        'INSERT INTO digest_ledger (key, channel_id, slot, entry) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
        [request.key, request.channelId, request.slot.toISOString(), JSON.stringify(newClaim(request))],
      );
      if (inserted.rowCount === 1) return { outcome: 'new', entry: newClaim(request) };
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

  record(key: string, patch: Partial<LedgerEntry>): Promise<LedgerEntry> {
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<{ entry: unknown }>(
        'SELECT entry FROM digest_ledger WHERE key = $1 FOR UPDATE',
        [key],
      );
      if (!rows[0]) throw new Error(`no ledger entry ${key}`);
      const entry = ledgerEntrySchema.parse({ ...ledgerEntrySchema.parse(rows[0].entry), ...patch });
      await client.query('UPDATE digest_ledger SET entry = $2 WHERE key = $1', [key, JSON.stringify(entry)]);
      return entry;
    });
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
