import { context, section } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import { UserError } from '../core/errors.js';
import { escapeMrkdwn, truncate } from '../core/escape.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { wordTable } from '../core/vocabulary/word-table.js';
import { type PreferenceStore, SLACK_USER_ID } from '../preferences/preferences.js';
import { type CommandContext, defineCommand } from './context.js';

type LangArgs = { action: 'show' } | { action: 'set'; locale: Locale } | { action: 'reset' };

const WORDS = wordTable<Locale | 'reset'>({
  ko: 'ko',
  kr: 'ko',
  kor: 'ko',
  korean: 'ko',
  한국어: 'ko',
  한글: 'ko',
  국문: 'ko',
  en: 'en',
  eng: 'en',
  english: 'en',
  영어: 'en',
  영문: 'en',
  reset: 'reset',
  default: 'reset',
  clear: 'reset',
  기본: 'reset',
  기본값: 'reset',
  초기화: 'reset',
});

function need(ctx: CommandContext): { preferences: PreferenceStore; userId: string } {
  const t = messages(ctx.locale);
  if (!ctx.userId || !SLACK_USER_ID.test(ctx.userId)) throw new UserError('no_user', [t.langNoUser]);
  return { preferences: ctx.preferences, userId: ctx.userId };
}

function note(locale: Locale, first: string): Briefing {
  const t = messages(locale);
  return { text: first.replace(/\*/g, ''), blocks: [section(first), context(t.langHowTo, t.langOnce)] };
}

/** `/ai-lang [ko|en|reset]`: the language a user's replies come in, kept for them on every replica. */
export const aiLang = defineCommand<LangArgs>({
  name: '/ai-lang',
  shareable: false,
  description: { ko: '내 답변 언어(한국어/영어)를 정합니다', en: 'Sets the language replies come to you in' },
  usageHint: { ko: '[ko|en|reset]', en: '[ko|en|reset]' },
  examples: ['', 'en', 'reset'],
  parse(input, ctx) {
    const [word, ...rest] = input.tokens;
    if (word === undefined) return input.locale ? { action: 'set', locale: input.locale } : { action: 'show' };
    const choice = rest.length === 0 ? WORDS[word] : undefined;
    if (!choice) {
      const typed = escapeMrkdwn(truncate(input.tokens.join(' '), 40));
      throw new UserError('unknown_language', [messages(ctx.locale).langUnknown(typed)]);
    }
    return choice === 'reset' ? { action: 'reset' } : { action: 'set', locale: choice };
  },
  async run(args, ctx) {
    const { preferences, userId } = need(ctx);
    const fallback = ctx.defaultLocale ?? ctx.locale;
    if (args.action === 'show') {
      const own = (await preferences.get(userId))?.locale;
      const t = messages(own ?? fallback);
      return note(
        own ?? fallback,
        own ? t.langCurrentOwn(t.langName(own)) : t.langCurrentDefault(t.langName(fallback)),
      );
    }
    if (args.action === 'reset') {
      await preferences.set(userId, undefined);
      const t = messages(fallback);
      return note(fallback, t.langReset(t.langName(fallback)));
    }
    await preferences.set(userId, { locale: args.locale, updatedAt: ctx.now.toISOString() });
    const t = messages(args.locale);
    return note(args.locale, t.langSet(t.langName(args.locale)));
  },
  canonical: (args) => (args.action === 'set' ? args.locale : args.action === 'reset' ? 'reset' : ''),
});
