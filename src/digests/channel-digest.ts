import type { KnownBlock } from '@slack/types';
import type { Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import type { Locale } from '../core/i18n/locale.js';
import type { Digest, DigestInput, Subscription } from '../core/records/digest-records.js';
import type { DigestLedger } from './ledger.js';
import type { SnapshotStore } from './snapshot-store.js';

/** Writes the digest's summary paragraph (the LLM layer); undefined when it cannot, within its timeout. */
export type DigestSummarizer = (input: {
  locale: Locale;
  view: DatasetView;
  figures: readonly Figure[];
  channelId: string;
}) => Promise<KnownBlock[] | undefined>;

/**
 * How a digest is written: the briefing builders, handed to the service by the container (the service decides
 * when and where a digest goes; the builders, what it says).
 */
export interface DigestComposer {
  build(input: DigestInput): Digest;
  /** The focus country's headline figures: what a digest summary may always cite. */
  headline(view: DatasetView, country: string): Figure[];
}

export interface ChannelDigestDeps {
  composer: DigestComposer;
  ledger: DigestLedger;
  snapshots: SnapshotStore;
  store: DatasetStore;
  focusCountry: string;
  summarize?: DigestSummarizer;
}

/** A channel's digest, measured against what its previous posted digest showed. */
export async function buildChannelDigest(
  deps: ChannelDigestDeps,
  sub: Subscription,
  at: { slot: Date; now: Date; late: boolean },
  ownKey?: string,
  summary?: KnownBlock[],
): Promise<Digest> {
  const history = await deps.ledger.forChannel(sub.channelId);
  const previous = history.find((e) => e.state === 'posted' && e.key !== ownKey);
  const snapshot = previous?.snapshot ? await deps.snapshots.load(previous.snapshot) : null;
  const view = deps.store.current();
  // The digest shows times to the minute, so every channel with the same language, zone and baseline gets the
  // same digest in a fan-out: build it once.
  const now = new Date(Math.floor(at.now.getTime() / 60_000) * 60_000);
  const postedAt = previous ? new Date(previous.postedAt ?? previous.slot) : null;
  const key = [deps.focusCountry, sub.locale, sub.timezone, at.slot.toISOString(), now.toISOString(), at.late]
    .concat(postedAt ? [postedAt.toISOString(), previous?.snapshot ?? 'lost'] : ['first'])
    .join('|');
  const built = summary ? undefined : memo(view).get(key);
  if (built) return built;
  const digest = deps.composer.build({
    view,
    focusCountry: deps.focusCountry,
    locale: sub.locale,
    timezone: sub.timezone,
    slot: at.slot,
    now,
    late: at.late,
    ...(summary ? { summary } : {}),
    previous: postedAt ? { postedAt, snapshot } : null,
  });
  if (!summary) remember(view, key, digest);
  return digest;
}

const built = new WeakMap<DatasetView, Map<string, Digest>>();

function memo(view: DatasetView): Map<string, Digest> {
  let digests = built.get(view);
  if (!digests) {
    digests = new Map();
    built.set(view, digests);
  }
  return digests;
}

function remember(view: DatasetView, key: string, digest: Digest): void {
  const digests = memo(view);
  digests.set(key, digest);
  if (digests.size > 64) digests.delete(digests.keys().next().value as string);
}

/** The figures a digest summary may cite: the headline figures and whatever changed. */
export function summaryFigures(digest: Digest, deps: ChannelDigestDeps, view: DatasetView): Figure[] {
  const headline = deps.composer.headline(view, deps.focusCountry);
  const changed = digest.changes
    .flatMap((c) => (c.kind === 'removed' ? [] : [view.figure(c.id)]))
    .filter((f): f is Figure => !!f);
  return [...new Map([...headline, ...changed.slice(0, 8)].map((f) => [f.id, f])).values()];
}
