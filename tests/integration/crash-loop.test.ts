import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/core/dataset/dataset-schema.js';
import { EditableDatasetStore } from '../../src/persistence/files/editable-file-store.js';
import { capturingLogger, DATASET_PATH } from '../helpers/services.js';
import { ROOT } from '../helpers/spawn.js';

/**
 * kill -9 at random moments during a stream of edits, over and over: the dataset is always valid JSON that
 * passes the schema, and every edit that was acknowledged is there. CRASH_ITERATIONS raises the count.
 */

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 100);
const STREAM_FIGURES = 20;

function runAndKill(dataDir: string, first: number): Promise<number[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/edit-stream.ts', dataDir, String(first)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const acked: number[] = [];
    let buffer = '';
    let armed = false;
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(Number(line.slice(4)));
      if (!armed && acked.length > 0) {
        armed = true;
        // Somewhere in the next few edits: inside the lock, the audit append, the backup, the rename.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 60);
      }
    });
    child.on('exit', () => resolve(acked));
  });
}

describe('kill -9 during a stream of edits', () => {
  it(`keeps the dataset valid and every acknowledged edit, over ${ITERATIONS} crashes`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'apb-crash-'));
    copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
    const ids = JSON.parse(readFileSync(DATASET_PATH, 'utf8'))
      .figures.slice(0, STREAM_FIGURES)
      .map((f: { id: string }) => f.id);
    const acknowledged: number[] = [];
    let next = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const acked = await runAndKill(dataDir, next);
      acknowledged.push(...acked);
      // Whatever the kill interrupted, the file is whole and valid.
      const data = datasetSchema.parse(JSON.parse(readFileSync(join(dataDir, 'dataset.json'), 'utf8')));
      const notes = new Map(data.figures.map((f) => [f.id, f.notes]));
      for (const n of acked) {
        const latest = Number(String(notes.get(ids[n % STREAM_FIGURES]) ?? '').replace('edit-', ''));
        expect(latest, `edit ${n} lost after crash ${i}`).toBeGreaterThanOrEqual(n);
      }
      // The next stream starts after the last edit that may have landed, acknowledged or not.
      next =
        Math.max(next, ...acked, ...[...notes.values()].map((v) => Number(String(v).replace('edit-', '')) || 0)) + 1;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(ITERATIONS);
    // The next start settles what the last crash interrupted: nothing stays pending.
    const store = await EditableDatasetStore.open(dataDir, { logger: capturingLogger() });
    const entries = await store.audit.entries();
    expect(entries.filter((e) => e.status === 'pending')).toEqual([]);
    expect(entries.filter((e) => e.status === 'committed').length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(store.current().version).toBe(1 + entries.filter((e) => e.status === 'committed').length);
    const count = (status: string) => entries.filter((e) => e.status === status).length;
    console.info(
      `crash loop: ${ITERATIONS} kills, ${acknowledged.length} acknowledged edits, ${count('committed')} committed, ` +
        `${count('aborted')} aborted (interrupted before the file changed), final version ${store.current().version}`,
    );
  }, 600_000);
});
