import * as z from 'zod';
import { LOCALES, type Locale } from '../core/i18n/locale.js';
import type { Logger } from '../core/logger.js';

/** What a user chose for themselves; absent fields follow the workspace defaults. */
export const userPreferencesSchema = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  updatedAt: z.iso.datetime(),
});
export type UserPreferences = z.infer<typeof userPreferencesSchema>;

/** A Slack user id (U… or W… in Enterprise Grid); the console and CLI use UCONSOLE and UCLI. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export const preferencesFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  users: z.record(z.string().regex(SLACK_USER_ID), userPreferencesSchema),
});
export type PreferencesFile = z.infer<typeof preferencesFileSchema>;

/** Per-user settings (the reply language), kept beside the other state: a file, or PostgreSQL for replicas. */
export interface PreferenceStore {
  get(userId: string): Promise<UserPreferences | undefined>;
  /** Replaces a user's preferences; undefined forgets them. */
  set(userId: string, preferences: UserPreferences | undefined): Promise<void>;
  all(): Promise<Record<string, UserPreferences>>;
}

/** The language to answer a user in: one asked for in the text, else theirs, else the workspace's. */
export async function replyLocale(
  asked: Locale | undefined,
  user: { id?: string | undefined; preferences?: PreferenceStore | undefined; logger: Logger },
  fallback: Locale,
): Promise<Locale> {
  if (asked) return asked;
  if (!user.id || !user.preferences) return fallback;
  // A preference that cannot be read (the database away) must not cost the answer: the default language is used.
  const chosen = await user.preferences.get(user.id).catch((error: unknown) => {
    user.logger.warn('reply language preference not read; using the default', {
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  });
  return chosen?.locale ?? fallback;
}

/** The language to answer a user in when no text asked for one (buttons, forms, App Home). */
export function userLocale(
  services: { preferences?: PreferenceStore | undefined; logger: Logger; defaultLocale: Locale },
  userId: string | undefined,
): Promise<Locale> {
  return replyLocale(
    undefined,
    { id: userId, preferences: services.preferences, logger: services.logger },
    services.defaultLocale,
  );
}
