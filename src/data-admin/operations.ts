import type { Dataset, Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { applyFields, type FieldValues } from '../core/dataset/figure-fields.js';
import { EditRefused } from '../core/errors.js';
import type { AuditEntry } from '../core/records/audit-records.js';
import { isoCountryName } from '../core/vocabulary/countries.js';
import type { EditRequest } from './editable-store.js';

/**
 * The edits /ai-data can make, as EditRequests over a draft of the dataset. They throw `EditRefused` with a
 * code the command turns into a message; the schema check that follows names any invalid field.
 */

export { EditRefused };

function figureIndex(draft: Dataset, id: string): number {
  const index = draft.figures.findIndex((f) => f.id === id);
  if (index < 0) throw new EditRefused('unknown_figure', id);
  return index;
}

/** A stable fingerprint of a figure, to tell whether it changed since a preview. */
export function figureHash(figure: Figure | undefined): string {
  return figure ? JSON.stringify(figure) : 'none';
}

export function setFields(actor: string, id: string, fields: FieldValues, summary: string): EditRequest {
  return {
    actor,
    action: 'set',
    summary,
    mutate(draft) {
      const figure = draft.figures[figureIndex(draft, id)] as Figure;
      applyFields(figure, fields);
      return [id];
    },
  };
}

const REQUIRED_FOR_ADD = ['value', 'period', 'source_url', 'publisher'] as const;

/** A new figure from a few fields, filling the rest from its series and country, and marked as admin-entered. */
export function newFigure(view: DatasetView, actor: string, fields: FieldValues & { id?: string }): Figure {
  const missing = REQUIRED_FOR_ADD.filter((f) => !fields[f]);
  const series = fields.series ? view.series(fields.series) : undefined;
  if (fields.series && !series) throw new EditRefused('unknown_series', fields.series);
  if (!series && !fields.metric) missing.push('metric' as never);
  if (!series && !fields.category) missing.push('category' as never);
  if (missing.length > 0) throw new EditRefused('missing_fields', missing.join(', '));
  const sibling = series ? view.observations(series.id)[0] : undefined;
  const country = fields.country?.toUpperCase();
  const countryName = country ? (view.country(country)?.name ?? isoName(country)) : undefined;
  const id = fields.id ?? [series?.id ?? fields.category, country ?? 'x'].join('_');
  const label = fields.metric ?? '';
  const figure: Figure = {
    id,
    category: series?.category ?? ('policy' as Figure['category']),
    series: series?.id ?? null,
    tags: [],
    country: country ?? null,
    entity: countryName ?? { en: fields.entity ?? '', ko: fields.entity_ko ?? fields.entity ?? '' },
    metric: series ? series.name : { en: label, ko: fields.metric_ko ?? label },
    value: 0,
    unit: sibling ? { ...sibling.unit } : { code: 'count', noun: { en: '{n}', ko: '{n}' }, source: 'count' },
    rank: null,
    rankOf: series?.field?.size ?? null,
    rankScope: series?.field?.scope ?? null,
    period: { en: '', ko: '' },
    source: {
      publisher: '',
      title: fields.title ?? fields.publisher ?? '',
      url: '',
      publishedOn: null,
      quote: `(no quote given; entered by ${actor})`,
      corroboratingUrls: [],
    },
    confidence: 'medium',
    verification: 'entered_by_admin',
    notes: null,
  };
  applyFields(figure, fields);
  return figure;
}

function isoName(code: string): { en: string; ko: string } | undefined {
  const en = isoCountryName(code, 'en');
  const ko = isoCountryName(code, 'ko');
  return en && ko ? { en, ko } : undefined;
}

export function addFigure(actor: string, figure: Figure, summary: string): EditRequest {
  return {
    actor,
    action: 'add',
    summary,
    mutate(draft) {
      if (draft.figures.some((f) => f.id === figure.id)) throw new EditRefused('id_taken', figure.id);
      // A figure for a country the dataset has not covered yet brings the country in, named as ISO names it.
      const country = figure.country;
      const name = country ? isoName(country) : undefined;
      if (country && name && !draft.countries.some((c) => c.code === country)) {
        draft.countries.push({ code: country, name, aliases: [] });
      }
      draft.figures.push(structuredClone(figure));
      return [figure.id];
    },
  };
}

export function removeFigure(actor: string, id: string, summary: string): EditRequest {
  return {
    actor,
    action: 'remove',
    summary,
    mutate(draft) {
      const index = figureIndex(draft, id);
      const citing = draft.events.filter((e) => e.figures.includes(id)).map((e) => e.id);
      if (citing.length > 0) throw new EditRefused('cited_by_event', citing.join(', '));
      draft.figures.splice(index, 1);
      return [id];
    },
  };
}

/** Brings back the figure as it was when last removed. */
export function restoreFigure(actor: string, id: string, history: readonly AuditEntry[], summary: string): EditRequest {
  const removal = [...history]
    .reverse()
    .find((e) => e.status === 'committed' && e.changes.some((c) => c.id === id && c.after === null && c.before));
  const before = removal?.changes.find((c) => c.id === id)?.before;
  return {
    actor,
    action: 'restore',
    summary,
    mutate(draft) {
      if (!before) throw new EditRefused('nothing_to_restore', id);
      if (draft.figures.some((f) => f.id === id)) throw new EditRefused('id_taken', id);
      draft.figures.push(structuredClone(before));
      return [id];
    },
  };
}

/** The actor's latest committed change that has not been undone. */
export function lastUndoable(history: readonly AuditEntry[], actor: string): AuditEntry | undefined {
  const undone = new Set(history.filter((e) => e.status === 'committed' && e.undoes).map((e) => e.undoes));
  return [...history]
    .reverse()
    .find(
      (e) =>
        e.actor === actor &&
        e.status === 'committed' &&
        e.action !== 'undo' &&
        e.changes.length > 0 &&
        !undone.has(e.id),
    );
}

/** Reverses an entry, if every figure it touched is still as it left it. */
export function undoEntry(actor: string, entry: AuditEntry | undefined, summary: string): EditRequest {
  return {
    actor,
    action: 'undo',
    summary,
    ...(entry ? { undoes: entry.id } : {}),
    mutate(draft) {
      if (!entry) throw new EditRefused('nothing_to_undo', actor);
      for (const change of entry.changes) {
        const index = draft.figures.findIndex((f) => f.id === change.id);
        const now = index >= 0 ? draft.figures[index] : null;
        if (JSON.stringify(now) !== JSON.stringify(change.after)) throw new EditRefused('changed_since', change.id);
        if (change.before && index >= 0) draft.figures[index] = structuredClone(change.before);
        else if (change.before) draft.figures.push(structuredClone(change.before));
        else draft.figures.splice(index, 1);
      }
      return entry.changes.map((c) => c.id);
    },
  };
}

/** Replaces the figures with an imported set, all at once. */
/** An import as the changes it makes (checked by the dry run that showed them): add, replace or remove by id. */
export function applyImportChanges(
  actor: string,
  changes: readonly { id: string; after: Figure | null }[],
  summary: string,
): EditRequest {
  return {
    actor,
    action: 'import',
    summary,
    mutate(draft) {
      const byId = new Map(changes.map((c) => [c.id, c.after]));
      const kept = draft.figures.flatMap((f) => {
        if (!byId.has(f.id)) return [f];
        const after = byId.get(f.id);
        return after ? [structuredClone(after)] : [];
      });
      const present = new Set(draft.figures.map((f) => f.id));
      const added = changes.flatMap((c) => (c.after && !present.has(c.id) ? [structuredClone(c.after)] : []));
      draft.figures = [...kept, ...added];
      return changes.map((c) => c.id);
    },
  };
}

export function importFigures(actor: string, figures: readonly Figure[], summary: string): EditRequest {
  return {
    actor,
    action: 'import',
    summary,
    mutate(draft) {
      const ids = new Set([...draft.figures.map((f) => f.id), ...figures.map((f) => f.id)]);
      draft.figures = structuredClone([...figures]);
      return [...ids];
    },
  };
}
