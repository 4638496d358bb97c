import { buildInvest } from '../briefings/invest/invest.js';
import { annualSeries } from '../briefings/invest/invest-data.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { readTerms, unknownTermError, vocabularyCandidates } from '../core/vocabulary/terms.js';
import { type CommandContext, defineCommand } from './context.js';

export const MAX_INVEST_COUNTRIES = 5;

export interface InvestArgs {
  year: string;
  /** Countries named besides the focus country. */
  peers: string[];
}

export function parseInvestArgs(tokens: readonly string[], ctx: CommandContext): InvestArgs {
  const t = messages(ctx.locale);
  const years = annualSeries(ctx.data).map((a) => a.year);
  const terms = readTerms(tokens, ctx.data);
  const stray = terms.find((term) => term.kind !== 'country' && term.kind !== 'year');
  if (stray) {
    const names = ctx.data.countries().map((c) => c.name[ctx.locale]);
    throw unknownTermError(stray.text, vocabularyCandidates(ctx.data, ctx.locale), ctx.locale, [...years, ...names]);
  }
  const year = terms.find((term) => term.kind === 'year');
  if (year?.kind === 'year' && !years.includes(year.year)) {
    throw new UserError('unknown_year', [t.investUnknownYear(year.year, years.join(', '))]);
  }
  const peers = [...new Set(terms.flatMap((term) => (term.kind === 'country' ? [term.code] : [])))].filter(
    (code) => code !== ctx.focusCountry,
  );
  if (peers.length > MAX_INVEST_COUNTRIES)
    throw new UserError('too_many_countries', [t.investTooMany(MAX_INVEST_COUNTRIES)]);
  return { year: year?.kind === 'year' ? year.year : (years[0] ?? ''), peers };
}

export const aiInvest = defineCommand<InvestArgs>({
  name: '/ai-invest',
  pure: true,
  description: {
    ko: '국가별 민간 AI 투자와 한국의 순위, 데이터로 계산한 배수(미국/한국, 중국/한국)를 출처와 함께 보여 줍니다',
    en: 'Private AI investment by country, Korea’s rank, and multiples computed from the data (US/Korea, China/Korea), sourced',
  },
  usageHint: { ko: '[연도] [국가…]', en: '[year] [country…]' },
  examples: ['', '2023', '중국', 'japan france 2024'],
  parse: (input, ctx) => parseInvestArgs(input.tokens, ctx),
  run: (args, ctx) =>
    buildInvest(ctx.data, { year: args.year, countries: [ctx.focusCountry, ...args.peers], locale: ctx.locale }),
  canonical: (args) => [args.year, ...args.peers].join(' '),
});
