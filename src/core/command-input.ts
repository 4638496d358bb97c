import * as z from 'zod';
import { UserError } from './errors.js';
import { cleanInput, escapeMrkdwn, truncate, unescapeMrkdwn } from './escape.js';
import type { Locale } from './i18n/locale.js';
import { messages } from './i18n/messages.js';

/** The command text after normalisation: what every command's parser starts from. */
export interface CommandInput {
  /** Lower-cased words, without language flags or help words. */
  tokens: string[];
  /** The text as typed (entities decoded, invisible characters removed, case kept), for free-form values. */
  raw: string;
  /** A language asked for in the text (`--en`, `lang:ko` …). */
  locale?: Locale;
  help: boolean;
}

export const MAX_WORDS = 24;

const LANGUAGE_FLAG = /^(?:--?|lang[:=])(ko|en|kr|kor|eng)$/;
const HELP_WORDS = new Set(['help', '--help', '-h', '?', '도움말', '도움', '사용법']);

function languageOf(token: string): Locale | undefined {
  const code = LANGUAGE_FLAG.exec(token)?.[1];
  if (code === undefined) return undefined;
  return code.startsWith('k') ? 'ko' : 'en';
}

/**
 * Slack sends `&`, `<`, `>` as entities and may include mention or link markup; full-width letters, zero-width
 * and direction controls are folded away so that "ＫＲ" and "K\u200bR" mean KR.
 */
function normalise(text: string): string {
  return cleanInput(unescapeMrkdwn(text).normalize('NFKC')).toLocaleLowerCase('en-US');
}

export function parseCommandText(text: string): CommandInput {
  const words = normalise(text)
    .split(/[\s,]+/u)
    .filter((w) => w.length > 0);
  const input: CommandInput = {
    tokens: [],
    raw: cleanInput(unescapeMrkdwn(text).normalize('NFC')).trim(),
    help: false,
  };
  for (const word of words) {
    const locale = languageOf(word);
    if (locale) input.locale = locale;
    else if (HELP_WORDS.has(word)) input.help = true;
    else input.tokens.push(word);
  }
  return input;
}

export const commandTextSchema = z.string().transform(parseCommandText);

const FLAGS = /(?:^|\s)(?:--?(?:ko|en|kr|kor|eng)|lang[:=](?:ko|en))(?=\s|$)/gi;

/** Free text (a question) without the language flags that chose the reply language. */
export function stripLanguageFlags(raw: string): string {
  return raw.replace(FLAGS, ' ').replace(/\s+/g, ' ').trim();
}

/** A quoted value (a source's quotation, a title) may be long; it counts as one word, up to this many characters. */
export const MAX_QUOTED_CHARS = 2000;

/**
 * Rejects input shaped unlike any command: more than MAX_WORDS words, where a "quoted phrase" counts as one word
 * (so an admin can set a real quotation), or a quoted value longer than MAX_QUOTED_CHARS.
 */
export function limitWords(input: CommandInput, locale: Locale): CommandInput {
  const t = messages(locale);
  const words = splitWords(input.raw);
  if (words.length > MAX_WORDS) throw new UserError('too_many_words', [t.tooManyWords(MAX_WORDS)]);
  if (words.some((w) => Array.from(w).length > MAX_QUOTED_CHARS)) {
    throw new UserError('quoted_too_long', [t.quotedTooLong(MAX_QUOTED_CHARS)]);
  }
  return input;
}

/** How a user's word is shown back to them: short and inert. */
export function echo(word: string): string {
  return escapeMrkdwn(truncate(word, 40));
}

/**
 * Splits text into words, keeping "quoted phrases" (straight or curly quotes) together and dropping the
 * quotes: `set x period="2025 edition"` → ["set", "x", "period=2025 edition"].
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /(?:[^\s"“”]+|"[^"]*"|“[^”]*”)+/gu;
  for (const match of text.matchAll(pattern)) words.push(match[0].replace(/["“”]/g, ''));
  return words;
}
