import { randomBytes } from 'node:crypto';
import { buildCommandHelp } from '../briefings/help.js';
import type { Charter } from '../charts/charter.js';
import { context, section } from '../core/blocks/blocks.js';
import { answerReply, errorReply, type Reply } from '../core/blocks/reply.js';
import type { Command, CommandContext } from '../core/command.js';
import { type CommandInput, commandTextSchema, limitWords } from '../core/command-input.js';
import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { isUserError, storageCode, UserError } from '../core/errors.js';
import { escapeMrkdwn, unescapeMrkdwn } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import type { Logger } from '../core/logger.js';
import type { DataAdmin, Surface } from '../data-admin/data-admin.js';
import type { DigestService } from '../digests/digest-service.js';
import type { BriefEngine } from '../llm/engine.js';
import { DatabaseUnavailableError } from '../persistence/pg/pg-errors.js';
import { type PreferenceStore, replyLocale } from '../preferences/preferences.js';
import { findCommand } from './registry.js';
import { ReplyCache } from './reply-cache.js';

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

export interface CommandServices {
  store: DatasetStore;
  defaultLocale: Locale;
  focusCountry: string;
  /** DEFAULT_TIMEZONE; Asia/Seoul when not given. */
  timezone?: string;
  logger: Logger;
  adminUserIds?: readonly string[];
  digests?: DigestService;
  dataAdmin?: DataAdmin;
  brief?: BriefEngine;
  clock?: () => Date;
  /** Rendered replies of pure commands, per dataset version. */
  replies?: ReplyCache;
  /** Draws the charts replies carry (transports that can show images). */
  charter?: Charter;
  /** Per-user settings: a user's reply language. */
  preferences?: PreferenceStore;
}

function userErrorReply(command: Command, error: UserError, locale: Locale): Reply {
  const t = messages(locale);
  const usage = `${t.usage}: \`${escapeMrkdwn(`${command.name} ${command.usageHint[locale]}`.trim())}\``;
  return errorReply(
    {
      text: unescapeMrkdwn(error.lines[0] ?? error.code),
      blocks: [section(`:x: ${error.lines.join('\n')}`), context(usage, t.helpHint)],
    },
    locale,
  );
}

/** A write the file system refused: said plainly, since the store guarantees that nothing changed. */
function storageReply(locale: Locale, code: string): Reply {
  const t = messages(locale);
  const reason = { ENOSPC: t.storageDiskFull, EDQUOT: t.storageDiskFull, EROFS: t.storageReadOnly }[code];
  const text = t.storageFailed(reason ?? t.storageNoPermission, code);
  return errorReply({ text, blocks: [section(`:floppy_disk: ${text}`)] }, locale);
}

function failureReply(locale: Locale, ref: string): Reply {
  const text = messages(locale).unexpected(ref);
  return errorReply({ text, blocks: [section(`:warning: ${text}`)] }, locale);
}

/**
 * Runs one slash command exactly as every transport needs it: normalise the text, pick the language, answer,
 * and turn any failure into a private reply (a UserError says what was wrong; anything else is logged with a
 * reference the user can quote). Returns undefined only for a command that does not exist.
 */
export async function executeCommand(request: CommandRequest, services: CommandServices): Promise<Reply | undefined> {
  const command = findCommand(request.command);
  if (!command) return undefined;
  const input = commandTextSchema.parse(request.text ?? '');
  const locale = await replyLocale(
    input.locale,
    { id: request.userId, preferences: services.preferences, logger: services.logger },
    services.defaultLocale,
  );
  const data = services.store.current();
  const cache = command.pure ? services.replies : undefined;
  const key = cache
    ? ReplyCache.key({
        command: command.name,
        text: request.text ?? '',
        locale,
        focus: services.focusCountry,
        version: data.version,
      })
    : '';
  const hit = cache?.get(key);
  if (hit) return hit;
  const { reply, failed } = await runCommand(command, input, locale, data, request, services);
  // A failure's reply carries a reference to its log entry, and the next try may succeed: never cached.
  if (cache && !failed && !reply.followUp) cache.set(key, reply);
  return reply;
}

async function runCommand(
  command: Command,
  input: CommandInput,
  locale: Locale,
  data: DatasetView,
  request: CommandRequest,
  services: CommandServices,
): Promise<{ reply: Reply; failed: boolean }> {
  try {
    if (request.shared && !command.shareable) throw new UserError('not_shareable', [messages(locale).notShareable]);
    if (input.help) return { reply: answerReply(buildCommandHelp(command, locale), locale), failed: false };
    const ctx: CommandContext = {
      data,
      locale,
      focusCountry: services.focusCountry,
      timezone: services.timezone ?? 'Asia/Seoul',
      isAdmin:
        request.isAdmin ?? (request.userId !== undefined && (services.adminUserIds ?? []).includes(request.userId)),
      now: (services.clock ?? (() => new Date()))(),
      ...(request.userId ? { userId: request.userId } : {}),
      ...(request.channelId ? { channelId: request.channelId } : {}),
      ...(services.digests ? { digests: services.digests } : {}),
      ...(services.dataAdmin ? { dataAdmin: services.dataAdmin } : {}),
      ...(services.brief ? { brief: services.brief } : {}),
      ...(request.surface ? { surface: request.surface } : {}),
      ...(services.preferences ? { preferences: services.preferences } : {}),
      defaultLocale: services.defaultLocale,
    };
    const { briefing, canonical, followUp } = await command.execute(limitWords(input, locale), ctx);
    const flag = locale === services.defaultLocale ? '' : ` --${locale}`;
    const share = command.shareable ? { command: command.name, text: `${canonical}${flag}`.trim() } : undefined;
    const reply = answerReply(briefing, locale, share);
    if (!followUp) return { reply, failed: false };
    const withFollowUp: Reply = {
      ...reply,
      followUp: () =>
        followUp().then(
          (next) => answerReply(next, locale),
          (error: unknown) => {
            const ref = randomBytes(4).toString('hex');
            services.logger.error('follow-up failed', { ref, command: request.command, error });
            return failureReply(locale, ref);
          },
        ),
    };
    return { reply: withFollowUp, failed: false };
  } catch (error) {
    if (isUserError(error)) return { reply: userErrorReply(command, error, locale), failed: false };
    if (error instanceof DatabaseUnavailableError) {
      services.logger.warn('command refused: database unavailable', { command: request.command });
      const text = messages(locale).temporarilyUnavailable;
      return { reply: errorReply({ text, blocks: [section(`:hourglass: ${text}`)] }, locale), failed: true };
    }
    const code = storageCode(error);
    if (code) {
      services.logger.warn('command refused: storage', { command: request.command, code });
      return { reply: storageReply(locale, code), failed: true };
    }
    const ref = randomBytes(4).toString('hex');
    services.logger.error('command failed', { ref, command: request.command, error });
    return { reply: failureReply(locale, ref), failed: true };
  }
}
