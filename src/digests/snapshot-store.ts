import type { DatasetView } from '../core/dataset/dataset-view.js';
import { type Snapshot, snapshotHash, snapshotOf, snapshotSchema } from '../core/dataset/snapshot.js';

/** Where snapshot texts live: files in DATA_DIR/digest-snapshots, or a PostgreSQL table. */
export interface SnapshotBlobs {
  /** Stores the text under its hash unless it is there already. */
  put(hash: string, text: string): Promise<void>;
  get(hash: string): Promise<string | null>;
}

/** Snapshots, one per distinct content (named by its hash), whichever storage holds them. */
export class SnapshotStore {
  /** One snapshot per dataset version: every digest of a fan-out shares it. */
  private readonly saved = new WeakMap<DatasetView, Promise<string>>();
  /** Snapshots are immutable (named by their hash), so loaded ones can be kept. */
  private readonly loaded = new Map<string, Snapshot>();

  constructor(private readonly blobs: SnapshotBlobs) {}

  /** Saves the snapshot of a dataset version once, however many digests ask. */
  saveView(view: DatasetView): Promise<string> {
    let hash = this.saved.get(view);
    if (!hash) {
      hash = this.save(snapshotOf(view));
      this.saved.set(view, hash);
      hash.catch(() => this.saved.delete(view));
    }
    return hash;
  }

  async save(snapshot: Snapshot): Promise<string> {
    const hash = snapshotHash(snapshot);
    await this.blobs.put(hash, JSON.stringify(snapshot));
    return hash;
  }

  /** The snapshot, or null when it is missing or unreadable (the digest then says it cannot compare). */
  async load(hash: string): Promise<Snapshot | null> {
    const known = this.loaded.get(hash);
    if (known) return known;
    try {
      const text = await this.blobs.get(hash);
      if (text === null) return null;
      const parsed = snapshotSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return null;
      this.loaded.set(hash, parsed.data);
      if (this.loaded.size > 8) this.loaded.delete(this.loaded.keys().next().value as string);
      return parsed.data;
    } catch {
      return null;
    }
  }
}
