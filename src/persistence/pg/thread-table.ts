import type { ThreadState } from '../../core/records/thread-records.js';
import type { Database } from './database.js';

const TTL_DAYS = 7;

/** Assistant threads in PostgreSQL: a follow-up may reach any replica. Updates merge into the stored state. */
/** Assistant threads shared by replicas (the commands' ThreadStates port, implemented structurally). */
export class PgThreadStates {
  private writes = 0;

  constructor(private readonly db: Database) {}

  async get(channelId: string, threadTs: string): Promise<ThreadState | undefined> {
    const { rows } = await this.db.query<{ state: ThreadState }>(
      `SELECT state FROM assistant_threads WHERE key = $1 AND updated_at > now() - interval '${TTL_DAYS} days'`,
      [`${channelId}:${threadTs}`],
    );
    return rows[0]?.state;
  }

  async update(channelId: string, threadTs: string, change: Partial<ThreadState>): Promise<void> {
    const initial: ThreadState = { figureIds: [], context: {}, ...change };
    await this.db.query(
      `INSERT INTO assistant_threads (key, state) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET state = assistant_threads.state || $3::jsonb, updated_at = now()`,
      [`${channelId}:${threadTs}`, JSON.stringify(initial), JSON.stringify(change)],
    );
    this.writes += 1;
    if (this.writes % 500 === 0) {
      await this.db
        .query(`DELETE FROM assistant_threads WHERE updated_at < now() - interval '${TTL_DAYS} days'`)
        .catch(() => undefined);
    }
  }
}
