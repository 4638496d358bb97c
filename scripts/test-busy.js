#!/usr/bin/env node
// `npm run test:busy`: the test suite with every core kept busy by spinning processes, as on a loaded CI machine.
// The suite must pass like this; tests wait for readiness, never for a fixed time.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const spinners = Array.from({ length: availableParallelism() }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const tests = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
tests.on('exit', (code) => {
  for (const s of spinners) s.kill('SIGKILL');
  process.exit(code ?? 1);
});
