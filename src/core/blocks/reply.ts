import type { KnownBlock } from '@slack/types';
import * as z from 'zod';
import type { ChartSpec } from '../chart-spec.js';
import { newestSourceDate } from '../dataset/currency.js';
import type { Figure } from '../dataset/dataset-schema.js';
import { escapeMrkdwn, truncate } from '../escape.js';
import { formatDate } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';
import { actions, blockChars, button, context, LIMITS, type Message, shrinkToFit } from './blocks.js';

/** What a briefing builder returns: pure data, before it is fitted into Slack messages. */
export interface Briefing {
  /** Plain text for notifications and screen readers, unescaped: the reply layer escapes it. */
  text: string;
  blocks: KnownBlock[];
  /** Charts of what the blocks show as text bars; transports that can show images add them. */
  charts?: ChartSpec[];
  /**
   * The figures the answer presents as the present state; with `history`, every figure it shows. The reply says how
   * current they are ("자료 기준"), and exports and tests read them.
   */
  figures?: readonly Figure[];
  /** Figures shown as the past: earlier editions in a trend, the edition a change is measured from. */
  history?: readonly Figure[];
}

export type Visibility = 'ephemeral' | 'in_channel';

/** What a command returns to whichever transport runs it (Slack, console, CLI). */
export interface Reply {
  kind: 'answer' | 'error';
  visibility: Visibility;
  /** One or more messages, in order; the first is the answer, later ones continue it. */
  messages: Message[];
  /** A second answer that arrives later (sent as further messages when it resolves; never rejects). */
  followUp?: () => Promise<Reply>;
  charts?: ChartSpec[];
  /** What the answer shows, as its briefing declared (see Briefing). */
  figures?: readonly Figure[];
  history?: readonly Figure[];
}

export const SHARE_ACTION_ID = 'share_to_channel';

const sharePayloadSchema = z.strictObject({
  v: z.literal(1),
  /** The slash command, e.g. "/ai-rank". */
  c: z.string().regex(/^\/[a-z-]+$/),
  /** The normalised command text to run again when shared. */
  t: z.string().max(1500),
});
export type SharePayload = z.infer<typeof sharePayloadSchema>;

export function encodeShare(command: string, text: string): string | null {
  const value = JSON.stringify({ v: 1, c: command, t: text } satisfies SharePayload);
  return value.length <= LIMITS.buttonValue && text.length <= 1500 ? value : null;
}

export function decodeShare(value: string | undefined): SharePayload | null {
  try {
    const parsed = sharePayloadSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Most messages fit in one; more than this would exhaust a response_url (5 uses) with room to spare. */
const MAX_MESSAGES = 4;
const RESERVED_BLOCKS = 2;
const RESERVED_CHARS = 400;

function pack(blocks: readonly KnownBlock[]): KnownBlock[][] {
  const parts: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let chars = 0;
  for (const original of blocks) {
    const block = shrinkToFit(original, LIMITS.messageChars - RESERVED_CHARS);
    const size = blockChars(block);
    const full =
      current.length + 1 > LIMITS.blocksPerMessage - RESERVED_BLOCKS ||
      chars + size > LIMITS.messageChars - RESERVED_CHARS;
    if (full && current.length > 0) {
      parts.push(current);
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * Fits a briefing into Slack messages: splits at block boundaries when it is too long for one, marks the parts,
 * and shortens with a visible note rather than fail when even that is too much.
 */
export function fitMessages(briefing: Briefing, locale: Locale, tail: KnownBlock[] = []): Message[] {
  const t = messages(locale);
  let parts = pack(briefing.blocks);
  if (parts.length === 0) parts = [[]];
  if (parts.length > MAX_MESSAGES) {
    parts = parts.slice(0, MAX_MESSAGES);
    parts[MAX_MESSAGES - 1]?.push(context(t.shortened));
  }
  parts.at(-1)?.push(...tail);
  const total = parts.length;
  const text = escapeMrkdwn(truncate(briefing.text, LIMITS.fallbackText - 200));
  return parts.map((blocks, i) => {
    if (total === 1) return { text, blocks };
    const mark = t.continued(i + 1, total);
    return { text: `${text} ${mark}`, blocks: i === 0 ? blocks : [context(mark), ...blocks] };
  });
}

/** "자료 기준: 2026년 4월 13일 (…)": the newest source date among every figure the answer shows. */
export function asOfText(figures: readonly Figure[], locale: Locale): string {
  const t = messages(locale);
  const newest = newestSourceDate(figures);
  return newest ? t.asOf(formatDate(newest, locale)) : t.asOfUnknown;
}

/** The briefing with its "자료 기준" line under the header (or first), when it declares the figures it shows. */
export function withAsOf(briefing: Briefing, locale: Locale): Briefing {
  const shown = [...(briefing.figures ?? []), ...(briefing.history ?? [])];
  if (briefing.figures === undefined || shown.length === 0) return briefing;
  const at = briefing.blocks[0]?.type === 'header' ? 1 : 0;
  const blocks = [...briefing.blocks];
  blocks.splice(at, 0, context(escapeMrkdwn(asOfText(shown, locale))));
  return { ...briefing, blocks };
}

/** An answer, private by default, with a "Share to channel" button when it can be re-run from its text. */
export function answerReply(briefing: Briefing, locale: Locale, share?: { command: string; text: string }): Reply {
  const value = share ? encodeShare(share.command, share.text) : null;
  const tail = value ? [actions(button(messages(locale).shareButton, SHARE_ACTION_ID, value, 'primary'))] : [];
  const charts = briefing.charts?.length ? { charts: briefing.charts } : {};
  const shown = {
    ...(briefing.figures ? { figures: briefing.figures } : {}),
    ...(briefing.history ? { history: briefing.history } : {}),
  };
  const messageList = fitMessages(withAsOf(briefing, locale), locale, tail);
  return { kind: 'answer', visibility: 'ephemeral', messages: messageList, ...charts, ...shown };
}

export function errorReply(briefing: Briefing, locale: Locale): Reply {
  return { kind: 'error', visibility: 'ephemeral', messages: fitMessages(briefing, locale) };
}
