import type { ThreadStates } from '../../commands/assistant/threads.js';
import type { CommandServices } from '../../commands/context.js';
import type { Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { redactUrl } from '../../core/redact.js';
import type { Deliveries } from './deliveries.js';
import { createSlackApp, type HealthReport } from './slack-app.js';
import { slackErrorCode } from './slack-errors.js';

/**
 * The Slack side of start-up (Bolt, the Web API client, the digest scheduler), loaded by the composition root only
 * when the bot serves Slack: the console and the CLI never load it.
 */

const SHUTDOWN_GRACE_MS = 10_000;

/** auth.test failed at start-up: a bad token, or Slack (or SLACK_API_URL) out of reach. */
export class SlackUnavailableError extends AppError {
  constructor(apiUrl: string, code: string) {
    const hint = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'].includes(code)
      ? 'Slack rejected SLACK_BOT_TOKEN'
      : `Slack API at ${redactUrl(apiUrl)} (SLACK_API_URL) could not be reached`;
    super('slack_unavailable', `${hint} (${code}).`);
  }
}

/**
 * Serves Slack (Socket Mode or HTTP) with the container's services; starts the digest scheduler unless an external
 * one drives digests (SCHEDULER=off); stops in order on SIGTERM, letting posts in flight finish.
 */
export interface SlackDeps {
  config: Config;
  logger: Logger;
  services: CommandServices;
  slack: { deliveries: Deliveries; threads: ThreadStates; health: () => Promise<HealthReport> };
}

export async function startSlack(container: SlackDeps): Promise<void> {
  const { config, services, logger } = container;
  const app = createSlackApp({
    config,
    services,
    logger,
    health: container.slack.health,
    deliveries: container.slack.deliveries,
    threads: container.slack.threads,
  });
  await app.init().catch((error: unknown) => {
    throw new SlackUnavailableError(config.slack.apiUrl, slackErrorCode(error));
  });
  await app.start();
  logger.info('AI Policy Brief is running', { mode: config.mode, port: config.port });
  const scheduler = config.scheduler ? services.digests.scheduler : null;
  await scheduler?.start();
  let stopping = false;
  const stop = async (signal: string) => {
    // A process manager may signal twice; one orderly shutdown is enough.
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
