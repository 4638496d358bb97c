import { localDate } from '../core/i18n/time.js';
import type { Subscription } from '../core/records/digest-records.js';
import { cronPattern, latestSlot } from './schedule.js';

/** Which subscriptions are due at an instant, as a pure function of the subscriptions and the instant. */

export interface DueSlot {
  subscription: Subscription;
  slot: Date;
  late: boolean;
}

export interface DecidedSlot {
  subscription: Subscription;
  slot: Date;
  state: 'missed' | 'skipped';
  reason: 'outside_grace' | 'skip_date';
}

export interface PlanOptions {
  /** How long after its slot a digest may still go out (late). */
  graceMs: number;
  /** After this long, a digest that goes out is marked late. */
  lateAfterMs: number;
}

export function scheduledKey(channelId: string, slot: Date): string {
  return `${channelId}@${slot.toISOString()}`;
}

export function planDue(subscriptions: readonly Subscription[], at: Date, options: PlanOptions) {
  const due: DueSlot[] = [];
  const decided: DecidedSlot[] = [];
  // Most channels share a handful of schedules; work each one out once.
  const slots = new Map<string, Date | null>();
  for (const subscription of subscriptions) {
    if (subscription.paused) continue;
    const schedule = `${cronPattern(subscription)} ${subscription.timezone}`;
    if (!slots.has(schedule)) slots.set(schedule, latestSlot(subscription, at));
    const slot = slots.get(schedule) ?? null;
    if (!slot) continue;
    const age = at.getTime() - slot.getTime();
    if (age > options.graceMs) decided.push({ subscription, slot, state: 'missed', reason: 'outside_grace' });
    else if (subscription.skipDates.includes(localDate(slot, subscription.timezone)))
      decided.push({ subscription, slot, state: 'skipped', reason: 'skip_date' });
    else due.push({ subscription, slot, late: age > options.lateAfterMs });
  }
  return { due, decided };
}
