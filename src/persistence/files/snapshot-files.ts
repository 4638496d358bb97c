import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { SnapshotBlobs } from '../../digests/snapshot-store.js';

/** Snapshot texts as files in DATA_DIR/digest-snapshots, named by their hash. */
export class FileSnapshotBlobs implements SnapshotBlobs {
  constructor(private readonly dir: string) {}

  async put(hash: string, text: string): Promise<void> {
    const path = join(this.dir, `${hash}.json`);
    const exists = await readFile(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, text);
    }
  }

  async get(hash: string): Promise<string | null> {
    return readFile(join(this.dir, `${hash}.json`), 'utf8').catch(() => null);
  }
}
