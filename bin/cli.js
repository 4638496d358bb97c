#!/usr/bin/env node
// The entry point of `npm start`, `npm run cli` and the package's bin: runs the built program (dist/) with plain
// node. A missing or stale build (sources changed since) is rebuilt first, saying so; a failed build stops here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState } from './build-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A build takes about a second; a lock older than this was left by a build that was killed. */
const STALE_LOCK_MS = 120_000;

function lockAge(lock) {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

function rebuild(state) {
  const lock = join(root, '.build.lock');
  // One build at a time: others wait for it, then find the build fresh.
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (lockAge(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  let failed = false;
  try {
    if (buildState(root) === 'fresh') return;
    process.stderr.write(
      `AI Policy Brief: the build is ${state === 'missing' ? 'missing' : 'out of date'}; building…\n`,
    );
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { stdio: ['ignore', 2, 2] });
    failed = built.status !== 0;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (failed) {
    process.stderr.write('AI Policy Brief cannot start: the build failed (see above). Run `npm run build`.\n');
    process.exit(3);
  }
}

const state = buildState(root);
if (state !== 'fresh') rebuild(state);
process.setSourceMapsEnabled(true);
await import('../dist/index.js');
