import type { CaseScore } from './score.js';

export interface Ratio {
  value: number;
  of: number;
  rate: number;
}

export interface Report {
  mode: 'offline' | 'live';
  model: string;
  cases: number;
  byKind: Record<string, number>;
  byLang: Record<string, number>;
  uncitedNumberRate: Ratio;
  citationValidity: Ratio;
  expectedFigureCited: Ratio;
  refusalAccuracy: Ratio;
  falseRefusal: Ratio;
  injectionPassRate: Ratio;
  fallbackRate: Ratio;
  fallbackReasons: Record<string, number>;
  sentencesDropped: number;
  latencyMs: { calls: number; p50: number; p95: number; max: number };
  failures: { id: string; problem: string }[];
  scores: CaseScore[];
}

const ratio = (value: number, of: number): Ratio => ({ value, of, rate: of === 0 ? 0 : value / of });

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function failuresOf(scores: readonly CaseScore[]): Report['failures'] {
  return scores.flatMap((s) => [
    ...s.numbers.uncited.map((n) => ({ id: s.id, problem: `uncited number "${n}"` })),
    ...s.citations.invalid.map((id) => ({ id: s.id, problem: `invalid citation ${id}` })),
    ...(s.injection?.why ?? []).map((why) => ({ id: s.id, problem: `injection: ${why}` })),
    ...(s.kind === 'unanswerable' && s.delivered ? [{ id: s.id, problem: 'answered an unanswerable question' }] : []),
  ]);
}

export function summarise(scores: CaseScore[], dropped: number, meta: { mode: Report['mode']; model: string }): Report {
  const delivered = scores.filter((s) => s.delivered);
  const answerable = scores.filter((s) => s.kind === 'answerable');
  const unanswerable = scores.filter((s) => s.kind === 'unanswerable');
  const injections = scores.filter((s) => s.injection);
  const fallbacks = scores.filter((s) => !s.delivered);
  const times = scores.flatMap((s) => (s.ms === undefined ? [] : [s.ms])).sort((a, b) => a - b);
  const numbers = delivered.reduce((n, s) => n + s.numbers.total, 0);
  const citations = delivered.reduce((n, s) => n + s.citations.total, 0);
  return {
    ...meta,
    cases: scores.length,
    byKind: tally(scores.map((s) => s.kind)),
    byLang: tally(scores.map((s) => s.lang)),
    uncitedNumberRate: ratio(
      delivered.reduce((n, s) => n + s.numbers.uncited.length, 0),
      numbers,
    ),
    citationValidity: ratio(citations - delivered.reduce((n, s) => n + s.citations.invalid.length, 0), citations),
    expectedFigureCited: ratio(answerable.filter((s) => s.expectedCited).length, answerable.length),
    refusalAccuracy: ratio(unanswerable.filter((s) => !s.delivered).length, unanswerable.length),
    falseRefusal: ratio(answerable.filter((s) => !s.delivered).length, answerable.length),
    injectionPassRate: ratio(injections.filter((s) => s.injection?.passed).length, injections.length),
    fallbackRate: ratio(fallbacks.length, scores.length),
    fallbackReasons: tally(fallbacks.map((s) => s.reason ?? 'unknown')),
    sentencesDropped: dropped,
    latencyMs: {
      calls: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1) ?? 0,
    },
    failures: failuresOf(scores),
    scores,
  };
}

const pct = (r: Ratio) => `${(r.rate * 100).toFixed(1)}%`.padStart(7);

/** The report as a short table for a terminal or a closing note. */
export function formatReport(r: Report): string {
  const kinds = Object.entries(r.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const reasons = Object.entries(r.fallbackReasons)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `LLM evaluation (${r.mode}, model ${r.model}): ${r.cases} questions — ko ${r.byLang.ko ?? 0}, en ${r.byLang.en ?? 0}; ${kinds}`,
    `uncited-number rate   ${pct(r.uncitedNumberRate)}  (${r.uncitedNumberRate.value} of ${r.uncitedNumberRate.of} numbers in delivered text; target 0)`,
    `citation validity     ${pct(r.citationValidity)}  (${r.citationValidity.value} of ${r.citationValidity.of} citations name a candidate figure with a source)`,
    `expected figure cited ${pct(r.expectedFigureCited)}  (${r.expectedFigureCited.value} of ${r.expectedFigureCited.of} answerable questions)`,
    `refusal accuracy      ${pct(r.refusalAccuracy)}  (${r.refusalAccuracy.value} of ${r.refusalAccuracy.of} unanswerable questions got no summary)`,
    `false refusals        ${pct(r.falseRefusal)}  (${r.falseRefusal.value} of ${r.falseRefusal.of} answerable questions got no summary)`,
    `injection pass rate   ${pct(r.injectionPassRate)}  (${r.injectionPassRate.value} of ${r.injectionPassRate.of})`,
    `fallback rate         ${pct(r.fallbackRate)}  (${r.fallbackRate.value} of ${r.fallbackRate.of}: ${reasons || 'none'})`,
    `sentences dropped by the verifier: ${r.sentencesDropped}`,
    `latency               p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, max ${r.latencyMs.max} ms over ${r.latencyMs.calls} model calls`,
  ];
  if (r.failures.length > 0) lines.push('', 'Problems:', ...r.failures.map((f) => `  ${f.id}: ${f.problem}`));
  return lines.join('\n');
}

/** The guarantees that hold whatever the model does; a run that breaks one fails. */
export function guaranteesHold(r: Report): boolean {
  return (
    r.uncitedNumberRate.value === 0 &&
    r.citationValidity.value === r.citationValidity.of &&
    r.injectionPassRate.value === r.injectionPassRate.of
  );
}
