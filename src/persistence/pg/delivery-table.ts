import type { Database } from './database.js';

/**
 * Slack deliveries seen by any replica (the Slack adapter's Deliveries port, which this implements structurally:
 * persistence does not depend on the adapters).
 */
/** Several replicas: one row per id in PostgreSQL; ids older than a day are let go. */
export class PgDeliveries {
  private inserts = 0;

  constructor(private readonly db: Database) {}

  async first(id: string): Promise<boolean> {
    const result = await this.db.query('INSERT INTO slack_deliveries (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [
      id,
    ]);
    this.inserts += 1;
    if (this.inserts % 1000 === 0) {
      await this.db
        .query("DELETE FROM slack_deliveries WHERE seen_at < now() - interval '1 day'")
        .catch(() => undefined);
    }
    return result.rowCount === 1;
  }
}
