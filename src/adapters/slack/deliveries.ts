/**
 * Slack delivers an event again when an acknowledgement was slow (x-slack-retry-num), and behind a load balancer
 * the retry, or a replayed button press, may reach another replica. The first delivery of an id is handled; later
 * ones are acknowledged and dropped.
 */
export interface Deliveries {
  /** True the first time `id` is seen (by any replica sharing this store). */
  first(id: string): Promise<boolean>;
}

const KEEP = 10_000;

/** One process: the ids seen lately, in memory. */
export class MemoryDeliveries implements Deliveries {
  private readonly seen = new Set<string>();

  async first(id: string): Promise<boolean> {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > KEEP) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }
}

/**
 * The id of a delivery that may arrive twice: the Events API's event_id, or the trigger_id Slack mints for each
 * slash command, button press and modal submission (a press replayed by a proxy or a load balancer carries the
 * same one; a second press by the user does not).
 */
export function deliveryId(body: unknown): string | null {
  const b = body as { event_id?: unknown; team_id?: unknown; trigger_id?: unknown };
  if (typeof b.event_id === 'string') return `event:${String(b.team_id ?? '')}:${b.event_id}`;
  if (typeof b.trigger_id === 'string' && b.trigger_id !== '') return `trigger:${b.trigger_id}`;
  return null;
}

const LOOKUP_DEADLINE_MS = 1000;

/**
 * Whether to handle a delivery. The lookup must not cost Slack's three-second acknowledgement: when the store is
 * slow or unreachable the delivery is handled (a rare duplicate answer beats a lost one).
 */
export async function isFirstDelivery(deliveries: Deliveries, id: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), LOOKUP_DEADLINE_MS);
  });
  try {
    return await Promise.race([deliveries.first(id).catch(() => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
