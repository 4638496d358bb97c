import { describe, expect, it } from 'vitest';
import { localDate, localTime } from '../../../src/core/i18n/time.js';
import { planDue } from '../../../src/digests/plan.js';
import { cronPattern, latestSlot, nextSlots, slotsBetween } from '../../../src/digests/schedule.js';
import { subscription } from '../../helpers/digest-harness.js';

describe('schedules', () => {
  it('writes cron patterns for each frequency', () => {
    expect(cronPattern(subscription('C1'))).toBe('0 9 * * 1');
    expect(cronPattern(subscription('C1', { days: ['mon', 'thu'], time: '08:30' }))).toBe('30 8 * * 1,4');
    expect(cronPattern(subscription('C1', { frequency: 'weekdays', days: [] }))).toBe('0 9 * * 1-5');
    expect(cronPattern(subscription('C1', { frequency: 'daily', days: [], time: '23:05' }))).toBe('5 23 * * *');
  });

  it('runs Asia/Seoul Monday 09:00 at Monday 00:00 UTC, every week for two years', () => {
    const slots = nextSlots(subscription('C1'), new Date('2026-01-01T00:00:00Z'), 104);
    expect(slots).toHaveLength(104);
    for (const slot of slots) {
      expect(slot.getUTCDay()).toBe(1);
      expect(slot.toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
  });

  it.each([
    ['spring forward', '2026-03-01T12:00:00Z', '2026-03-15T12:00:00Z'],
    ['fall back', '2026-10-25T12:00:00Z', '2026-11-08T12:00:00Z'],
  ])('fires America/New_York daily 09:00 once per local day at 09:00 local across %s', (_name, from, to) => {
    const ny = subscription('C1', { frequency: 'daily', days: [], timezone: 'America/New_York' });
    const slots = slotsBetween(ny, new Date(from), new Date(to));
    const days = slots.map((s) => localDate(s, 'America/New_York'));
    expect(new Set(days).size).toBe(days.length);
    expect(days).toHaveLength(14);
    for (const s of slots) expect(localTime(s, 'America/New_York')).toBe('09:00');
  });

  it.each([
    ['spring forward', '2026-03-06T12:00:00Z', '2026-03-11T12:00:00Z'],
    ['fall back', '2026-10-30T12:00:00Z', '2026-11-04T12:00:00Z'],
  ])(
    'fires a 02:30 New York schedule once per local day across %s (no double run in the repeated hour)',
    (_n, from, to) => {
      const ny = subscription('C1', { frequency: 'daily', days: [], time: '02:30', timezone: 'America/New_York' });
      const days = slotsBetween(ny, new Date(from), new Date(to)).map((s) => localDate(s, 'America/New_York'));
      expect(new Set(days).size).toBe(days.length);
      expect(days).toHaveLength(5);
    },
  );

  it('finds the latest slot at or before an instant', () => {
    const sub = subscription('C1');
    expect(latestSlot(sub, new Date('2026-11-30T00:00:00Z'))?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(latestSlot(sub, new Date('2026-11-29T23:59:59Z'))?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(latestSlot(sub, new Date('2026-12-03T10:00:00Z'))?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});

describe('planDue', () => {
  const options = { graceMs: 6 * 3600_000, lateAfterMs: 5 * 60_000 };

  it('is due on time, late within the grace window, missed beyond it', () => {
    const sub = subscription('C1');
    expect(planDue([sub], new Date('2026-11-30T00:01:00Z'), options).due[0]).toMatchObject({ late: false });
    expect(planDue([sub], new Date('2026-11-30T05:59:00Z'), options).due[0]).toMatchObject({ late: true });
    const beyond = planDue([sub], new Date('2026-11-30T06:01:00Z'), options);
    expect(beyond.due).toEqual([]);
    expect(beyond.decided[0]).toMatchObject({ state: 'missed', reason: 'outside_grace' });
  });

  it('only ever offers the latest slot, however long the outage', () => {
    const { due } = planDue([subscription('C1')], new Date('2026-11-30T01:00:00Z'), options);
    expect(due.map((d) => d.slot.toISOString())).toEqual(['2026-11-30T00:00:00.000Z']);
  });

  it('skips listed local dates and paused subscriptions', () => {
    const skipped = planDue(
      [subscription('C1', { skipDates: ['2026-11-30'] })],
      new Date('2026-11-30T00:01:00Z'),
      options,
    );
    expect(skipped.decided[0]).toMatchObject({ state: 'skipped', reason: 'skip_date' });
    const paused = subscription('C1', { paused: { reason: 'is_archived', since: '2026-11-01T00:00:00.000Z' } });
    expect(planDue([paused], new Date('2026-11-30T00:01:00Z'), options)).toEqual({ due: [], decided: [] });
  });
});
