import { buildTimeline, type TimelineScope } from '../briefings/timeline.js';
import { echo } from '../core/command-input.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { localDate } from '../core/i18n/time.js';
import { wordTable } from '../core/vocabulary/word-table.js';
import { defineCommand } from './context.js';

const MAX_COUNT = 30;
const DEFAULT_COUNT = { both: 5, past: 10, upcoming: 10 } as const;
const SCOPES = wordTable<TimelineScope>({
  past: 'past',
  지난: 'past',
  과거: 'past',
  upcoming: 'upcoming',
  next: 'upcoming',
  future: 'upcoming',
  다가오는: 'upcoming',
  예정: 'upcoming',
  앞으로: 'upcoming',
});

export interface TimelineArgs {
  scope: TimelineScope;
  count?: number;
}

export const aiTimeline = defineCommand<TimelineArgs>({
  name: '/ai-timeline',
  description: {
    ko: 'AI 기본법, 예산, GPU 확보, 사업 평가 등 정책 일정을 날짜와 출처와 함께 보여 줍니다',
    en: 'Policy milestones (the AI Basic Act, budgets, GPU procurement, programme evaluations), dated and sourced',
  },
  usageHint: { ko: '[past|upcoming] [개수]', en: '[past|upcoming] [count]' },
  examples: ['', 'upcoming', 'past 3', '다가오는 5'],
  parse(input, ctx) {
    const t = messages(ctx.locale);
    let scope: TimelineScope = 'both';
    let count: number | undefined;
    for (const token of input.tokens) {
      if (SCOPES[token]) scope = SCOPES[token];
      else if (/^\d+$/.test(token)) {
        count = Number(token);
        if (count < 1 || count > MAX_COUNT) throw new UserError('bad_count', [t.timelineBadCount(MAX_COUNT)]);
      } else
        throw new UserError('unknown_term', [t.unknownTerm(echo(token)), t.timelineUsage('/ai-timeline upcoming 5')]);
    }
    return count === undefined ? { scope } : { scope, count };
  },
  // Not pure: what is past and what is upcoming depends on today.
  run: (args, ctx) =>
    buildTimeline(ctx.data, {
      scope: args.scope,
      count: args.count ?? DEFAULT_COUNT[args.scope],
      today: localDate(ctx.now, ctx.timezone),
      locale: ctx.locale,
    }),
  canonical: (args) => [args.scope === 'both' ? '' : args.scope, args.count ?? ''].filter((x) => x !== '').join(' '),
});
