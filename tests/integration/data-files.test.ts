import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { figureSchema } from '../../src/core/dataset/dataset-schema.js';
import { csvToFigures, figuresToCsv, parseCsv } from '../../src/data-admin/csv.js';
import { confirmId, dataHarness } from '../helpers/data-harness.js';
import { DATASET_PATH, shippedStore } from '../helpers/services.js';

describe('export', () => {
  it('writes CSV that round-trips every figure exactly, with formula-like text neutralised and numbers kept', async () => {
    const figures = (await shippedStore()).current().allFigures();
    const first = structuredClone(figures[0] as (typeof figures)[number]);
    const hostile = {
      ...first,
      id: 'hostile_x',
      notes: '=HYPERLINK("http://evil")',
      source: { ...first.source, publisher: '@SUM(A1)', quote: '+1, "quoted"\nline', title: '-minus' },
    };
    const csv = figuresToCsv([...figures, hostile]);
    const rows = parseCsv(csv);
    const header = rows[0] ?? [];
    const row = rows.at(-1) ?? [];
    expect(row[header.indexOf('notes')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row[header.indexOf('publisher')]).toBe("'@SUM(A1)");
    expect(row[header.indexOf('title')]).toBe("'-minus");
    const kr = rows.find((r) => r[0] === 'kcci_netai_2024_KR') ?? [];
    expect(kr[header.indexOf('value')]).toBe('-0.36');
    const back = csvToFigures(csv).figures.map((f) => figureSchema.parse(f));
    expect(back).toEqual([...figures, hostile]);
  });

  it('/ai-data export csv|json delivers the file (a path in the console and CLI)', async () => {
    const { run, dataDir } = await dataHarness();
    expect((await run('/ai-data export csv', 'U0ANYONE')).text).toContain(
      `${dataDir}/exports/ai-policy-brief-dataset-v1.csv`,
    );
    expect((await run('/ai-data export json', 'U0ANYONE')).text).toContain('.json');
    const exported = JSON.parse(readFileSync(join(dataDir, 'exports', 'ai-policy-brief-dataset-v1.json'), 'utf8'));
    expect(exported.figures).toHaveLength(435);
  });
});

describe('import', () => {
  it('shows adds, changes and removals, then applies them atomically on Confirm', async () => {
    const { run, dataAdmin, store, dataDir } = await dataHarness({ interactive: true });
    const figures = structuredClone([...store.current().allFigures()]);
    const changed = figures
      .filter((f) => f.id !== 'ceti25_ai_RU')
      .map((f) => (f.id === 'ceti25_ai_KR' ? { ...f, value: 14.5 } : f));
    const path = join(dataDir, 'upload.csv');
    writeFileSync(path, figuresToCsv(changed));
    const preview = await run(`/ai-data import ${path}`);
    expect(preview.text).toContain('추가 0건, 변경 1건, 삭제 1건');
    expect(store.current().figure('ceti25_ai_RU')).toBeDefined();
    expect((await dataAdmin.confirm(confirmId(preview.reply), 'U0ADMIN1')).status).toBe('applied');
    expect(store.current().figure('ceti25_ai_RU')).toBeUndefined();
    expect(store.current().figure('ceti25_ai_KR')?.value).toBe(14.5);
    expect(store.current().version).toBe(2);
  });

  it('refuses a file with invalid rows, naming row and field, and changes nothing', async () => {
    const { run, store, dataDir, path: datasetPath } = await dataHarness();
    const before = readFileSync(datasetPath, 'utf8');
    const figures = structuredClone([...store.current().allFigures()]);
    const broken = figures.map((f) =>
      f.id === 'ceti25_ai_KR' ? { ...f, source: { ...f.source, url: 'not a url' } } : f,
    );
    const path = join(dataDir, 'bad.json');
    writeFileSync(path, JSON.stringify({ figures: broken }));
    const { reply, text } = await run(`/ai-data import ${path} --yes`);
    expect(reply.kind).toBe('error');
    expect(text).toContain('(ceti25_ai_KR) `source.url`');
    expect(readFileSync(datasetPath, 'utf8')).toBe(before);
  });

  it('says so when the file changes nothing', async () => {
    const { run, store, dataDir } = await dataHarness();
    const path = join(dataDir, 'same.csv');
    writeFileSync(path, figuresToCsv(store.current().allFigures()));
    expect((await run(`/ai-data import ${path}`)).text).toContain('바뀌는 것이 없습니다');
  });
});

/** Real full and read-only file systems, where this machine allows making them (root with mount/chattr). */
function tryRoot(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) tryRoot('umount', [dir]);
});

describe('storage failures', () => {
  const small = join(tmpdir(), `apb-full-${process.pid}`);
  mkdirSync(small, { recursive: true });
  const canMount = tryRoot('mount', ['-t', 'tmpfs', '-o', 'size=3000k', 'tmpfs', small]);
  if (canMount) mounted.push(small);

  it.runIf(canMount)('disk full: the admin is told nothing was saved; memory and file unchanged', async () => {
    copyFileSync(DATASET_PATH, join(small, 'dataset.json'));
    const { run, store, path, dataDir } = await dataHarness({ dataDir: small });
    // Fill the disk, leaving too little for a second copy of the dataset.
    writeFileSync(join(dataDir, 'filler'), Buffer.alloc(3000 * 1024 - 2 * readFileSync(path).length));
    const before = readFileSync(path, 'utf8');
    const { reply, text } = await run('/ai-data set ceti25_ai_KR value=15 --yes');
    expect(reply.kind).toBe('error');
    expect(text).toContain('저장하지 못했습니다(디스크 공간 부족, ENOSPC)');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(store.current().figure('ceti25_ai_KR')?.value).toBe(14.1);
  });

  const probe = join(tmpdir(), `apb-chattr-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const canFreeze = tryRoot('chattr', ['+i', probe]) && tryRoot('chattr', ['-i', probe]);

  it.runIf(canFreeze)('read-only DATA_DIR: nothing saved, nothing changed, no crash', async () => {
    const { run, store, path, dataDir } = await dataHarness();
    tryRoot('chattr', ['+i', dataDir]);
    try {
      const before = readFileSync(path, 'utf8');
      const { reply, text } = await run('/ai-data set ceti25_ai_KR value=15 --yes');
      expect(reply.kind).toBe('error');
      expect(text).toMatch(/저장하지 못했습니다\((쓰기 권한 없음|읽기 전용 저장소), E[A-Z]+\)/);
      expect(readFileSync(path, 'utf8')).toBe(before);
      expect(store.current().figure('ceti25_ai_KR')?.value).toBe(14.1);
    } finally {
      tryRoot('chattr', ['-i', dataDir]);
    }
  });
});
