import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChartSpec } from '../core/chart-spec.js';
import type { Charter } from './charter.js';

/** Where the n-th chart of a reply goes: `chart.png`, `chart-2.png`, … */
export function numberedPath(path: string, index: number): string {
  if (index === 0) return path;
  return path.toLowerCase().endsWith('.png') ? `${path.slice(0, -4)}-${index + 1}.png` : `${path}-${index + 1}.png`;
}

/** Writes each chart that can be drawn; returns the paths written. */
export async function saveCharts(
  charts: readonly ChartSpec[],
  charter: Charter,
  pathFor: (index: number) => string,
): Promise<string[]> {
  const written: string[] = [];
  for (const [index, spec] of charts.entries()) {
    const png = charter.png(spec);
    if (!png) continue;
    const path = pathFor(index);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, png);
    written.push(path);
  }
  return written;
}
