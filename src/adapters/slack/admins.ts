import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger.js';

const CACHE_MS = 5 * 60_000;

interface Workspace {
  teamId: string;
  enterpriseId?: string;
}

interface SlackUser {
  deleted?: boolean;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
  team_id?: string;
  enterprise_user?: { enterprise_id?: string };
}

/**
 * A workspace admin of this installation: an admin or owner who is a full member of the installed workspace (and
 * of its organisation, on Enterprise Grid). Slack Connect users are admins of their own organisation, and
 * users.info reports that; they, guests and anyone not clearly one of ours are refused.
 */
export function isWorkspaceAdmin(user: SlackUser | undefined, home: Workspace): boolean {
  if (!user || user.deleted || user.is_bot || user.is_stranger) return false;
  if (user.is_restricted || user.is_ultra_restricted) return false;
  if (user.team_id !== home.teamId) return false;
  if (home.enterpriseId && user.enterprise_user?.enterprise_id !== home.enterpriseId) return false;
  return Boolean(user.is_admin || user.is_owner);
}

/**
 * Who may change data and subscriptions: the ADMIN_USER_IDS list, and, when enabled, the workspace's own admins
 * and owners as users.info reports them (cached five minutes). Any error, or not knowing which workspace the
 * bot is installed in, counts as "no".
 */
export function adminResolver(options: {
  adminUserIds: readonly string[];
  workspaceAdmins: boolean;
  client: WebClient;
  logger: Logger;
}): (userId: string) => Promise<boolean> {
  const cache = new Map<string, { admin: boolean; at: number }>();
  let home: Workspace | undefined;
  const installed = async (): Promise<Workspace> => {
    if (home) return home;
    const auth = await options.client.auth.test();
    if (!auth.team_id) throw new Error('auth.test named no team');
    home = { teamId: auth.team_id, ...(auth.enterprise_id ? { enterpriseId: auth.enterprise_id } : {}) };
    return home;
  };
  return async (userId) => {
    if (options.adminUserIds.includes(userId)) return true;
    if (!options.workspaceAdmins) return false;
    const cached = cache.get(userId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.admin;
    let admin = false;
    try {
      const workspace = await installed();
      const { user } = await options.client.users.info({ user: userId });
      admin = isWorkspaceAdmin(user as SlackUser | undefined, workspace);
    } catch (error) {
      options.logger.warn('admin check failed; treating the user as not an admin', { error });
    }
    cache.set(userId, { admin, at: Date.now() });
    return admin;
  };
}
