import { type PreferenceStore, type UserPreferences, userPreferencesSchema } from '../../preferences/preferences.js';
import type { Database } from './database.js';

/** How long a user's row, once read, answers from memory: another replica's change shows within it. */
const FRESH_MS = 1000;
const MAX_REMEMBERED = 10_000;

/** Preferences shared by replicas: one row per user. */
export class PgPreferenceStore implements PreferenceStore {
  private readonly recent = new Map<string, { at: number; value: UserPreferences | undefined }>();

  constructor(private readonly db: Database) {}

  async get(userId: string): Promise<UserPreferences | undefined> {
    const now = Date.now();
    const hit = this.recent.get(userId);
    if (hit && now - hit.at < FRESH_MS) return hit.value;
    const { rows } = await this.db.query<{ data: unknown }>('SELECT data FROM user_preferences WHERE user_id = $1', [
      userId,
    ]);
    const value = rows[0] ? userPreferencesSchema.parse(rows[0].data) : undefined;
    this.recent.delete(userId);
    this.recent.set(userId, { at: now, value });
    if (this.recent.size > MAX_REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    return value;
  }

  async set(userId: string, preferences: UserPreferences | undefined): Promise<void> {
    try {
      if (!preferences) {
        await this.db.query('DELETE FROM user_preferences WHERE user_id = $1', [userId]);
        return;
      }
      await this.db.query(
        `INSERT INTO user_preferences (user_id, data) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data`,
        [userId, JSON.stringify(userPreferencesSchema.parse(preferences))],
      );
    } finally {
      // This replica answers from the new row at once; the others within FRESH_MS.
      this.recent.delete(userId);
    }
  }

  async all(): Promise<Record<string, UserPreferences>> {
    const { rows } = await this.db.query<{ user_id: string; data: unknown }>(
      'SELECT user_id, data FROM user_preferences ORDER BY user_id',
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, userPreferencesSchema.parse(r.data)]));
  }
}
