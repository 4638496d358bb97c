import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { setFields } from '../../src/data-admin/operations.js';
import { Database } from '../../src/persistence/pg/database.js';
import { PgDatasetStore } from '../../src/persistence/pg/dataset-table.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { capturingLogger, DATASET_PATH } from '../helpers/services.js';
import { eventually } from '../helpers/slack-http.js';
import { ROOT } from '../helpers/spawn.js';

const databases = new TestDatabases();

function editor(url: string, offset: number, count: number, tag: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/helpers/pg-editor.ts', url, DATASET_PATH, String(offset), String(count), tag],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`editor exited ${code}`))));
  });
}

describePg('the dataset in PostgreSQL across replicas', () => {
  afterAll(() => databases.dropAll());

  it('two replicas making 50 concurrent edits each to different figures: all 100 present and audited', async () => {
    const db = await databases.get('two-editors');
    await PgDatasetStore.open(db, DATASET_PATH, { logger: capturingLogger() });
    const [a, b] = await Promise.all([editor(db.url, 0, 50, 'a'), editor(db.url, 50, 50, 'b')]);
    expect([a.trim(), b.trim()]).toEqual(['DONE 50', 'DONE 50']);
    const store = await PgDatasetStore.open(db, DATASET_PATH, { logger: capturingLogger() });
    const figures = store.current().allFigures();
    for (let n = 0; n < 50; n++) {
      expect(figures[n]?.notes).toBe(`a-${n}`);
      expect(figures[50 + n]?.notes).toBe(`b-${n}`);
    }
    expect(store.current().version).toBe(101);
    const committed = (await store.audit.entries()).filter((e) => e.status === 'committed');
    expect(committed).toHaveLength(100);
    expect(new Set(committed.map((e) => e.toVersion)).size).toBe(100);
  });

  it('the same figure edited on two replicas at once: one wins, both are audited', async () => {
    const a = await databases.get('same-figure');
    const b = new Database(a.url, capturingLogger());
    try {
      const first = await PgDatasetStore.open(a, DATASET_PATH, { logger: capturingLogger() });
      const second = await PgDatasetStore.open(b, DATASET_PATH, { logger: capturingLogger() });
      await Promise.all([
        first.edit(setFields('U0ONE', 'ceti25_ai_KR', { value: '15' }, 'one')),
        second.edit(setFields('U0TWO', 'ceti25_ai_KR', { value: '16' }, 'two')),
      ]);
      const committed = (await first.audit.entries()).filter((e) => e.status === 'committed');
      expect(committed.map((e) => e.actor).sort()).toEqual(['U0ONE', 'U0TWO']);
      const last = committed.at(-1)?.changes[0]?.after?.value;
      await first.refresh();
      expect(first.current().figure('ceti25_ai_KR')?.value).toBe(last);
      expect(committed.at(-1)?.changes[0]?.before?.value).toBe(committed[0]?.changes[0]?.after?.value);
    } finally {
      await b.close();
    }
  });

  it('a replica sees another replica’s edit within a second', async () => {
    const db = await databases.get('follow');
    const logger = capturingLogger();
    const watcher = await PgDatasetStore.open(db, DATASET_PATH, { logger });
    const stop = watcher.watch();
    try {
      await new Promise((r) => setTimeout(r, 300));
      const writer = await PgDatasetStore.open(db, DATASET_PATH, { logger });
      const started = Date.now();
      await writer.edit(setFields('U0W', 'ceti25_ai_KR', { value: '15.9' }, 'follow'));
      expect(await eventually(() => watcher.current().figure('ceti25_ai_KR')?.value === 15.9, 1000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      stop();
    }
  });
});
