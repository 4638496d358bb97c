import { randomBytes } from 'node:crypto';
import { buildFiguresBrief, fallbackNote } from '../../briefings/brief/brief.js';
import { renderBrief } from '../../briefings/brief/summary.js';
import { context, section } from '../../core/blocks/blocks.js';
import { answerReply, errorReply, type Reply } from '../../core/blocks/reply.js';
import { parseCommandText, stripLanguageFlags } from '../../core/command-input.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { selectCandidates } from '../../llm/candidates.js';
import type { CommandServices } from '../execute.js';

/** A turn remembers this many of its figures for the next question in the thread. */
const CARRIED = 12;
const MAX_QUESTION = 1000;

export interface TurnRequest {
  text: string;
  userId?: string;
  /** Figures the thread's earlier answers used. */
  carryOver: readonly string[];
  /** The language the thread has been using. */
  threadLocale?: Locale;
}

export interface TurnAnswer {
  reply: Reply;
  locale: Locale;
  figureIds: string[];
}

/** The reply language: a flag in the text, else the script the question is written in, else the thread's. */
export function questionLocale(text: string, fallback: Locale): Locale {
  const flagged = parseCommandText(text).locale;
  if (flagged) return flagged;
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  // An English word, not just a code or acronym ("KR", "AI", "GPU") that Korean text uses too.
  if ((text.match(/[A-Za-z]+/g) ?? []).some((w) => w.length >= 3 && /[a-z]/.test(w))) return 'en';
  return fallback;
}

/**
 * One question in the assistant panel: the grounded summary when the LLM layer is on and its answer survives
 * verification, otherwise the dataset figures with a note saying why. Never throws.
 */
export async function answerTurn(request: TurnRequest, services: CommandServices): Promise<TurnAnswer> {
  const fallback = request.threadLocale ?? services.defaultLocale;
  const locale = questionLocale(request.text, fallback);
  const t = messages(locale);
  const question = stripLanguageFlags(parseCommandText(request.text).raw).slice(0, MAX_QUESTION);
  if (!question) {
    const reply = answerReply({ text: t.assistantEmpty, blocks: [section(t.assistantEmpty)] }, locale);
    return { reply, locale, figureIds: [...request.carryOver] };
  }
  try {
    const view = services.store.current();
    const figures = selectCandidates(view, question, {
      focusCountry: services.focusCountry,
      carryOver: request.carryOver,
    });
    const figureIds = figures.slice(0, CARRIED).map((f) => f.id);
    const engine = services.brief;
    if (figures.length === 0 || !engine?.enabled) {
      const note = figures.length === 0 ? t.briefNoData : t.briefOff;
      return {
        reply: answerReply(buildFiguresBrief(view, question, figures, locale, note), locale),
        locale,
        figureIds,
      };
    }
    const result = await engine.ask({
      question,
      locale,
      view,
      figures,
      ...(request.userId ? { userId: request.userId } : {}),
    });
    const briefing =
      result.kind === 'brief'
        ? renderBrief(view, result.text, locale, result.model)
        : buildFiguresBrief(view, question, figures, locale, fallbackNote(result.reason, locale));
    return { reply: answerReply(briefing, locale), locale, figureIds };
  } catch (error) {
    const ref = randomBytes(4).toString('hex');
    services.logger.error('assistant turn failed', { ref, error });
    const text = t.unexpected(ref);
    return {
      reply: errorReply({ text, blocks: [context(`:warning: ${text}`)] }, locale),
      locale,
      figureIds: [...request.carryOver],
    };
  }
}
