#!/usr/bin/env node
// Bundles src/ into dist/ with esbuild (ES modules, code split so that what a command does not need is not loaded,
// source maps pointing at the .ts lines) and records the sources it was built from, so a launcher can tell a stale
// build. Type checking is `npm run typecheck`; the build itself takes well under a second.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceFingerprint } from '../bin/build-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', 'import-worker': 'src/data-admin/import-worker.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Stack traces need only the mappings; the sources are beside the build. Smaller maps load faster at every start.
  sourcesContent: false,
  // Less text to parse at every start; names stay, and the maps point at the .ts lines.
  minifyWhitespace: true,
  minifySyntax: true,
  // Loaded on demand and large, or native: they stay in node_modules, imported when first needed.
  external: ['@slack/*', 'openai', 'pg', 'pg-native', '@resvg/resvg-js', '@expo-google-fonts/*'],
  // CommonJS packages bundled into ES modules still call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
writeFileSync(join(dist, 'build-info.json'), `${JSON.stringify({ sources: sourceFingerprint(root) })}\n`);
