import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresToCsv } from '../../src/data-admin/csv.js';
import { confirmId, dataHarness } from '../helpers/data-harness.js';

/** /ai-data and the side paths as an admin's mistakes and a hostile file exercise them, through executeCommand. */

describe('CSV import and export', () => {
  it.each([
    // The classic: an opening quote in the last row used to swallow the rest of the file without a word.
    ['an unterminated quote', (rows: string[]) => rows.splice(-2, 1, `${rows.at(-2)}"never closed`), /221번째 줄/],
    [
      'text after a closing quote',
      (rows: string[]) => rows.splice(2, 1, rows[2]?.replace(/^([^,]*),/, '$1,"x"y,') ?? ''),
      /3번째 줄, 2번째 열\(category\)/,
    ],
  ])('%s: refused with the line and column, nothing swallowed, nothing changed', async (_name, breakIt, where) => {
    const { run, store, dataDir, path: datasetPath } = await dataHarness();
    const before = readFileSync(datasetPath, 'utf8');
    const lines = figuresToCsv(store.current().allFigures()).split('\r\n');
    breakIt(lines);
    const path = join(dataDir, 'broken.csv');
    writeFileSync(path, lines.join('\r\n'));
    const { reply, text } = await run(`/ai-data import ${path} --yes`);
    expect(reply.kind).toBe('error');
    expect(text).toMatch(where);
    expect(readFileSync(datasetPath, 'utf8')).toBe(before);
  });

  it('exports CSV as UTF-8 with a byte order mark, so Excel shows Korean correctly', async () => {
    const { run, dataDir } = await dataHarness();
    await run('/ai-data export csv', 'U0ANYONE');
    const bytes = readFileSync(join(dataDir, 'exports', 'ai-policy-brief-dataset-v1.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('대한민국');
  });
});

describe('pending previews', () => {
  it('keep an import as its changes, expire, and stay few however many are made', async () => {
    const { run, store, dataAdmin, dataDir } = await dataHarness({ interactive: true });
    const figures = structuredClone([...store.current().allFigures()]);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const path = join(dataDir, `upload-${i}.csv`);
      writeFileSync(path, figuresToCsv(figures.map((f) => (f.id === 'ceti25_ai_KR' ? { ...f, value: 15 + i } : f))));
      ids.push(confirmId((await run(`/ai-data import ${path}`)).reply));
    }
    const file = join(dataDir, 'pending-edits.json');
    // Eight whole datasets were about 3 MB; their changes are one figure each.
    expect(statSync(file).size).toBeLessThan(50_000);
    const kept = JSON.parse(readFileSync(file, 'utf8')).pending as unknown[];
    expect(kept.length).toBeLessThanOrEqual(3);
    expect((await dataAdmin.confirm(ids[0] ?? '', 'U0ADMIN1')).status).toBe('expired');
    expect((await dataAdmin.confirm(ids[7] ?? '', 'U0ADMIN1')).status).toBe('applied');
    expect(store.current().figure('ceti25_ai_KR')?.value).toBe(22);
  });
});
