import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildState } from '../../bin/build-state.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Once per run: the tests that start the bot or the CLI run the built program (dist/), so it is built here if the
 * sources changed since the last build; and a line saying whether the PostgreSQL half of the store suite runs.
 */
export default function setup(): void {
  if (buildState(ROOT) !== 'fresh') {
    const built = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed; the tests that start the program cannot run');
  }
  if (!process.env.TEST_DATABASE_URL) {
    process.stderr.write(
      'PostgreSQL tests skipped: TEST_DATABASE_URL is not set (.ci/run sets it when a local PostgreSQL is up).\n',
    );
  }
}
