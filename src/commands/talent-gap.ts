import { buildTalentGap } from '../briefings/talent/talent-overview.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { readTerms, unknownTermError, vocabularyCandidates } from '../core/vocabulary/terms.js';
import { type CommandContext, defineCommand } from './context.js';

export const MAX_TALENT_COUNTRIES = 6;

export interface TalentArgs {
  /** Countries to compare with the focus country; empty for the focus country alone. */
  peers: string[];
}

export function parseTalentArgs(tokens: readonly string[], ctx: CommandContext): TalentArgs {
  const t = messages(ctx.locale);
  const terms = readTerms(tokens, ctx.data);
  const countryNames = ctx.data.countries().map((c) => c.name[ctx.locale]);
  const stray = terms.find((term) => term.kind !== 'country');
  if (stray) throw unknownTermError(stray.text, vocabularyCandidates(ctx.data, ctx.locale), ctx.locale, countryNames);
  const peers = [...new Set(terms.flatMap((term) => (term.kind === 'country' ? [term.code] : [])))].filter(
    (code) => code !== ctx.focusCountry,
  );
  if (peers.length + 1 > MAX_TALENT_COUNTRIES) {
    throw new UserError('too_many_countries', [t.talentTooManyCountries(MAX_TALENT_COUNTRIES)]);
  }
  return { peers };
}

export const talentGap = defineCommand<TalentArgs>({
  name: '/talent-gap',
  pure: true,
  description: {
    ko: 'AI 인재 순유출입·집중도·수급 전망과 인재 정책을 출처와 함께 비교합니다',
    en: 'AI talent migration, concentration, supply and shortage, and talent policy, compared and sourced',
  },
  usageHint: { ko: '[국가] [국가…]', en: '[country] [country…]' },
  examples: ['', 'US', '미국 일본', 'germany france'],
  parse: (input, ctx: CommandContext) => parseTalentArgs(input.tokens, ctx),
  run: (args, ctx) => buildTalentGap(ctx.data, { countries: [ctx.focusCountry, ...args.peers], locale: ctx.locale }),
  canonical: (args) => args.peers.join(' '),
});
