import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Figure } from './dataset-schema.js';
import { localizedSchema, unitSchema } from './dataset-schema.js';
import type { DatasetView } from './dataset-view.js';

/**
 * What a digest showed, kept so the next digest can say what changed: for each figure, enough to print its old
 * value with its source even after the figure is gone. Snapshots are content-addressed, so channels that saw
 * the same data share one file.
 */

export const fingerprintSchema = z.strictObject({
  value: z.union([z.number(), z.string()]).nullable(),
  unit: unitSchema,
  rank: z.number().nullable(),
  rankOf: z.number().nullable(),
  rankScope: localizedSchema.nullable(),
  period: localizedSchema,
  metric: localizedSchema,
  entity: localizedSchema,
  country: z.string().nullable(),
  source: z.strictObject({ url: z.string(), publisher: z.string(), shortName: localizedSchema.optional() }),
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
    source: {
      url: source.url,
      publisher: source.publisher,
      ...(source.shortName ? { shortName: source.shortName } : {}),
    },
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
