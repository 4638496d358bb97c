/** Hangul syllables decomposed into jamo, so that "한국" and "한굮" are one edit apart rather than two words apart. */
function letters(text: string): string[] {
  return Array.from(text.normalize('NFD'));
}

/** Optimal-string-alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = letters(a);
  const y = letters(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[y.length] ?? 0;
}

export interface Candidate {
  /** What the user's text is compared with (normalised). */
  key: string;
  /** What the suggestion shows. */
  label: string;
}

/** Up to `limit` distinct labels whose keys are close to `term` or start with it, closest first. */
export function nearest(term: string, candidates: readonly Candidate[], limit = 3): string[] {
  const budget = Math.max(1, Math.floor(letters(term).length / 3));
  const scored = candidates
    .map((c) => {
      const prefixed = c.key.startsWith(term) || (c.key.length >= 3 && term.startsWith(c.key));
      const prefix = term.length >= 2 && prefixed ? 0.5 : Number.POSITIVE_INFINITY;
      return { label: c.label, score: Math.min(prefix, editDistance(term, c.key, budget)) };
    })
    .filter((s) => s.score <= budget)
    .sort((a, b) => a.score - b.score);
  return [...new Set(scored.map((s) => s.label))].slice(0, limit);
}
