import type { Figure } from '../dataset/dataset-schema.js';

/** A verified LLM answer, rendered: what the engine returns and the brief briefings lay out. */
export interface RenderedText {
  /** One mrkdwn paragraph per sentence, with markers. */
  sentences: string[];
  /** The cited figures, in marker order. */
  cited: Figure[];
  /** Every value the renderer inserted (for the evaluation's uncited-number count). */
  inserted: string[];
}

/** The engine's answer: a verified brief, or why there is none (off, no data, timeout, limits …). */
export type BriefResult =
  | { kind: 'brief'; text: RenderedText; model: string; ms: number; cached: boolean }
  | { kind: 'fallback'; reason: string; ms: number };
