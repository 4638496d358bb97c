/**
 * B5, start-up: what a process costs before it does anything, each case measured beside `node -e 0` in the same
 * run (several runs, medians of CPU and wall time). The program is the built one users run (bin/cli.js → dist/).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './child.js';
import { freePort, startSlack } from './processes.js';
import { round, summarise } from './stats.js';

export interface Timed {
  cpuMs: number;
  wallMs: number;
}

export interface B5Case {
  name: string;
  command: string;
  cpuMs: number;
  wallMs: number;
  /** Median CPU ÷ the median CPU of `node -e 0` in the same run. */
  cpuRatio: number;
}

export interface B5Result {
  runs: number;
  baseline: Timed;
  cases: B5Case[];
  /** `npm start` in HTTP mode against a fake Slack, from spawn until /healthz answers 200 (median). */
  healthzReadyMs: number;
  /** The same start through `node bin/cli.js`, without npm's own start-up. */
  healthzReadyDirectMs: number;
}

/**
 * Runs a command to its end and returns its CPU (user + system, from the kernel's accounting of the finished
 * process and its children, to the microsecond) and wall time. Node cannot read a child's resource usage, and
 * /usr/bin/time rounds to 10 ms, a fifth of `node -e 0`; Python's getrusage(RUSAGE_CHILDREN) does neither.
 */
const MEASURE = `
import resource, subprocess, sys, time
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
wall = time.monotonic() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{cpu * 1000:.1f} {wall * 1000:.1f}")
`;

function timed(argv: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', MEASURE, ...argv], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const [cpu, wall] = out.trim().split(' ').map(Number);
      if (code !== 0 || cpu === undefined || wall === undefined || Number.isNaN(cpu)) {
        return reject(new Error(`${argv.join(' ')} failed (${code}):\n${err}`));
      }
      resolve({ cpuMs: round(cpu, 1), wallMs: round(wall, 1) });
    });
  });
}

function median(samples: Timed[]): Timed {
  return { cpuMs: summarise(samples.map((s) => s.cpuMs)).p50, wallMs: summarise(samples.map((s) => s.wallMs)).p50 };
}

async function readyAfter(argv: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(argv[0] ?? 'npm', argv.slice(1), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return round(performance.now() - started, 0);
      if (child.exitCode !== null) throw new Error(`${argv.join(' ')} exited ${child.exitCode}: ${err}`);
      if (performance.now() - started > 30_000) throw new Error('not ready within 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGKILL');
      await new Promise((r) => child.once('close', r));
    }
  }
}

export async function runB5(options: { runs: number }): Promise<B5Result> {
  const slack = await startSlack();
  const dataDir = mkdtempSync(join(tmpdir(), 'apb-b5-'));
  copyFileSync(join(ROOT, 'data', 'dataset.json'), join(dataDir, 'dataset.json'));
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir };
  const slackEnv = { ...base, SLACK_BOT_TOKEN: 'xoxb-5-5-bench', SLACK_API_URL: `${slack.url}/api/` };
  const cases: { name: string; argv: string[]; env: NodeJS.ProcessEnv }[] = [
    { name: 'cli ask "/ai-help"', argv: ['node', 'bin/cli.js', 'ask', '/ai-help'], env: base },
    { name: 'cli ask "/ai-rank"', argv: ['node', 'bin/cli.js', 'ask', '/ai-rank'], env: base },
    {
      name: 'cli digest run --at (nothing due)',
      argv: ['node', 'bin/cli.js', 'digest', 'run', '--at', '2026-11-30T00:00:00Z'],
      env: slackEnv,
    },
    {
      name: 'npm run --silent cli -- ask "/ai-help" (with npm)',
      argv: ['npm', 'run', '--silent', 'cli', '--', 'ask', '/ai-help'],
      env: base,
    },
  ];
  try {
    const baseline: Timed[] = [];
    const samples = cases.map(() => [] as Timed[]);
    // Interleaved, so a slow moment of the machine falls on every case alike.
    for (let run = 0; run < options.runs; run += 1) {
      baseline.push(await timed(['node', '-e', '0'], base));
      for (const [i, c] of cases.entries()) samples[i]?.push(await timed(c.argv, c.env));
    }
    const node = median(baseline);
    const results = cases.map((c, i) => {
      const m = median(samples[i] ?? []);
      return { name: c.name, command: c.argv.join(' '), ...m, cpuRatio: round(m.cpuMs / Math.max(1, node.cpuMs), 2) };
    });
    const http = async (direct: boolean) => {
      const port = await freePort();
      const env = { ...slackEnv, SLACK_SIGNING_SECRET: 'b5b5b5b5b5b5b5b5b5b5b5b5', PORT: String(port) };
      return readyAfter(direct ? ['node', 'bin/cli.js'] : ['npm', 'start', '--silent'], env, port);
    };
    const ready: number[] = [];
    const direct: number[] = [];
    for (let run = 0; run < Math.max(3, Math.ceil(options.runs / 2)); run += 1) {
      ready.push(await http(false));
      direct.push(await http(true));
    }
    return {
      runs: options.runs,
      baseline: node,
      cases: results,
      healthzReadyMs: summarise(ready).p50,
      healthzReadyDirectMs: summarise(direct).p50,
    };
  } finally {
    await slack.stop();
  }
}
