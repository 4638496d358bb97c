import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDataset } from '../src/core/dataset/dataset-validation.js';
import { ROOT, runTsChild } from './child.js';
import { generateDataset } from './generate-dataset.js';
import { createDatabase } from './pg.js';
import { ratio, type Summary } from './stats.js';

/** B2: every command in process over the shipped dataset, then over generated datasets of growing size. */

export interface CoreRun {
  figures: number;
  startupMs: number;
  /** Start-up of the first process on a new file (full validation), before the validated record exists. */
  coldStartupMs?: number;
  rssMb: number;
  commands: Record<string, Summary & { first: number; cachedP99: number; bytes: number }>;
}

export interface B2Result {
  shipped: CoreRun;
  scale: CoreRun[];
  /** The same on PostgreSQL (DATABASE_URL), shipped and largest sizes, when a server is available. */
  postgres?: CoreRun[];
  worstP99: { shipped: number; largest: number };
  growth: Record<string, number>;
}

function writeDataDir(dir: string, dataset: unknown): string {
  mkdirSync(dir, { recursive: true });
  // As the store writes it: two-space indentation.
  writeFileSync(join(dir, 'dataset.json'), `${JSON.stringify(dataset, null, 2)}\n`);
  return dir;
}

const worst = (run: CoreRun) => Math.max(...Object.values(run.commands).map((c) => c.p99));

export async function runB2(options: {
  workDir: string;
  sizes: readonly number[];
  iterations: number;
  databaseAdminUrl?: string;
}): Promise<B2Result> {
  const shippedText = readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8');
  const base = validateDataset(JSON.parse(shippedText), 'data/dataset.json');
  const shippedDir = writeDataDir(join(options.workDir, 'shipped'), base);
  const measure = async (dir: string, iterations: number, databaseUrl?: string): Promise<CoreRun> => {
    // The first start validates the new file in full (on PostgreSQL: seeds the empty database); later ones
    // find it recorded as validated (on PostgreSQL: read it back).
    const extra = databaseUrl ? [databaseUrl] : [];
    const cold = await runTsChild<CoreRun>('bench/core-child.ts', [dir, '0', ...extra]);
    const warm = await runTsChild<CoreRun>('bench/core-child.ts', [dir, String(iterations), ...extra]);
    return { ...warm, coldStartupMs: cold.startupMs };
  };
  const shipped = await measure(shippedDir, options.iterations);
  const scale: CoreRun[] = [];
  for (const size of options.sizes) {
    const dir = writeDataDir(join(options.workDir, `gen-${size}`), generateDataset(base, size));
    scale.push(await measure(dir, Math.max(20, options.iterations / 4)));
  }
  const postgres: CoreRun[] = [];
  if (options.databaseAdminUrl) {
    const largestSize = options.sizes.at(-1);
    const dirs = [shippedDir, ...(largestSize ? [join(options.workDir, `gen-${largestSize}`)] : [])];
    for (const dir of dirs) {
      const db = await createDatabase(options.databaseAdminUrl);
      try {
        postgres.push(await measure(dir, Math.max(20, options.iterations / 4), db.url));
      } finally {
        await db.drop();
      }
    }
  }
  const first = scale[0];
  const last = scale.at(-1);
  const growth: Record<string, number> = {};
  if (first && last) {
    for (const [name, c] of Object.entries(last.commands)) growth[name] = ratio(c.p50, first.commands[name]?.p50 ?? 0);
    growth['start-up'] = ratio(last.startupMs, first.startupMs);
    growth['resident memory'] = ratio(last.rssMb, first.rssMb);
  }
  return {
    shipped,
    scale,
    ...(postgres.length > 0 ? { postgres } : {}),
    worstP99: { shipped: worst(shipped), largest: last ? worst(last) : 0 },
    growth,
  };
}
