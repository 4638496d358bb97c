import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';

const CACHE_MS = 5 * 60_000;

/**
 * Who may change data and subscriptions: the ADMIN_USER_IDS list, and, when enabled, the workspace's admins and
 * owners as users.info reports them (cached five minutes; any error counts as "no").
 */
export function adminResolver(options: {
  adminUserIds: readonly string[];
  workspaceAdmins: boolean;
  client: WebClient;
  logger: Logger;
}): (userId: string) => Promise<boolean> {
  const cache = new Map<string, { admin: boolean; at: number }>();
  return async (userId) => {
    if (options.adminUserIds.includes(userId)) return true;
    if (!options.workspaceAdmins) return false;
    const cached = cache.get(userId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.admin;
    let admin = false;
    try {
      const { user } = await options.client.users.info({ user: userId });
      admin = Boolean(user && !user.deleted && !user.is_restricted && !user.is_bot && (user.is_admin || user.is_owner));
    } catch (error) {
      options.logger.warn('users.info failed; treating the user as not an admin', { error });
    }
    cache.set(userId, { admin, at: Date.now() });
    return admin;
  };
}
