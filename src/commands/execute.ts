import type { KnownBlock } from '@slack/types';
import { buildCommandHelp } from '../briefings/help.js';
import { context, section } from '../core/blocks/blocks.js';
import { answerReply, errorReply, type Reply } from '../core/blocks/reply.js';
import { type CommandInput, commandTextSchema, limitWords } from '../core/command-input.js';
import { describeError } from '../core/describe-error.js';
import { UserError } from '../core/errors.js';
import { escapeMrkdwn, unescapeMrkdwn } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import type { Surface } from '../data-admin/data-admin.js';
import { replyLocale } from '../preferences/preferences.js';
import type { Command, CommandContext, CommandServices } from './context.js';
import { findCommand } from './registry.js';
import { ReplyCache } from './reply-cache.js';

export type { CommandServices } from './context.js';

export interface CommandRequest {
  /** The slash command, e.g. "/ai-rank". */
  command: string;
  text: string;
  userId?: string;
  channelId?: string;
  /** What the transport offers beyond a reply (buttons, modals, files). */
  surface?: Surface;
  /** Whether the user is an admin, when the transport decided (e.g. workspace admins); else ADMIN_USER_IDS. */
  isAdmin?: boolean;
  /** Run again to be posted to the channel ("Share to channel"): only shareable commands may be. */
  shared?: boolean;
}

const ICONS = { refusal: ':x:', unavailable: ':hourglass:', storage: ':floppy_disk:', unexpected: ':warning:' };

/**
 * Any failure as a private reply, through the one translation of errors (describeError): what was wrong with the
 * request (with the command's usage), or that nothing changed and why, or a reference to quote for a bug.
 */
function failureReply(
  error: unknown,
  command: Command,
  locale: Locale,
  services: CommandServices,
): { reply: Reply; failed: boolean } {
  const described = describeError(error, locale);
  const log = { command: command.name, code: described.code };
  if (described.kind === 'unexpected') services.logger.error('command failed', { ...log, ref: described.ref, error });
  else if (described.kind !== 'refusal') services.logger.warn('command refused', log);
  const blocks: KnownBlock[] = [section(`${ICONS[described.kind]} ${described.lines.join('\n')}`)];
  if (described.kind === 'refusal') {
    const t = messages(locale);
    blocks.push(
      context(`${t.usage}: \`${escapeMrkdwn(`${command.name} ${command.usageHint[locale]}`.trim())}\``, t.helpHint),
    );
  }
  const reply = errorReply({ text: unescapeMrkdwn(described.lines[0] ?? described.code), blocks }, locale);
  return { reply, failed: described.kind !== 'refusal' };
}

/**
 * Runs one slash command exactly as every transport needs it: normalise the text, pick the language, answer,
 * and turn any failure into a private reply. Returns undefined only for a command that does not exist.
 */
export async function executeCommand(request: CommandRequest, services: CommandServices): Promise<Reply | undefined> {
  const command = findCommand(request.command);
  if (!command) return undefined;
  const input = commandTextSchema.parse(request.text ?? '');
  const user = { id: request.userId, preferences: services.preferences, logger: services.logger };
  const locale = await replyLocale(input.locale, user, services.defaultLocale);
  const data = services.store.current();
  const cache = command.pure ? services.replies : undefined;
  const key = ReplyCache.key({
    command: command.name,
    text: request.text ?? '',
    locale,
    focus: services.focusCountry,
    version: data.version,
    // Answers say what is overdue or out of date as of today: a cached one lives for the hour at most. (The hour,
    // not the local date, because the date in a time zone costs every start-up the zone database.)
    hour: Math.floor(services.clock().getTime() / 3_600_000),
  });
  const hit = cache?.get(key);
  if (hit) return hit;
  const { reply, failed } = await runCommand(command, input, locale, request, services);
  // A failure may carry a reference to its log entry, and the next try may succeed: never cached.
  if (cache && !failed && !reply.followUp) cache.set(key, reply);
  return reply;
}

function contextFor(request: CommandRequest, locale: Locale, services: CommandServices): CommandContext {
  const { userId, channelId, surface } = request;
  return {
    data: services.store.current(),
    locale,
    focusCountry: services.focusCountry,
    timezone: services.timezone,
    defaultLocale: services.defaultLocale,
    isAdmin: request.isAdmin ?? (userId !== undefined && services.adminUserIds.includes(userId)),
    now: services.clock(),
    digests: services.digests,
    dataAdmin: services.dataAdmin,
    brief: services.brief,
    preferences: services.preferences,
    ...(userId ? { userId } : {}),
    ...(channelId ? { channelId } : {}),
    ...(surface ? { surface } : {}),
  };
}

async function runCommand(
  command: Command,
  input: CommandInput,
  locale: Locale,
  request: CommandRequest,
  services: CommandServices,
): Promise<{ reply: Reply; failed: boolean }> {
  try {
    if (request.shared && !command.shareable) throw new UserError('not_shareable', [messages(locale).notShareable]);
    if (input.help) return { reply: answerReply(buildCommandHelp(command, locale), locale), failed: false };
    const ctx = contextFor(request, locale, services);
    const { briefing, canonical, followUp } = await command.execute(limitWords(input, locale), ctx);
    const flag = locale === services.defaultLocale ? '' : ` --${locale}`;
    const share = command.shareable ? { command: command.name, text: `${canonical}${flag}`.trim() } : undefined;
    const reply = answerReply(briefing, locale, share);
    if (!followUp) return { reply, failed: false };
    const later = () =>
      followUp().then(
        (next) => answerReply(next, locale),
        (error: unknown) => failureReply(error, command, locale, services).reply,
      );
    return { reply: { ...reply, followUp: later }, failed: false };
  } catch (error) {
    return failureReply(error, command, locale, services);
  }
}
