import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { Dataset } from '../../core/dataset/dataset-schema.js';

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

/** How to get a good dataset back, naming the newest backup if there is one; the bad file stays as it is. */
export function restoreHint(path: string): string {
  const dir = join(dirname(path), 'backups');
  const newest = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /^dataset-v\d+\.json$/.test(n))
        .sort()
        .at(-1)
    : undefined;
  const restore = newest
    ? `To restore the last good version: cp ${join(dir, newest)} ${path}`
    : 'No backup exists yet: fix the file by hand, or restore it from version control (git checkout -- data/dataset.json).';
  return `The file was left untouched. ${restore}\n`;
}
