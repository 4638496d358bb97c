import { buildCompare } from '../briefings/compare.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { readTerms, unknownTermError, vocabularyCandidates } from '../core/vocabulary/terms.js';
import { defineCommand } from './context.js';

export const MAX_COMPARE = 5;

export const aiCompare = defineCommand<{ countries: string[] }>({
  name: '/ai-compare',
  pure: true,
  description: {
    ko: '2~5개국을 함께 있는 모든 지수·지표로 나란히 비교하고, 앞선 나라와 칸마다 출처를 표시합니다',
    en: 'Two to five countries side by side over every index and metric they share, leader marked, every cell sourced',
  },
  usageHint: { ko: '<국가> <국가> [국가…]', en: '<country> <country> [country…]' },
  examples: ['한국 일본', 'korea japan france', 'US CN KR'],
  parse(input, ctx) {
    const t = messages(ctx.locale);
    const terms = readTerms(input.tokens, ctx.data);
    const stray = terms.find((term) => term.kind !== 'country');
    if (stray) {
      const names = ctx.data.countries().map((c) => c.name[ctx.locale]);
      throw unknownTermError(stray.text, vocabularyCandidates(ctx.data, ctx.locale), ctx.locale, names);
    }
    const named = [...new Set(terms.flatMap((term) => (term.kind === 'country' ? [term.code] : [])))];
    // One country named: compared with the focus country.
    const countries = named.length === 1 && named[0] !== ctx.focusCountry ? [ctx.focusCountry, ...named] : named;
    if (countries.length < 2) throw new UserError('too_few_countries', [t.compareUsage]);
    if (countries.length > MAX_COMPARE) throw new UserError('too_many_countries', [t.compareTooMany(MAX_COMPARE)]);
    return { countries };
  },
  run: (args, ctx) => buildCompare(ctx.data, { countries: args.countries, locale: ctx.locale }),
  canonical: (args) => args.countries.join(' '),
});
