import { join } from 'node:path';
import { type Subscription, type SubscriptionsFile, subscriptionsFileSchema } from '../core/records/digest-records.js';
import { StateFile } from '../persistence/files/state-file.js';

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

export class FileSubscriptionStore implements SubscriptionStore {
  private readonly file: StateFile<SubscriptionsFile>;

  constructor(dataDir: string) {
    this.file = new StateFile(join(dataDir, 'subscriptions.json'), subscriptionsFileSchema, () => ({
      schemaVersion: 1,
      subscriptions: [],
    }));
  }

  async list(): Promise<Subscription[]> {
    return (await this.file.read()).subscriptions;
  }

  async get(channelId: string): Promise<Subscription | undefined> {
    return (await this.list()).find((s) => s.channelId === channelId);
  }

  change(
    channelId: string,
    change: (current: Subscription | undefined) => Subscription | undefined,
  ): Promise<Subscription | undefined> {
    return this.file.update((draft) => {
      const current = draft.subscriptions.find((s) => s.channelId === channelId);
      const next = change(current ? structuredClone(current) : undefined);
      draft.subscriptions = draft.subscriptions.filter((s) => s.channelId !== channelId);
      if (next) draft.subscriptions.push(next);
      draft.subscriptions.sort((a, b) => a.channelId.localeCompare(b.channelId));
      return next;
    });
  }
}
