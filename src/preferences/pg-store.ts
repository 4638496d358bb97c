import type { Database } from '../store/pg/database.js';
import { type PreferenceStore, type UserPreferences, userPreferencesSchema } from './store.js';

/** Preferences shared by replicas: one row per user. */
export class PgPreferenceStore implements PreferenceStore {
  constructor(private readonly db: Database) {}

  async get(userId: string): Promise<UserPreferences | undefined> {
    const { rows } = await this.db.query<{ data: unknown }>('SELECT data FROM user_preferences WHERE user_id = $1', [
      userId,
    ]);
    return rows[0] ? userPreferencesSchema.parse(rows[0].data) : undefined;
  }

  async set(userId: string, preferences: UserPreferences | undefined): Promise<void> {
    if (!preferences) {
      await this.db.query('DELETE FROM user_preferences WHERE user_id = $1', [userId]);
      return;
    }
    await this.db.query(
      `INSERT INTO user_preferences (user_id, data) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data`,
      [userId, JSON.stringify(userPreferencesSchema.parse(preferences))],
    );
  }

  async all(): Promise<Record<string, UserPreferences>> {
    const { rows } = await this.db.query<{ user_id: string; data: unknown }>(
      'SELECT user_id, data FROM user_preferences ORDER BY user_id',
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, userPreferencesSchema.parse(r.data)]));
  }
}
