#!/usr/bin/env node
// Compiles src/ to dist/ (tsc, incremental, with source maps), copies the non-TypeScript files the code reads
// beside itself (SQL migrations), and records the sources it was built from, so a launcher can tell a stale build.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFingerprint } from '../bin/build-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
cpSync(join(root, 'src'), join(root, 'dist'), {
  recursive: true,
  filter: (path) => !/\.tsx?$/.test(path) || relative(join(root, 'src'), path) === '',
});
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'build-info.json'), `${JSON.stringify({ sources: sourceFingerprint(root) })}\n`);
