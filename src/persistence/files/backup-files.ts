import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../../core/dataset/dataset-schema.js';
import { writeFileAtomic } from './atomic-write.js';

/** The last N versions of the dataset, one file each, written before every edit replaces them. */
export class BackupStore {
  constructor(
    readonly dir: string,
    private readonly keep = 20,
  ) {}

  private name(version: number): string {
    return `dataset-v${String(version).padStart(6, '0')}.json`;
  }

  async save(dataset: Dataset): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, this.name(dataset.version));
    await writeFileAtomic(path, `${JSON.stringify(dataset, null, 2)}\n`);
    await this.prune();
    return path;
  }

  /** Backup files, newest first. */
  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((n) => /^dataset-v\d+\.json$/.test(n))
      .sort()
      .reverse()
      .map((n) => join(this.dir, n));
  }

  private async prune(): Promise<void> {
    for (const old of (await this.list()).slice(this.keep)) await rm(old, { force: true });
  }
}
