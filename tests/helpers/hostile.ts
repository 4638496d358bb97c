import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatasetStore } from '../../src/persistence/files/dataset-file.js';
import { DATASET_PATH } from './services.js';

export const EVIL = '<!here> <!channel> <@U999> <https://evil.example|Official> & >';

/** The shipped dataset with hostile text in every label a briefing shows. */
export async function hostileStore() {
  const data = JSON.parse(readFileSync(DATASET_PATH, 'utf8'));
  const poison = (l: { en: string; ko: string }) => ({ en: `${l.en} ${EVIL}`, ko: `${l.ko} ${EVIL}` });
  for (const s of data.series) s.name = poison(s.name);
  for (const c of data.countries) c.name = poison(c.name);
  for (const f of data.figures) {
    f.metric = poison(f.metric);
    f.period = poison(f.period);
    f.source.publisher = `${f.source.publisher} ${EVIL}`;
    if (f.rankScope) f.rankScope = poison(f.rankScope);
    if (f.unit.note) f.unit.note = poison(f.unit.note);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'apb-hostile-')), 'dataset.json');
  writeFileSync(path, JSON.stringify(data));
  return openDatasetStore(path);
}
