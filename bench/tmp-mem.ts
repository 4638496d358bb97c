import { readFileSync } from 'node:fs';
import { validateDataset } from '../src/store/dataset-store.js';
import { createDatasetView } from '../src/store/dataset-view.js';

const mb = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return `rss ${(m.rss / 2 ** 20) | 0} heap ${(m.heapUsed / 2 ** 20) | 0}`;
};
console.log('start', mb());
const d = validateDataset(JSON.parse(readFileSync('/tmp/bd100000/dataset.json', 'utf8')), 'x');
console.log('validated', mb());
const v = createDatasetView(d);
console.log('view', mb());
const objs = new Map<string, unknown>();
const strs = new Map<string, string>();
const s = (x: string) => {
  const k = strs.get(x);
  if (k !== undefined) return k;
  strs.set(x, x);
  return x;
};
const o = <T>(x: T): T => {
  if (x === null || typeof x !== 'object') return x;
  const k = JSON.stringify(x);
  const e = objs.get(k);
  if (e) return e as T;
  objs.set(k, x);
  return x;
};
for (const f of d.figures) {
  f.entity = o(f.entity);
  f.metric = o(f.metric);
  f.period = o(f.period);
  f.rankScope = o(f.rankScope);
  f.unit = o(f.unit);
  f.tags = o(f.tags);
  f.source.corroboratingUrls = o(f.source.corroboratingUrls);
  f.source.publisher = s(f.source.publisher);
  f.source.quote = s(f.source.quote);
  f.category = s(f.category) as never;
  f.confidence = s(f.confidence) as never;
  f.verification = s(f.verification) as never;
  if (f.series) f.series = s(f.series);
  if (f.country) f.country = s(f.country);
}
objs.clear();
strs.clear();
console.log('interned', mb(), v.figureCount);
