import { join } from 'node:path';
import {
  type Subscription,
  type SubscriptionsFile,
  subscriptionsFileSchema,
} from '../../core/records/digest-records.js';
import type { SubscriptionStore } from '../../digests/subscriptions.js';
import { StateFile } from './state-file.js';

/** Subscriptions in DATA_DIR/subscriptions.json. */
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
