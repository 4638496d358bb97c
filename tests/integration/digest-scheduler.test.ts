import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextSlots } from '../../src/digests/schedule.js';
import { DigestScheduler } from '../../src/digests/scheduler.js';
import { digestHarness, subscribe, subscription } from '../helpers/digest-harness.js';
import type { FakeSlack } from '../helpers/fake-slack.js';

const fakes: FakeSlack[] = [];
const schedulers: DigestScheduler[] = [];
afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((s) => s.stop(1000)));
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

async function setup(now = new Date()) {
  const h = await digestHarness();
  fakes.push(h.slack);
  h.setNow(now);
  const scheduler = new DigestScheduler(h.service.runner, h.service.subscriptions, h.logger, () => now);
  schedulers.push(scheduler);
  return { ...h, scheduler };
}

describe('DigestScheduler', () => {
  it('catches up at start, once, and overlapping wake-ups post nothing twice', async () => {
    const { service, slack, scheduler } = await setup(new Date('2026-11-30T00:30:00Z'));
    await subscribe(service, subscription('C0AAA'));
    await scheduler.start();
    await Promise.all([scheduler.run(), scheduler.run(['C0AAA']), scheduler.run()]);
    expect(slack.posts('C0AAA')).toHaveLength(1);
  });

  it('keeps one job per subscription in its time zone, following subscribe and unsubscribe', async () => {
    const now = new Date();
    const { service, scheduler } = await setup(now);
    await scheduler.start();
    const paris = subscription('C0PAR', { timezone: 'Europe/Paris', frequency: 'daily', days: [], time: '07:15' });
    await subscribe(service, paris);
    await scheduler.reload();
    expect(scheduler.nextRun('C0PAR')?.toISOString()).toBe(nextSlots(paris, new Date(), 1)[0]?.toISOString());
    await service.subscriptions.change('C0PAR', () => undefined);
    await scheduler.reload();
    expect(scheduler.nextRun('C0PAR')).toBeNull();
  });

  it('logs a failing run and carries on', async () => {
    const { service, scheduler, dataDir, logger } = await setup(new Date('2026-11-30T00:30:00Z'));
    await subscribe(service, subscription('C0AAA'));
    writeFileSync(join(dataDir, 'subscriptions.json'), '{ not json');
    await expect(scheduler.run()).resolves.toBeUndefined();
    expect(logger.entries.some((e) => e.level === 'error' && e.message === 'digest run failed')).toBe(true);
  });

  it('fires at the scheduled minute through croner and posts once', async () => {
    const h = await digestHarness();
    fakes.push(h.slack);
    const scheduler = new DigestScheduler(h.service.runner, h.service.subscriptions, h.logger);
    schedulers.push(scheduler);
    h.setNow(new Date());
    const next = new Date(Math.ceil((Date.now() + 1000) / 60_000) * 60_000);
    const time = `${String(next.getUTCHours()).padStart(2, '0')}:${String(next.getUTCMinutes()).padStart(2, '0')}`;
    await subscribe(h.service, subscription('C0TICK', { frequency: 'daily', days: [], time, timezone: 'UTC' }));
    await scheduler.start();
    expect(h.slack.posts()).toHaveLength(0);
    const deadline = next.getTime() + 15_000;
    while (Date.now() < deadline && h.slack.posts('C0TICK').length === 0) {
      h.setNow(new Date());
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(h.slack.posts('C0TICK')).toHaveLength(1);
    expect(h.slack.posts('C0TICK')[0]?.metadata?.event_payload.slot_key).toBe(`C0TICK@${next.toISOString()}`);
  }, 90_000);
});
