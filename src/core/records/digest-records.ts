import type { KnownBlock } from '@slack/types';
import * as z from 'zod';
import type { Briefing } from '../blocks/reply.js';
import type { DatasetView } from '../dataset/dataset-view.js';
import type { Change, Snapshot } from '../dataset/snapshot.js';
import { LOCALES, type Locale } from '../i18n/locale.js';

/** Runtime state of digests: who subscribed, and what was posted for which slot. */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const FREQUENCIES = ['weekly', 'weekdays', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const instant = z.iso.datetime();
export const channelIdSchema = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'a Slack channel id');

export const subscriptionSchema = z.strictObject({
  channelId: channelIdSchema,
  frequency: z.enum(FREQUENCIES),
  /** Weekly: the days it runs (at least one). Weekdays and daily: empty. */
  days: z.array(z.enum(WEEKDAYS)),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timezone: z.string().refine(isTimeZone, 'an IANA time zone'),
  locale: z.enum(LOCALES),
  /** Local dates (YYYY-MM-DD) on which the digest is not sent. */
  skipDates: z.array(z.iso.date()),
  /** Set when Slack says the channel is gone or archived; no digest is attempted until re-subscribed. */
  paused: z.strictObject({ reason: z.string(), since: instant }).nullable(),
  /** Problems admins were already told about (code → when), so each is reported once. */
  notices: z.record(z.string(), instant),
  createdBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionsFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  subscriptions: z.array(subscriptionSchema),
});
export type SubscriptionsFile = z.infer<typeof subscriptionsFileSchema>;

export const LEDGER_STATES = ['claimed', 'posted', 'failed', 'unknown', 'skipped', 'missed'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export const ledgerEntrySchema = z.strictObject({
  /** `<channel>@<slot instant>` for scheduled digests, `<channel>@manual:<minute>` for `/ai-digest now`. */
  key: z.string().min(3),
  channelId: channelIdSchema,
  slot: instant,
  kind: z.enum(['scheduled', 'manual']),
  state: z.enum(LEDGER_STATES),
  owner: z.string(),
  claimedAt: instant,
  firstClaimedAt: instant,
  attempts: z.number().int().nonnegative(),
  late: z.boolean(),
  ts: z.string().optional(),
  threadTs: z.string().optional(),
  postedAt: instant.optional(),
  /** Content hash of the figures the digest showed, for "what changed" next time. */
  snapshot: z.string().optional(),
  reason: z.string().optional(),
  /** A failure that a later run may try again (rate limits, auth outages). */
  retryable: z.boolean().optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const ledgerFileSchema = z
  .strictObject({ schemaVersion: z.literal(1), entries: z.array(ledgerEntrySchema) })
  .refine((f) => new Set(f.entries.map((e) => e.key)).size === f.entries.length, 'ledger keys must be unique');
export type LedgerFile = z.infer<typeof ledgerFileSchema>;

/** What a digest is built from: the data, the channel's settings and its previous digest. */
export interface DigestInput {
  view: DatasetView;
  focusCountry: string;
  locale: Locale;
  timezone: string;
  /** The scheduled time (or now, for a digest sent on request). */
  slot: Date;
  now: Date;
  late: boolean;
  /** The channel's previous digest: when it went out and what it showed (null snapshot: lost). */
  previous: { postedAt: Date; snapshot: Snapshot | null } | null;
  /** Blocks an LLM summary may contribute; they go right under the header. */
  summary?: KnownBlock[];
}

export interface Digest {
  /** The channel message: compact, at most about fifteen blocks. */
  main: Briefing;
  /** The thread reply: full lists, every source. */
  thread: Briefing;
  changes: Change[];
}
