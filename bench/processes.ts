import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './child.js';
import type { FakeSlackOptions, Posted } from './fake-slack.js';

export const SECRET = 'b3nchs1gn1ngs3cr3t0123456789abcdef';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A copy of the shipped data, so the bot may keep its state and lock beside it. */
export function dataDirCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-bench-'));
  cpSync(join(ROOT, 'data', 'dataset.json'), join(dir, 'dataset.json'));
  return dir;
}

export interface Running {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready within ${ms} ms: ${url}`);
}

/**
 * Starts the bot as users run it (`src/index.ts` means the built program, `bin/cli.js`), or another TypeScript
 * entry point (the bare app) through tsx, and waits until it answers.
 */
export async function startServer(script: string, env: Record<string, string>, readyPath: string): Promise<Running> {
  const port = await freePort();
  const argv = script === 'src/index.ts' ? ['bin/cli.js'] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(`${base}${readyPath}`, child, 30_000);
  return {
    child,
    url: `${base}/slack/events`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export interface SlackStats {
  posted: Posted[];
  responses: { id: string; at: number; text: string }[];
  throttled: { channel: string; at: number; waitMs: number; injected: boolean }[];
}

/** The fake Slack in its own process (bench/slack-server.ts). */
export async function startSlack(options: FakeSlackOptions = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/slack-server.ts', JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const url = String(line).trim().split('\n')[0] ?? '';
  return {
    url,
    stats: async (): Promise<SlackStats> => (await fetch(`${url}/stats`)).json() as Promise<SlackStats>,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** CPU time (user + system) a process has used so far, in ms; Linux only, null elsewhere. */
export function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}
