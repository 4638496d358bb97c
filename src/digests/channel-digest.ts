import { buildDigest, type Digest } from '../briefings/weekly-digest.js';
import type { DatasetStore } from '../store/dataset-store.js';
import type { DigestLedger } from './ledger.js';
import type { Subscription } from './schema.js';
import type { SnapshotStore } from './snapshot.js';

export interface ChannelDigestDeps {
  ledger: DigestLedger;
  snapshots: SnapshotStore;
  store: DatasetStore;
  focusCountry: string;
}

/** A channel's digest, measured against what its previous posted digest showed. */
export async function buildChannelDigest(
  deps: ChannelDigestDeps,
  sub: Subscription,
  at: { slot: Date; now: Date; late: boolean },
  ownKey?: string,
): Promise<Digest> {
  const history = await deps.ledger.forChannel(sub.channelId);
  const previous = history.find((e) => e.state === 'posted' && e.key !== ownKey);
  const snapshot = previous?.snapshot ? await deps.snapshots.load(previous.snapshot) : null;
  return buildDigest({
    view: deps.store.current(),
    focusCountry: deps.focusCountry,
    locale: sub.locale,
    timezone: sub.timezone,
    ...at,
    previous: previous ? { postedAt: new Date(previous.postedAt ?? previous.slot), snapshot } : null,
  });
}
