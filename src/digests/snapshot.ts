import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Figure } from '../core/dataset/dataset-schema.js';
import { localizedSchema, unitSchema } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { writeFileAtomic } from '../persistence/files/atomic-write.js';

/**
 * What a digest showed, kept so the next digest can say what changed: for each figure, enough to print its old
 * value with its source even after the figure is gone. Snapshots are content-addressed, so channels that saw
 * the same data share one file.
 */

export const fingerprintSchema = z.strictObject({
  value: z.union([z.number(), z.string()]),
  unit: unitSchema,
  rank: z.number().nullable(),
  rankOf: z.number().nullable(),
  rankScope: localizedSchema.nullable(),
  period: localizedSchema,
  metric: localizedSchema,
  entity: localizedSchema,
  country: z.string().nullable(),
  source: z.strictObject({ url: z.string(), publisher: z.string() }),
});
export type Fingerprint = z.infer<typeof fingerprintSchema>;
export const snapshotSchema = z.record(z.string(), fingerprintSchema);
export type Snapshot = z.infer<typeof snapshotSchema>;

export function fingerprint(figure: Figure): Fingerprint {
  const { value, unit, rank, rankOf, rankScope, period, metric, entity, country, source } = figure;
  return {
    value,
    unit,
    rank,
    rankOf,
    rankScope,
    period,
    metric,
    entity,
    country,
    source: { url: source.url, publisher: source.publisher },
  };
}

export function snapshotOf(view: DatasetView): Snapshot {
  return Object.fromEntries(view.allFigures().map((f) => [f.id, fingerprint(f)]));
}

export function snapshotHash(snapshot: Snapshot): string {
  const keys = Object.keys(snapshot).sort();
  const canonical = JSON.stringify(keys.map((k) => [k, snapshot[k]]));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

export type Change =
  | { kind: 'added'; id: string; after: Fingerprint }
  | { kind: 'removed'; id: string; before: Fingerprint }
  | { kind: 'changed'; id: string; before: Fingerprint; after: Fingerprint };

function differs(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.value !== b.value ||
    a.rank !== b.rank ||
    a.rankOf !== b.rankOf ||
    a.period.en !== b.period.en ||
    a.unit.code !== b.unit.code ||
    a.source.url !== b.source.url
  );
}

/** Figures added, removed or changed (value, rank, field, period, unit or source) between two snapshots. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const [id, now] of Object.entries(after)) {
    const was = before[id];
    if (!was) changes.push({ kind: 'added', id, after: now });
    else if (differs(was, now)) changes.push({ kind: 'changed', id, before: was, after: now });
  }
  for (const [id, was] of Object.entries(before)) {
    if (!after[id]) changes.push({ kind: 'removed', id, before: was });
  }
  return changes;
}

/** Where snapshot texts live: files in DATA_DIR/digest-snapshots, or a PostgreSQL table. */
export interface SnapshotBlobs {
  /** Stores the text under its hash unless it is there already. */
  put(hash: string, text: string): Promise<void>;
  get(hash: string): Promise<string | null>;
}

export class FileSnapshotBlobs implements SnapshotBlobs {
  constructor(private readonly dir: string) {}

  async put(hash: string, text: string): Promise<void> {
    const path = join(this.dir, `${hash}.json`);
    const exists = await readFile(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, text);
    }
  }

  async get(hash: string): Promise<string | null> {
    return readFile(join(this.dir, `${hash}.json`), 'utf8').catch(() => null);
  }
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
