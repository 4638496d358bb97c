import type { DatasetView } from './dataset-view.js';

/**
 * Values computed from one dataset version and reused until the next (search keys, lookup tables). A view is
 * immutable, so nothing here is ever stale; a new version gets new values.
 */
const cache = new WeakMap<DatasetView, Map<string, unknown>>();

export function derived<T>(view: DatasetView, name: string, build: (view: DatasetView) => T): T {
  let values = cache.get(view);
  if (!values) {
    values = new Map();
    cache.set(view, values);
  }
  if (!values.has(name)) values.set(name, build(view));
  return values.get(name) as T;
}
