import type { CommandServices } from '../../commands/execute.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { redactUrl } from '../../core/redact.js';
import type { EditableStore } from '../../data-admin/editable-store.js';
import { DigestScheduler } from '../../digests/scheduler.js';
import type { Database } from '../../persistence/pg/database.js';
import { PgThreadStates } from '../../persistence/pg/thread-table.js';
import { PgDeliveries } from './deliveries.js';
import { createSlackApp, type HealthReport } from './slack-app.js';
import { slackErrorCode } from './slack-commands.js';

/**
 * The Slack side of start-up (Bolt, the Web API client, the digest scheduler), loaded by the composition root only
 * when the bot serves Slack: the console and the CLI never load it.
 */

const SHUTDOWN_GRACE_MS = 10_000;

/** auth.test failed at start-up: a bad token, or Slack (or SLACK_API_URL) out of reach. */
export class SlackUnavailableError extends Error {
  constructor(apiUrl: string, code: string) {
    const hint = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'].includes(code)
      ? 'Slack rejected SLACK_BOT_TOKEN'
      : `Slack API at ${redactUrl(apiUrl)} (SLACK_API_URL) could not be reached`;
    super(`${hint} (${code}).`);
  }
}

async function health(config: Config, services: CommandServices): Promise<HealthReport> {
  const outage = services.digests?.health.authFailure() ?? null;
  const store = await (services.store as EditableStore).health();
  return {
    status: !store.ok ? 'unavailable' : outage ? 'degraded' : 'ok',
    mode: config.mode,
    datasetVersion: services.store.current().version,
    ...(outage ? { digests: { authFailure: outage } } : {}),
    ...(store.ok ? {} : { store: { reason: store.reason } }),
  };
}

export async function startSlack(
  config: Config,
  services: CommandServices & { database?: Database },
  logger: Logger,
): Promise<void> {
  const deliveries = services.database ? new PgDeliveries(services.database) : undefined;
  const threads = services.database ? new PgThreadStates(services.database) : undefined;
  const app = createSlackApp({
    config,
    services,
    logger,
    health: () => health(config, services),
    ...(deliveries ? { deliveries } : {}),
    ...(threads ? { threads } : {}),
  });
  await app.init().catch((error: unknown) => {
    throw new SlackUnavailableError(config.slack.apiUrl, slackErrorCode(error));
  });
  await app.start();
  logger.info('AI Policy Brief is running', { mode: config.mode, port: config.port });
  const digests = services.digests;
  const scheduler =
    digests && config.scheduler ? new DigestScheduler(digests.runner, digests.subscriptions, logger) : null;
  if (digests && scheduler) {
    digests.changed = () => scheduler.reload();
    digests.nextRun = (channel) => scheduler.nextRun(channel);
    await scheduler.start();
  }
  let stopping = false;
  const stop = async (signal: string) => {
    // A process manager may signal twice (tsx relays the group's SIGTERM too); one orderly shutdown is enough.
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const drained = (await scheduler?.stop(SHUTDOWN_GRACE_MS)) ?? true;
    if (!drained) logger.warn('digest posts still in flight at shutdown; the ledger will reconcile them');
    await app.stop().catch((error: unknown) => logger.warn('stop failed', { error }));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
