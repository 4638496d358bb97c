import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type Receiver } from '@slack/bolt';
import { CANCEL_ACTION_ID, CONFIRM_ACTION_ID } from '../../briefings/data/data-edits.js';
import { ADD_MODAL_CALLBACK } from '../../briefings/data/data-modal.js';
import { inMemory, type ThreadStates } from '../../commands/assistant/threads.js';
import type { CommandServices } from '../../commands/execute.js';
import type { Config } from '../../config.js';
import { SHARE_ACTION_ID } from '../../core/blocks/reply.js';
import type { Logger } from '../../core/logger.js';
import { userLocale } from '../../preferences/preferences.js';
import { adminResolver } from './admins.js';
import { boltLogger } from './bolt-logger.js';
import { type Deliveries, deliveryId, isFirstDelivery, MemoryDeliveries } from './deliveries.js';
import { createAssistant } from './slack-assistant.js';
import { requestPathClientOptions } from './slack-client.js';
import { registerCommands } from './slack-commands.js';
import { registerAddModal, registerDataButtons } from './slack-data-admin.js';
import { registerFallbacks } from './slack-fallbacks.js';
import { guardedHttpReceiver, refuseUnanswerable } from './slack-guards.js';
import { registerHome } from './slack-home.js';
import { registerShareAction } from './slack-share.js';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  mode: string;
  datasetVersion: number;
  digests?: { authFailure: { code: string; since: string } };
  /** Present when the store (files or PostgreSQL) cannot be used, with why. */
  store?: { reason: string };
}

export interface SlackAppDeps {
  config: Config;
  services: CommandServices;
  logger: Logger;
  health: () => HealthReport | Promise<HealthReport>;
  /** Tests may drive the app through their own receiver. */
  receiver?: Receiver;
  /** Where delivered event ids are remembered (PostgreSQL when replicas share one). */
  deliveries?: Deliveries;
  /** Where assistant threads are remembered (PostgreSQL when replicas share one). */
  threads?: ThreadStates;
}

function healthRoute(health: SlackAppDeps['health']) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void Promise.resolve()
        .then(health)
        .then(
          (report) => {
            res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
            res.end(JSON.stringify(report));
          },
          () => {
            res.writeHead(503, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ status: 'unavailable' }));
          },
        );
    },
  };
}

function transportOptions(config: Config, deps: SlackAppDeps) {
  if (deps.receiver) return { receiver: deps.receiver };
  const customRoutes = [healthRoute(deps.health)];
  if (config.mode === 'socket') {
    return { socketMode: true, appToken: config.slack.appToken, customRoutes, installerOptions: { port: config.port } };
  }
  const signingSecret = config.slack.signingSecret ?? '';
  const logger = boltLogger(deps.logger, config.logLevel);
  return { receiver: guardedHttpReceiver({ signingSecret, port: config.port, customRoutes, logger }, deps.logger) };
}

/**
 * Before any listener: a retried event or replayed press that this or another replica already handled goes no
 * further (acknowledged, so Slack shows nothing rather than an error).
 */
function dropDuplicates(app: App, deliveries: Deliveries): void {
  app.use(async (args) => {
    const { body, next, logger: log } = args;
    const id = deliveryId(body);
    if (id && !(await isFirstDelivery(deliveries, id))) {
      log.debug(`duplicate delivery ${id} dropped`);
      await (args as { ack?: () => Promise<void> }).ack?.();
      return;
    }
    await next();
  });
}

function registerListeners(app: App, deps: SlackAppDeps): void {
  const { config, services, logger } = deps;
  const isAdmin = adminResolver({
    adminUserIds: config.adminUserIds,
    workspaceAdmins: config.workspaceAdmins,
    client: app.client,
    logger,
  });
  const localeOf = (userId: string | undefined) => userLocale(services, userId);
  refuseUnanswerable(app, logger);
  registerCommands(app, services, isAdmin, config.slack.apiUrl);
  registerShareAction(app, services);
  app.assistant(createAssistant(services, deps.threads ?? inMemory()));
  registerHome(app, services, isAdmin);
  const dataDeps = { dataAdmin: services.dataAdmin, localeOf, isAdmin, logger };
  registerDataButtons(app, dataDeps);
  registerAddModal(app, dataDeps);
  registerFallbacks(
    app,
    { actions: [SHARE_ACTION_ID, CONFIRM_ACTION_ID, CANCEL_ACTION_ID], views: [ADD_MODAL_CALLBACK], shortcuts: [] },
    { logger, localeOf },
  );
}

/** The Bolt app for Socket Mode or HTTP mode, with every listener registered. */
export function createSlackApp(deps: SlackAppDeps): App {
  const { config, logger } = deps;
  const app = new App({
    token: config.slack.botToken,
    // Bolt would otherwise call auth.test from the constructor and crash the process on an unhandled
    // rejection if Slack is unreachable; the composition root calls init() and reports the failure.
    deferInitialization: true,
    logger: boltLogger(logger, config.logLevel),
    clientOptions: requestPathClientOptions(config.slack.apiUrl),
    ...transportOptions(config, deps),
  });
  dropDuplicates(app, deps.deliveries ?? new MemoryDeliveries());
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error('unhandled Slack listener error', { error });
  });
  return app;
}
