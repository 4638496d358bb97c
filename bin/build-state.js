// Whether dist/ was built from the sources as they are now: a fingerprint of every file under src/ (path, size,
// modification time), compared with the one the build recorded. A few milliseconds for the whole tree.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

export function sourceFingerprint(root) {
  const hash = createHash('sha256');
  for (const path of files(join(root, 'src')).sort()) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${path.slice(root.length)}\0${size}\0${Math.trunc(mtimeMs)}\n`);
  }
  return hash.digest('hex');
}

/** 'fresh', 'missing' (never built), or 'stale' (sources changed since). */
export function buildState(root) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(root, 'dist', 'build-info.json'), 'utf8')).sources;
  } catch {
    return 'missing';
  }
  return recorded === sourceFingerprint(root) ? 'fresh' : 'stale';
}
