import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: join(cwd, 'data'), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A copy of the package without dist/, sharing node_modules: what a fresh clone looks like before its first start. */
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'apb-build-'));
  for (const part of ['src', 'bin', 'scripts', 'data', 'package.json']) {
    cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  }
  rmSync(join(copy, 'data', '.bot.lock'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

describe('the launcher never runs a missing or stale build', () => {
  it('builds a missing build first, saying so, then answers', async () => {
    const result = await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
    expect(result.stderr).toContain('the build is missing; building');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('AI Policy Brief');
  });

  it('answers from the build without rebuilding while the sources are unchanged', async () => {
    const result = await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
    expect(result.stderr).not.toContain('building');
    expect(result.code).toBe(0);
  });

  it('rebuilds when a source file changed since the build', async () => {
    const file = join(copy, 'src', 'core', 'escape.ts');
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const result = await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
    expect(result.stderr).toContain('the build is out of date; building');
    expect(result.code).toBe(0);
  });

  it('stops with exit 3 and says so when the build fails; nothing of the old build runs', async () => {
    const file = join(copy, 'src', 'core', 'escape.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\nexport const broken = ;\n`);
    try {
      const result = await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('the build failed');
      expect(result.stdout).toBe('');
    } finally {
      writeFileSync(file, original);
    }
    // The failed build left no lock behind: the next start builds at once.
    const next = await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
    expect(next.stderr).toContain('the build is missing; building');
    expect(next.code).toBe(0);
  });

  it('takes over the lock of a build that was killed', async () => {
    const lock = join(copy, '.build.lock');
    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, longAgo, longAgo);
    rmSync(join(copy, 'dist'), { recursive: true, force: true });
    const result = await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
    expect(result.stderr).toContain('the build is missing; building');
    expect(result.code).toBe(0);
  });
});

describe('the built program', () => {
  it('maps stack traces to the TypeScript sources', async () => {
    await run(copy, ['bin/cli.js', 'ask', '/ai-help']);
    const dist = join(copy, 'dist');
    const chunk = readdirSync(dist).find(
      (name) => name.endsWith('.js') && readFileSync(join(dist, name), 'utf8').includes('function createDatasetView'),
    );
    expect(chunk).toBeDefined();
    const probe = `
      process.setSourceMapsEnabled(true);
      const m = await import(${JSON.stringify(join(dist, chunk ?? ''))});
      const view = Object.values(m).find((v) => typeof v === 'function' && v.name === 'createDatasetView');
      try { view(null); } catch (error) { console.log(error.stack); }
    `;
    const result = await run(copy, ['--input-type=module', '-e', probe]);
    expect(result.stdout).toMatch(/at createDatasetView \(.*src\/core\/dataset\/dataset-view\.ts:\d+:\d+\)/);
  });
});
