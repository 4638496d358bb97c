import type { Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { countryName } from '../core/dataset/names.js';
import type { Locale } from '../core/i18n/locale.js';
import type { Logger } from '../core/logger.js';
import type { BriefResult } from '../core/records/brief-records.js';
import { keyOf } from '../core/vocabulary/terms.js';
import { type AnswerCache, MemoryAnswerCache } from './answer-cache.js';
import type { Briefer } from './openai-briefer.js';
import { renderSentences } from './render-sentences.js';
import { MemoryUsageMeter, type UsageMeter } from './usage.js';
import { verifyAnswer } from './verifier.js';

/**
 * The grounded-briefing engine shared by /ai-brief, the digest summary and the assistant panel: limits and cache,
 * one model call, verification, rendering. It never throws; every failure is a reason for the fallback.
 */

/** What `ask` returns (a shape the briefings lay out, so it lives in core). */
export type EngineResult = BriefResult;

export interface EngineLimits {
  /** Model calls per user per hour. */
  perUserPerHour: number;
  /** Model calls per day (UTC) for the whole bot. */
  dailyBudget: number;
  cacheTtlMs: number;
}

export const DEFAULT_LIMITS: EngineLimits = { perUserPerHour: 20, dailyBudget: 500, cacheTtlMs: 60 * 60_000 };

export interface AskInput {
  question: string;
  locale: Locale;
  view: DatasetView;
  figures: readonly Figure[];
  userId?: string;
}

/** State a deployment may share between replicas (PostgreSQL); in memory for one process. */
export interface EngineState {
  /** Where calls are counted against the limits. */
  usage?: UsageMeter;
  /** Where verified answers are kept for the cache's time. */
  answers?: AnswerCache;
}

export class BriefEngine {
  private readonly usage: UsageMeter;
  private readonly answers: AnswerCache;

  constructor(
    private readonly briefer: Briefer | null,
    private readonly logger: Logger,
    private readonly limits: EngineLimits = DEFAULT_LIMITS,
    private readonly clock: () => Date = () => new Date(),
    state: EngineState = {},
  ) {
    this.usage = state.usage ?? new MemoryUsageMeter();
    this.answers = state.answers ?? new MemoryAnswerCache();
  }

  get enabled(): boolean {
    return this.briefer !== null;
  }

  get model(): string {
    return this.briefer?.model ?? '';
  }

  async ask(input: AskInput): Promise<EngineResult> {
    if (!this.briefer) return { kind: 'fallback', reason: 'off', ms: 0 };
    if (input.figures.length === 0) return { kind: 'fallback', reason: 'no_data', ms: 0 };
    const key = `${keyOf(input.question)}|${input.view.version}|${input.locale}|${input.figures.map((f) => f.id).join(',')}`;
    const now = this.clock().getTime();
    // A cache that cannot be read is a miss: the answer still comes, at the cost of a model call.
    const hit = await this.answers.get(key, now, this.limits.cacheTtlMs).catch(() => undefined);
    if (hit) return { kind: 'brief', ...hit, cached: true };
    const refused = await this.usage.spend(input.userId ?? 'anonymous', now, this.limits).catch(() => 'unavailable');
    if (refused) return { kind: 'fallback', reason: refused, ms: 0 };
    const names = new Map(
      input.figures.map((f) => [
        f.id,
        f.country ? countryName(input.view, f.country, input.locale) : f.entity[input.locale],
      ]),
    );
    const outcome = await this.briefer.ask({
      question: input.question,
      locale: input.locale,
      figures: input.figures,
      names,
    });
    if (!outcome.ok) {
      this.logger.warn('llm brief failed', { reason: outcome.reason, ms: outcome.ms });
      return { kind: 'fallback', reason: outcome.reason, ms: outcome.ms };
    }
    if (!outcome.answer.answerable) return { kind: 'fallback', reason: 'unanswerable', ms: outcome.ms };
    const verified = verifyAnswer(
      outcome.answer,
      input.figures.map((f) => f.id),
    );
    for (const r of verified.rejected) {
      this.logger.warn('llm sentence rejected', { reason: r.reason, token: r.detail.slice(0, 40) });
    }
    if (verified.kept.length === 0) return { kind: 'fallback', reason: 'all_rejected', ms: outcome.ms };
    const result = {
      kind: 'brief' as const,
      text: renderSentences(input.view, verified.kept, input.locale),
      model: outcome.model,
      ms: outcome.ms,
      cached: false,
    };
    await this.answers
      .set(key, { text: result.text, model: result.model, ms: result.ms }, now)
      .catch((error: unknown) => this.logger.warn('llm answer not cached', { error: String(error) }));
    return result;
  }
}
