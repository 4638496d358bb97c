import type { Locale } from '../i18n/locale.js';

/** What the assistant remembers of a thread (in memory, or in PostgreSQL for replicas). */
export interface ThreadState {
  figureIds: string[];
  locale?: Locale;
  /** Slack's assistant thread context (the channel the user was viewing), as Bolt saves it. */
  context: Record<string, unknown>;
}
