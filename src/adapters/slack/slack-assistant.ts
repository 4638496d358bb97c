import { Assistant, type AssistantConfig } from '@slack/bolt';
import type { ThreadStates } from '../../commands/assistant/threads.js';
import { answerTurn } from '../../commands/assistant/turn.js';
import type { CommandServices } from '../../commands/execute.js';
import { truncate } from '../../core/escape.js';
import { LOCALES, type Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { userLocale } from '../../preferences/preferences.js';

type ThreadStore = NonNullable<AssistantConfig['threadContextStore']>;
type StoreArgs = Parameters<ThreadStore['get']>[0];

/** Where an assistant event happened: the DM channel and the thread, whichever event it is. */
function threadOf(payload: unknown): { channelId: string; threadTs: string; context?: Record<string, unknown> } {
  const p = payload as {
    assistant_thread?: { channel_id: string; thread_ts: string; context?: Record<string, unknown> };
    channel?: string;
    thread_ts?: string;
  };
  if (p.assistant_thread) {
    const { channel_id, thread_ts, context } = p.assistant_thread;
    return { channelId: channel_id, threadTs: thread_ts, ...(context ? { context } : {}) };
  }
  return { channelId: p.channel ?? '', threadTs: p.thread_ts ?? '' };
}

/**
 * Bolt's default context store reads the thread back from Slack on every message and keeps one context for all
 * threads; ours keeps each thread's context in the same memory as its figures.
 */
function memoryStore(memory: ThreadStates): ThreadStore {
  return {
    get: async (args: StoreArgs) => {
      const { channelId, threadTs } = threadOf(args.payload);
      return (await memory.get(channelId, threadTs))?.context ?? {};
    },
    save: async (args: StoreArgs) => {
      const { channelId, threadTs, context } = threadOf(args.payload);
      await memory.update(channelId, threadTs, { context: context ?? {} });
    },
  };
}

/**
 * Slack's AI assistant panel: suggested questions in both languages when a thread opens, a status while the
 * engine works, the answer in the thread, and follow-ups that build on the thread's earlier figures.
 */
export function createAssistant(services: CommandServices, memory: ThreadStates): Assistant {
  const { logger } = services;
  const orderFor = (first: Locale) => [first, ...LOCALES.filter((l) => l !== first)];
  return new Assistant({
    threadContextStore: memoryStore(memory),
    threadStarted: async ({ payload, say, setSuggestedPrompts, saveThreadContext }) => {
      const { channelId, threadTs } = threadOf(payload);
      const userId = (payload as { assistant_thread?: { user_id?: string } }).assistant_thread?.user_id;
      const order = orderFor(await userLocale(services, userId));
      await memory.update(channelId, threadTs, {});
      await saveThreadContext();
      await say(order.map((l) => messages(l).assistantGreeting).join('\n'));
      await setSuggestedPrompts({
        title: order.map((l) => messages(l).assistantPromptsTitle).join(' · '),
        prompts: order.flatMap((l) => messages(l).assistantPrompts),
      });
    },
    userMessage: async ({ payload, say, setStatus, setTitle }) => {
      const message = payload as { text?: string; user?: string; bot_id?: string; subtype?: string };
      if (message.bot_id || message.subtype) return;
      const { channelId, threadTs } = threadOf(payload);
      const state = await memory.get(channelId, threadTs);
      const text = message.text ?? '';
      const locale = state?.locale ?? (await userLocale(services, message.user));
      // Cosmetic calls: a missing scope or a Slack hiccup must not cost the user the answer.
      await setStatus(messages(locale).assistantWorking).catch((error: unknown) =>
        logger.warn('assistant status failed', { error }),
      );
      if (!state?.figureIds.length && text.trim()) {
        await setTitle(truncate(text.trim(), 60)).catch((error: unknown) =>
          logger.warn('assistant title failed', { error }),
        );
      }
      const turn = await answerTurn(
        {
          text,
          carryOver: state?.figureIds ?? [],
          ...(message.user ? { userId: message.user } : {}),
          ...(state?.locale ? { threadLocale: state.locale } : {}),
        },
        services,
      );
      await memory.update(channelId, threadTs, { figureIds: turn.figureIds, locale: turn.locale });
      for (const m of turn.reply.messages) await say({ text: m.text, blocks: m.blocks });
    },
  });
}
