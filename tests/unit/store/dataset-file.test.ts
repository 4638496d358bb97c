import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/persistence/files/dataset-file.js';
import { DataFileError } from '../../../src/persistence/files/json-file.js';
import { DATASET_PATH } from '../../helpers/services.js';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-dsfile-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  return join(dir, 'dataset.json');
}

describe('loadDataset', () => {
  it('validates a new file, records it, and trusts the same bytes next time', async () => {
    const path = copy();
    expect((await loadDataset(path)).validated).toBe('checked');
    expect(existsSync(`${path}.validated`)).toBe(true);
    const again = await loadDataset(path);
    expect(again.validated).toBe('known');
    expect(again.dataset.figures).toHaveLength(435);
  });

  it('validates again after any change to the bytes, and refuses an invalid edit', async () => {
    const path = copy();
    await loadDataset(path);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"value": -0.36', '"value": "minus"'));
    await expect(loadDataset(path)).rejects.toThrow(DataFileError);
    writeFileSync(path, text.replace('"value": -0.36', '"value": -0.37'));
    const edited = await loadDataset(path);
    expect(edited.validated).toBe('checked');
    expect(edited.dataset.figures.find((f) => f.id === 'kcci_netai_2024_KR')?.value).toBe(-0.37);
  });

  it('does not trust a record made for another schema', async () => {
    const path = copy();
    await loadDataset(path);
    const record = JSON.parse(readFileSync(`${path}.validated`, 'utf8'));
    writeFileSync(`${path}.validated`, JSON.stringify({ ...record, schema: 'an older schema' }));
    expect((await loadDataset(path)).validated).toBe('checked');
  });

  it('never records a file that validation had to change (trimmed values), so it is checked every time', async () => {
    const path = copy();
    const text = readFileSync(path, 'utf8').replace(
      '"period": {\n        "en": "2024"',
      '"period": {\n        "en": "  2024 "',
    );
    writeFileSync(path, text);
    const first = await loadDataset(path);
    expect(first.dataset.figures.some((f) => f.period.en === '  2024 ')).toBe(false);
    expect(existsSync(`${path}.validated`)).toBe(false);
    expect((await loadDataset(path)).validated).toBe('checked');
  });
});
