import type { App } from '@slack/bolt';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { Logger } from '../../core/logger.js';
import { type Responder, responder } from './response-url.js';

/** The interaction ids the app has listeners for; everything else reaches the fallbacks below. */
export interface KnownInteractions {
  actions: readonly string[];
  views: readonly string[];
  shortcuts: readonly string[];
}

/** Matches any id except the given ones (Bolt runs every listener whose constraint matches). */
function except(ids: readonly string[]): RegExp {
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return escaped.length > 0 ? new RegExp(`^(?!(?:${escaped.join('|')})$)`) : /^/;
}

interface Deps {
  logger: Logger;
  localeOf: (userId: string | undefined) => Promise<Locale>;
}

function tellPrivately(url: unknown, text: string, logger: Logger): Promise<void> {
  let respond: Responder;
  try {
    respond = responder(String(url));
  } catch {
    return Promise.resolve();
  }
  return respond({ response_type: 'ephemeral', replace_original: false, text }).catch((error: unknown) =>
    logger.warn('could not tell the user the control expired', { error }),
  );
}

function expiredModal(locale: Locale) {
  const t = messages(locale);
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: t.formExpiredTitle },
    close: { type: 'plain_text' as const, text: 'OK' },
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: t.formExpired } }],
  };
}

/**
 * An old button, a control from an earlier version, a form or shortcut the app no longer knows: acknowledged at
 * once (Slack would otherwise show the user an error after three seconds), logged, and where a user can be told,
 * told privately that the control has expired.
 */
export function registerFallbacks(app: App, known: KnownInteractions, deps: Deps): void {
  const { logger } = deps;
  app.action(except(known.actions), async ({ ack, body, payload }) => {
    await ack();
    const b = body as { user?: { id?: string }; response_url?: string };
    logger.warn('unhandled action acknowledged', { actionId: (payload as { action_id?: string }).action_id });
    if (b.response_url)
      await tellPrivately(b.response_url, messages(await deps.localeOf(b.user?.id)).controlExpired, logger);
  });
  app.view({ callback_id: except(known.views), type: 'view_submission' }, async ({ ack, body }) => {
    logger.warn('unhandled view submission acknowledged', { callbackId: body.view.callback_id });
    await ack({ response_action: 'update', view: expiredModal(await deps.localeOf(body.user.id)) });
  });
  app.view({ callback_id: except(known.views), type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
  app.shortcut(except(known.shortcuts), async ({ ack, body, client }) => {
    await ack();
    logger.warn('unhandled shortcut acknowledged', { callbackId: body.callback_id });
    const locale = await deps.localeOf(body.user.id);
    if ('response_url' in body && body.response_url) {
      await tellPrivately(body.response_url, messages(locale).controlExpired, logger);
      return;
    }
    await client.views
      .open({ trigger_id: body.trigger_id, view: expiredModal(locale) })
      .catch((error: unknown) => logger.warn('could not tell the user the shortcut expired', { error }));
  });
  app.options(except([]), async ({ ack }) => {
    await ack({ options: [] });
  });
}
