import { join } from 'node:path';
import {
  type PreferenceStore,
  type PreferencesFile,
  preferencesFileSchema,
  type UserPreferences,
} from '../../preferences/preferences.js';
import { StateFile } from './state-file.js';

/** How long a read of the file is reused: a request path asks on every command. */
const FRESH_MS = 1000;

export class FilePreferenceStore implements PreferenceStore {
  private readonly file: StateFile<PreferencesFile>;
  /** The users as last read, reused for a second; another process's change (the CLI) shows within it. */
  private recent: { at: number; users: Record<string, UserPreferences> } | null = null;

  constructor(dataDir: string) {
    this.file = new StateFile(join(dataDir, 'preferences.json'), preferencesFileSchema, () => ({
      schemaVersion: 1,
      users: {},
    }));
  }

  async get(userId: string): Promise<UserPreferences | undefined> {
    const now = Date.now();
    if (!this.recent || now - this.recent.at >= FRESH_MS) this.recent = { at: now, users: await this.all() };
    const { users } = this.recent;
    return Object.hasOwn(users, userId) ? users[userId] : undefined;
  }

  async set(userId: string, preferences: UserPreferences | undefined): Promise<void> {
    this.recent = null;
    await this.file.update((draft) => {
      if (preferences) draft.users[userId] = preferences;
      else delete draft.users[userId];
    });
    this.recent = null;
  }

  async all(): Promise<Record<string, UserPreferences>> {
    return (await this.file.read()).users;
  }
}
