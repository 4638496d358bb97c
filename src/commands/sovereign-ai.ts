import { buildSovereign } from '../briefings/sovereign.js';
import { echo } from '../core/command-input.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { localDate } from '../core/i18n/time.js';
import { defineCommand } from './context.js';

export const sovereignAi = defineCommand<Record<string, never>>({
  name: '/sovereign-ai',
  description: {
    ko: '독자 AI 파운데이션 모델 사업의 팀·모델·단계·평가 결과와 다음 일정을 출처와 함께 보여 줍니다',
    en: 'The sovereign AI foundation-model programme: teams, models, stage, evaluation results and the next milestone, sourced',
  },
  usageHint: { ko: '', en: '' },
  examples: [''],
  parse(input, ctx) {
    const stray = input.tokens[0];
    if (stray !== undefined) {
      const t = messages(ctx.locale);
      throw new UserError('unexpected_words', [t.unknownTerm(echo(stray))]);
    }
    return {};
  },
  // Not pure: which milestone is next depends on today.
  run: (_args, ctx) => buildSovereign(ctx.data, { today: localDate(ctx.now, ctx.timezone), locale: ctx.locale }),
  canonical: () => '',
});
