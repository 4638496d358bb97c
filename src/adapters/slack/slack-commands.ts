import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type CommandServices, executeCommand } from '../../commands/execute.js';
import { commands, findCommand } from '../../commands/registry.js';
import { LIMITS } from '../../core/blocks/blocks.js';
import type { Reply } from '../../core/blocks/reply.js';
import { commandTextSchema } from '../../core/command-input.js';
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

type Ack = (response?: Record<string, unknown>) => Promise<void>;

interface Request {
  payload: SlashCommand;
  ack: Ack;
  client: WebClient;
  respond: Responder;
}

/**
 * A pure command takes a millisecond or two (or nothing, from the cache): its answer goes in the acknowledgement
 * itself, as Slack allows, and only a second message needs response_url. Charts already in Slack go in the answer;
 * new ones follow it once uploaded.
 */
async function answerInAck({ payload, ack, client, respond }: Request, services: CommandServices): Promise<void> {
  const { command, text, user_id: userId, channel_id: channelId } = payload;
  const reply = await executeCommand({ command, text, userId, channelId }, services);
  const [first, ...rest] = reply?.messages ?? [];
  const charts = chartsInline(reply?.charts ?? []);
  const room = first && first.blocks.length + charts.blocks.length <= LIMITS.blocksPerMessage && rest.length === 0;
  const answer = first && {
    response_type: reply?.visibility ?? 'ephemeral',
    text: first.text,
    blocks: [...first.blocks, ...(room ? charts.blocks : [])],
  };
  await ack(answer || undefined);
  if (reply && rest.length > 0) await respondAll(respond, { ...reply, messages: rest });
  const later = room ? charts.later : (reply?.charts ?? []);
  if (later.length > 0)
    await postCharts(later, { client, charter: services.charter, respond, logger: services.logger });
}

/** Anything else: acknowledged empty at once, answered through response_url (with modals, files, Confirm). */
async function answerLater(
  { payload, ack, client, respond }: Request,
  services: CommandServices,
  options: { isAdmin: (userId: string) => Promise<boolean>; apiUrl: string; token: string },
): Promise<void> {
  await ack();
  await afterPendingAcks();
  const { command, text, user_id: userId, channel_id: channelId, trigger_id: triggerId } = payload;
  const user = { id: userId, preferences: services.preferences, logger: services.logger };
  const locale = await replyLocale(commandTextSchema.parse(text ?? '').locale, user, services.defaultLocale);
  const surface = slackSurface({
    client,
    token: options.token,
    triggerId,
    channelId,
    userId,
    locale,
    apiUrl: options.apiUrl,
  });
  const isAdmin = await options.isAdmin(userId);
  const reply = await executeCommand({ command, text, userId, channelId, surface, isAdmin }, services);
  if (!reply) return;
  await respondAll(respond, reply);
  if (reply.followUp) await respondAll(respond, await reply.followUp());
  if (reply.charts)
    await postCharts(reply.charts, { client, charter: services.charter, respond, logger: services.logger });
}

/** Slash commands: acknowledge at once, then answer privately (in the acknowledgement or through response_url). */
export function registerCommands(
  app: App,
  services: CommandServices,
  isAdmin: (userId: string) => Promise<boolean>,
  apiUrl: string,
): void {
  // One listener for every command: Bolt runs each listener's matchers on every request, so eleven listeners
  // cost every user's acknowledgement more than one does (bench B1).
  const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const pattern = new RegExp(`^(?:${commands.map((c) => escapeName(c.name)).join('|')})$`);
  app.command(pattern, async ({ command: payload, ack, client, context }) => {
    const request = { payload, ack: ack as Ack, client, respond: responder(payload.response_url) };
    if (findCommand(payload.command)?.pure) return answerInAck(request, services);
    return answerLater(request, services, { isAdmin, apiUrl, token: context.botToken ?? '' });
  });
}
