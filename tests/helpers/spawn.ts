import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child bot: no Slack or LLM credentials unless a test adds them. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(SLACK_|LLM_|OPENAI_|DATA_DIR|DEFAULT_|FOCUS_COUNTRY|ADMIN_USER_IDS|PORT)/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** Runs an npm script the way a user would (`npm start`, `npm run --silent cli -- …`). */
export function runNpm(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, {
      cwd: ROOT,
      env: options.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`npm ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A loopback port nothing listens on right now, for a child bot's PORT. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A bot started with `npm start`, its stdout and stderr collected together. */
export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** SIGKILL to the whole group (npm, tsx and the bot). */
  stop(): void;
}

export function spawnBot(env: NodeJS.ProcessEnv): BotProcess {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (d: unknown) => {
    output += String(d);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => output,
    stop: () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

/** Starts the bot and waits until it says it is running; throws with its output if it does not. */
export async function startBot(env: NodeJS.ProcessEnv, readyMs = 60_000): Promise<BotProcess> {
  const bot = spawnBot(env);
  const end = Date.now() + readyMs;
  while (!bot.output().includes('AI Policy Brief is running')) {
    if (Date.now() > end || bot.child.exitCode !== null) {
      bot.stop();
      throw new Error(`the bot did not start:\n${bot.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return bot;
}
