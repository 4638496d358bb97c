import type { App, BlockButtonAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { type CommandServices, executeCommand } from '../../commands/execute.js';
import type { Message } from '../../core/blocks/blocks.js';
import { context } from '../../core/blocks/blocks.js';
import { decodeShare, SHARE_ACTION_ID } from '../../core/blocks/reply.js';
import { commandTextSchema } from '../../core/command-input.js';
import { type Messages, messages } from '../../core/i18n/messages.js';
import { replyLocale } from '../../preferences/preferences.js';
import { slackErrorCode } from './slack-errors.js';

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
