/**
 * `npm run sync`: writes what is derived from the command registry into the files that need a copy of it: the
 * manifest's slash commands and the README's command table. tests/integration/manifest.test.ts fails when they
 * are out of step, so a new command is one module and one registry line, then this.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestCommands, readmeCommandTable, spliceBlock } from './registry-text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const write = (file: string, update: (text: string) => string) => {
  const path = `${root}${file}`;
  const before = readFileSync(path, 'utf8');
  const after = update(before);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(`${file}: ${after === before ? 'up to date' : 'updated'}\n`);
};

write('manifest.yml', manifestCommands);
write('README.md', (text) => spliceBlock(text, 'commands', readmeCommandTable()));
