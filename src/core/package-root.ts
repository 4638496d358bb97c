import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own directory (where package.json is), found from this module wherever it runs from: src/ under
 * tsx, or the bundle in dist/. Files the program reads beside its code (the shipped dataset, the SQL migrations,
 * the schema's source for its fingerprint) are located from here, so the layout of the built code does not matter.
 */
function findRoot(start: string): string {
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(fileURLToPath(import.meta.url));

export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
