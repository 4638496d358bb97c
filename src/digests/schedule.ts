import { Cron } from 'croner';
import type { Subscription, Weekday } from '../core/records/digest-records.js';
import { WEEKDAYS } from '../core/records/digest-records.js';

/** When a subscription runs, as pure functions of the subscription and an instant. */

type Schedule = Pick<Subscription, 'frequency' | 'days' | 'time' | 'timezone'>;

export function cronPattern(schedule: Schedule): string {
  const [hour, minute] = schedule.time.split(':').map(Number);
  const days =
    schedule.frequency === 'daily'
      ? '*'
      : schedule.frequency === 'weekdays'
        ? '1-5'
        : schedule.days.map((d) => WEEKDAYS.indexOf(d)).join(',');
  return `${minute} ${hour} * * ${days}`;
}

function cron(schedule: Schedule): Cron {
  return new Cron(cronPattern(schedule), { timezone: schedule.timezone, paused: true });
}

/** The next `n` slots strictly after `from`. */
export function nextSlots(schedule: Schedule, from: Date, n: number): Date[] {
  return cron(schedule).nextRuns(n, from);
}

/** The latest slot at or before `at`, or null if the schedule has none. */
export function latestSlot(schedule: Schedule, at: Date): Date | null {
  // croner excludes a run in the same millisecond as the reference, so look from just after `at`.
  const [slot] = cron(schedule).previousRuns(1, new Date(at.getTime() + 1000));
  return slot && slot.getTime() <= at.getTime() ? slot : null;
}

/** Slots in (after, upTo], oldest first, at most `limit`: what a long outage missed. */
export function slotsBetween(schedule: Schedule, after: Date, upTo: Date, limit = 1000): Date[] {
  const job = cron(schedule);
  const out: Date[] = [];
  let cursor = after;
  while (out.length < limit) {
    const [next] = job.nextRuns(1, cursor);
    if (!next || next.getTime() > upTo.getTime()) break;
    out.push(next);
    cursor = next;
  }
  return out;
}

export function weekdaysOf(schedule: Schedule): readonly Weekday[] {
  if (schedule.frequency === 'daily') return WEEKDAYS;
  if (schedule.frequency === 'weekdays') return ['mon', 'tue', 'wed', 'thu', 'fri'];
  return schedule.days;
}
