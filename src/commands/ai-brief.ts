import { buildEngineBriefing, buildFiguresBrief } from '../briefings/brief/brief.js';
import { stripLanguageFlags } from '../core/command-input.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { selectCandidates } from '../llm/candidates.js';
import { defineCommand } from './context.js';

/**
 * `/ai-brief <question>`: the dataset figures for the question at once, then (with an LLM configured) a short
 * summary in which every number was filled in from a cited figure.
 */
export const aiBrief = defineCommand<{ question: string }>({
  name: '/ai-brief',
  description: {
    ko: '질문에 관련된 수치를 출처와 함께 보여 주고, 인용한 수치만 쓰는 AI 요약을 덧붙입니다',
    en: 'Figures that bear on a question, with sources, and an AI summary that states only cited figures',
  },
  usageHint: { ko: '<질문>', en: '<question>' },
  examples: ['한국의 AI 인재 유출은 얼마나 심각한가?', 'How does Korea compare with Japan in AI rankings? --en'],
  shareable: false,
  parse(input, ctx) {
    const question = stripLanguageFlags(input.raw);
    if (!question) throw new UserError('no_question', [messages(ctx.locale).briefUsage]);
    return { question };
  },
  run({ question }, ctx) {
    const t = messages(ctx.locale);
    const figures = selectCandidates(ctx.data, question, { focusCountry: ctx.focusCountry });
    const engine = ctx.brief;
    const live = engine?.enabled === true && figures.length > 0;
    const note = figures.length === 0 ? t.briefNoData : live ? t.briefWorking : t.briefOff;
    const briefing = buildFiguresBrief(ctx.data, question, figures, ctx.locale, note);
    if (!live || !engine) return briefing;
    const view = ctx.data;
    return {
      briefing,
      followUp: async () => {
        const result = await engine.ask({
          question,
          locale: ctx.locale,
          view,
          figures,
          ...(ctx.userId ? { userId: ctx.userId } : {}),
        });
        return buildEngineBriefing(view, result, ctx.locale);
      },
    };
  },
  canonical: ({ question }) => question,
});
