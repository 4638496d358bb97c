import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { type CommandServices, executeCommand } from '../../commands/execute.js';
import { commands, findCommand } from '../../commands/registry.js';
import type { Message } from '../../core/blocks/blocks.js';
import { context, LIMITS } from '../../core/blocks/blocks.js';
import { decodeShare, type Reply, SHARE_ACTION_ID } from '../../core/blocks/reply.js';
import { commandTextSchema } from '../../core/command-input.js';
import { type Messages, messages } from '../../core/i18n/messages.js';
import { replyLocale } from '../../preferences/preferences.js';
import { type Responder, responder } from './response-url.js';
import { chartsInline, postCharts } from './slack-charts.js';
import { slackSurface } from './slack-surface.js';

async function respondAll(respond: RespondFn | Responder, reply: Reply): Promise<void> {
  for (const message of reply.messages) {
    await respond({
      response_type: reply.visibility,
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  }
}

/**
 * Lets the requests that have already arrived be acknowledged before this one's answer is computed: under a
 * burst, every user gets Slack's 3-second acknowledgement first and the answers follow.
 */
export function afterPendingAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Slash commands: acknowledge at once, then answer privately through response_url. */
export function registerCommands(
  app: App,
  services: CommandServices,
  isAdmin: (userId: string) => Promise<boolean>,
  apiUrl: string,
): void {
  // One listener for every command: Bolt runs each listener's matchers on every request, so eleven listeners
  // cost every user's acknowledgement more than one does (bench B1).
  const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  app.command(
    new RegExp(`^(?:${commands.map((c) => escapeName(c.name)).join('|')})$`),
    async ({ command: payload, ack, client, context }) => {
      const respond = responder(payload.response_url);
      // A pure command takes a millisecond or two (or nothing, from the cache): its answer goes in the
      // acknowledgement itself, as Slack allows, and only a second message needs response_url.
      if (findCommand(payload.command)?.pure) {
        const reply = await executeCommand(
          { command: payload.command, text: payload.text, userId: payload.user_id, channelId: payload.channel_id },
          services,
        );
        const [first, ...rest] = reply?.messages ?? [];
        // Charts already in Slack go in the answer itself; new ones follow it once uploaded.
        const charts = chartsInline(services.charter ? (reply?.charts ?? []) : []);
        const room =
          first && first.blocks.length + charts.blocks.length <= LIMITS.blocksPerMessage && rest.length === 0;
        const inline = room ? charts.blocks : [];
        const later = room ? charts.later : (reply?.charts ?? []);
        await ack(
          first
            ? {
                response_type: reply?.visibility ?? 'ephemeral',
                text: first.text,
                blocks: [...first.blocks, ...inline],
              }
            : undefined,
        );
        if (reply && rest.length > 0) await respondAll(respond, { ...reply, messages: rest });
        if (later.length > 0 && services.charter) {
          await postCharts(later, { client, charter: services.charter, respond, logger: services.logger });
        }
        return;
      }
      await ack();
      await afterPendingAcks();
      const locale = await replyLocale(
        commandTextSchema.parse(payload.text ?? '').locale,
        { id: payload.user_id, preferences: services.preferences, logger: services.logger },
        services.defaultLocale,
      );
      const surface = slackSurface({
        client,
        token: context.botToken ?? '',
        triggerId: payload.trigger_id,
        channelId: payload.channel_id,
        userId: payload.user_id,
        locale,
        apiUrl,
      });
      const reply = await executeCommand(
        {
          command: payload.command,
          text: payload.text,
          userId: payload.user_id,
          channelId: payload.channel_id,
          surface,
          isAdmin: await isAdmin(payload.user_id),
        },
        services,
      );
      if (!reply) return;
      await respondAll(respond, reply);
      if (reply.followUp) await respondAll(respond, await reply.followUp());
      if (reply.charts && services.charter) {
        await postCharts(reply.charts, { client, charter: services.charter, respond, logger: services.logger });
      }
    },
  );
}

type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const SHARE_FAILURES: Record<string, TextKey> = {
  not_in_channel: 'shareNotInChannel',
  channel_not_found: 'shareChannelNotFound',
  is_archived: 'shareArchived',
  restricted_action: 'shareRestricted',
  restricted_action_read_only_channel: 'shareRestricted',
  restricted_action_non_threadable_channel: 'shareRestricted',
  restricted_action_thread_only_channel: 'shareRestricted',
  ekm_access_denied: 'shareRestricted',
  rate_limited: 'shareRateLimited',
  ratelimited: 'shareRateLimited',
};

/** The Slack error code behind a Web API failure, or a short generic one. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  if (e.code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  return e.data?.error ?? e.code ?? 'unknown_error';
}

function forChannel(message: Message, userId: string, locale: 'ko' | 'en'): Message {
  const blocks: KnownBlock[] = message.blocks.filter((b) => b.type !== 'actions');
  return { text: message.text, blocks: [...blocks, context(messages(locale).sharedBy(userId))] };
}

/** "Share to channel": run the same command again and post it as the bot; explain any refusal privately. */
export function registerShareAction(app: App, services: CommandServices): void {
  app.action<BlockButtonAction>(SHARE_ACTION_ID, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const payload = decodeShare(action.value);
    const locale = await replyLocale(
      payload ? commandTextSchema.parse(payload.t).locale : undefined,
      { id: body.user.id, preferences: services.preferences, logger: services.logger },
      services.defaultLocale,
    );
    const t = messages(locale);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const reply =
      payload && channel
        ? await executeCommand(
            { command: payload.c, text: payload.t, userId: body.user.id, channelId: channel, shared: true },
            services,
          )
        : undefined;
    if (reply?.kind === 'error') {
      const [message] = reply.messages;
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      return;
    }
    if (reply?.kind !== 'answer' || !channel) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.shareExpired });
      return;
    }
    try {
      for (const message of reply.messages) {
        const shared = forChannel(message, body.user.id, locale);
        await client.chat.postMessage({
          channel,
          text: shared.text,
          blocks: shared.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
      }
      await respond({ response_type: 'ephemeral', replace_original: true, text: t.shareDone, blocks: [] });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn(`share to channel failed: ${code}`);
      const key = SHARE_FAILURES[code];
      const text = key ? t[key] : t.shareFailed(code);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    }
  });
}
