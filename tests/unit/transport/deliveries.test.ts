import { describe, expect, it } from 'vitest';
import { deliveryId, isFirstDelivery, MemoryDeliveries } from '../../../src/adapters/slack/deliveries.js';

describe('deliveryId', () => {
  it('names an event by team and event_id, and a command, press or submission by its trigger_id', () => {
    expect(deliveryId({ team_id: 'T1', event_id: 'Ev1', trigger_id: 'ignored' })).toBe('event:T1:Ev1');
    expect(deliveryId({ command: '/ai-rank', trigger_id: '1.2.abc' })).toBe('trigger:1.2.abc');
    expect(deliveryId({ type: 'block_actions', trigger_id: '3.4.def' })).toBe('trigger:3.4.def');
  });

  it('has nothing to name for payloads without either (view_closed, options)', () => {
    expect(deliveryId({ type: 'view_closed' })).toBeNull();
    expect(deliveryId({ trigger_id: '' })).toBeNull();
    expect(deliveryId({})).toBeNull();
  });
});

describe('isFirstDelivery', () => {
  it('is true once per id', async () => {
    const seen = new MemoryDeliveries();
    expect(await isFirstDelivery(seen, 'a')).toBe(true);
    expect(await isFirstDelivery(seen, 'a')).toBe(false);
    expect(await isFirstDelivery(seen, 'b')).toBe(true);
  });

  it('handles the delivery when the store fails or does not answer within a second', async () => {
    expect(await isFirstDelivery({ first: () => Promise.reject(new Error('down')) }, 'x')).toBe(true);
    const started = Date.now();
    expect(await isFirstDelivery({ first: () => new Promise(() => {}) }, 'y')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
