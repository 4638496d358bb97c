import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildHome } from '../../briefings/home.js';
import type { CommandServices } from '../../commands/execute.js';
import { briefingCommands } from '../../commands/registry.js';
import { localDate } from '../../core/i18n/time.js';
import type { LedgerEntry } from '../../core/records/digest-records.js';
import { replyLocale } from '../../preferences/preferences.js';
import { slackErrorCode } from './slack-errors.js';

const MEMBERSHIP_TTL_MS = 5 * 60_000;
const MAX_PAGES = 5;

/** Channels a user is in, as Slack lists them for the bot (users.conversations), cached a few minutes. */
function membership(client: WebClient) {
  const cache = new Map<string, { at: number; channels: Set<string> }>();
  return async (userId: string): Promise<Set<string>> => {
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < MEMBERSHIP_TTL_MS) return hit.channels;
    const channels = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const res = await client.users.conversations({
        user: userId,
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const c of res.channels ?? []) if (c.id) channels.add(c.id);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    cache.set(userId, { at: Date.now(), channels });
    return channels;
  };
}

async function newestPosted(services: CommandServices, channelIds: readonly string[]): Promise<LedgerEntry | null> {
  const digests = services.digests;
  if (!digests) return null;
  let newest: LedgerEntry | null = null;
  for (const id of channelIds) {
    const posted = (await digests.ledger.forChannel(id)).find((e) => e.state === 'posted');
    if (posted && (!newest || (posted.postedAt ?? posted.slot) > (newest.postedAt ?? newest.slot))) newest = posted;
  }
  return newest;
}

/**
 * App Home, published when a user opens it: the focus country at a glance, the digest subscriptions of the
 * channels they are in (every channel for admins), and the last digest among them.
 */
export function registerHome(app: App, services: CommandServices, isAdmin: (userId: string) => Promise<boolean>): void {
  const channelsOf = membership(app.client);
  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    try {
      const admin = await isAdmin(event.user);
      const subs = await services.digests.subscriptions.list();
      const mine = admin ? null : await channelsOf(event.user).catch(() => new Set<string>());
      const visible = mine ? subs.filter((s) => mine.has(s.channelId)) : subs;
      const now = services.clock();
      const timezone = services.timezone;
      const locale = await replyLocale(
        undefined,
        { id: event.user, preferences: services.preferences, logger: services.logger },
        services.defaultLocale,
      );
      const blocks = buildHome(services.store.current(), {
        focusCountry: services.focusCountry,
        locale,
        today: localDate(now, timezone),
        timezone,
        isAdmin: admin,
        subscriptions: visible.map((sub) => ({ sub, next: services.digests.nextRun(sub.channelId) })),
        hidden: subs.length - visible.length,
        lastDigest: await newestPosted(
          services,
          visible.map((s) => s.channelId),
        ),
        commands: briefingCommands(),
      });
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    } catch (error) {
      logger.warn(`App Home not published (${slackErrorCode(error)})`);
    }
  });
}
