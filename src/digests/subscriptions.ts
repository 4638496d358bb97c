import type { Subscription } from '../core/records/digest-records.js';

/** Which channels get a digest, on what schedule. */
export interface SubscriptionStore {
  list(): Promise<Subscription[]>;
  get(channelId: string): Promise<Subscription | undefined>;
  /** Replaces one channel's subscription with what `change` returns (undefined removes it), atomically. */
  change(
    channelId: string,
    change: (current: Subscription | undefined) => Subscription | undefined,
  ): Promise<Subscription | undefined>;
}
