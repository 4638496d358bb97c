import type { Figure, PolicyEvent, Series } from './dataset-schema.js';
import type { DatasetView } from './dataset-view.js';

/**
 * How current the data is: when a figure's source was published, the newest such date among the figures an answer
 * shows, whether a series is probably out of date, and what became of a planned event by today.
 */

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD": the first date the source's publication field gives, or null. */
export function sourceDate(figure: Pick<Figure, 'source'>): string | null {
  const match = /\b(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?\b/.exec(figure.source.publishedOn ?? '');
  if (!match) return null;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

/** The newest source date among the figures, or null when none of them is dated. */
export function newestSourceDate(figures: readonly Pick<Figure, 'source'>[]): string | null {
  let newest: string | null = null;
  for (const f of figures) {
    const date = sourceDate(f);
    // A fuller date of the same month or year is newer information than the month or year alone.
    if (date !== null && (newest === null || date > newest)) newest = date;
  }
  return newest;
}

/** The last day a partial date can mean: "2026-08" → 2026-08-31, "2027" → 2027-12-31. */
export function endOf(date: string): string {
  const [y = '0', m, d] = date.split('-');
  if (d) return date;
  if (!m) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, '0')}`;
}

/** Months from a partial date's end to today (negative when it lies ahead). */
function monthsSince(date: string, today: string): number {
  const [y1 = 0, m1 = 0] = endOf(date).split('-').map(Number);
  const [y2 = 0, m2 = 0] = today.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

/** How many months after its newest source a series of this cadence is probably out of date. */
const STALE_AFTER: Record<NonNullable<Series['cadence']>, number | null> = {
  yearly: 12,
  'half-yearly': 6,
  quarterly: 4,
  irregular: null,
};

/**
 * Whether a newer edition has probably been published since the newest source the series holds: the source
 * publishes on a cadence and that much time (a year for a yearly index) has passed.
 */
export function isProbablyStale(view: DatasetView, series: Series, today: string): boolean {
  const limit = series.cadence ? STALE_AFTER[series.cadence] : null;
  if (limit === null) return false;
  const newest = newestSourceDate(view.observations(series.id));
  return newest !== null && monthsSince(newest, today) > limit;
}

export type EventState = 'happened' | 'happened_differently' | 'scheduled' | 'overdue';

/**
 * What the data says became of an event by `today` (YYYY-MM-DD): happened, happened otherwise, still scheduled, or
 * scheduled with its date past and no report of the outcome. An event without a status is never taken as done.
 */
export function eventState(event: PolicyEvent, today: string): EventState {
  const status = event.status ?? 'scheduled';
  if (status !== 'scheduled') return status;
  return endOf(event.date) < today ? 'overdue' : 'scheduled';
}
