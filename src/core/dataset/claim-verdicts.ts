import type { Claim, ClaimCheck, ClaimPart, Figure } from './dataset-schema.js';
import { claimFigures } from './dataset-schema.js';
import type { DatasetView } from './dataset-view.js';
import { latestOf } from './editions.js';

/**
 * A claim part's verdict, computed from the figures it cites: consistent when the measure matches what was claimed,
 * inconsistent when it does not, outdated when it matched at the time but the figure that says how things stand
 * now (a newer figure, or the part's `current`) no longer does, unverifiable when a cited figure has no value.
 */
export type Verdict = 'consistent' | 'inconsistent' | 'outdated' | 'unverifiable';

export interface PartVerdict {
  part: ClaimPart;
  verdict: Verdict;
  /** What the data measures for the part: the rank, the value or the computed ratio. */
  measured: number | null;
  /** The figures the measure uses, then the figure for "now" when it differs. */
  figures: Figure[];
  /** The figure that says how things stand now, when the claim has been overtaken. */
  now: Figure | null;
}

/** Two values agree when they round to the same figure at the claimed precision (1.4 ≈ 1.43 is not enough). */
function agrees(measured: number, claimed: number): boolean {
  return Math.abs(measured - claimed) <= Math.max(Math.abs(claimed) * 0.005, 1e-9);
}

function measure(check: ClaimCheck, figures: readonly Figure[]): number | null {
  const [a, b] = figures;
  if (check.kind === 'rank') return a?.rank ?? null;
  if (check.kind === 'value') return typeof a?.value === 'number' ? a.value : null;
  const x = typeof a?.value === 'number' ? a.value : null;
  const y = typeof b?.value === 'number' ? b.value : null;
  return x !== null && y !== null && y !== 0 ? x / y : null;
}

function matches(check: ClaimCheck, measured: number): boolean {
  if (check.kind === 'ratio') return measured >= check.claimed.min && measured <= check.claimed.max;
  return agrees(measured, check.claimed);
}

/** The figure that says how things stand now: the part's `current`, else the newest update of the measured figure. */
function nowFigure(view: DatasetView, part: ClaimPart, measuredFigure: Figure | undefined): Figure | null {
  const current = part.current ? view.figure(part.current) : undefined;
  if (current) return current;
  if (!measuredFigure || part.check.kind === 'ratio') return null;
  const latest = latestOf(view, measuredFigure);
  return latest.id === measuredFigure.id ? null : latest;
}

export function judgePart(view: DatasetView, part: ClaimPart): PartVerdict {
  const figures = claimFigures(part.check).flatMap((id) => view.figure(id) ?? []);
  const measured = figures.length === claimFigures(part.check).length ? measure(part.check, figures) : null;
  const now = nowFigure(view, part, figures[0]);
  if (measured === null) return { part, verdict: 'unverifiable', measured, figures, now };
  if (!matches(part.check, measured)) return { part, verdict: 'inconsistent', measured, figures, now };
  const nowValue = now ? measure(part.check, [now]) : null;
  const overtaken = now !== null && (nowValue === null || !matches(part.check, nowValue));
  return { part, verdict: overtaken ? 'outdated' : 'consistent', measured, figures, now };
}

export function judgeClaim(view: DatasetView, claim: Claim): PartVerdict[] {
  return claim.parts.map((part) => judgePart(view, part));
}

/** Claims any of whose parts cite one of these figures (measured or "now"). */
export function claimsAbout(view: DatasetView, figureIds: ReadonlySet<string>): Claim[] {
  return (view.dataset().claims ?? []).filter((claim) =>
    claim.parts.some((p) => [...claimFigures(p.check), p.current].some((id) => id !== undefined && figureIds.has(id))),
  );
}
