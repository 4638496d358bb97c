import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../core/errors.js';

/**
 * A lock shared by the processes on one DATA_DIR, which may be a volume several hosts mount: a directory created
 * atomically (`mkdir`), with its owner's host, pid, process start time, a token and a heartbeat inside. The holder
 * rewrites the heartbeat every couple of seconds for as long as it holds the lock. Another process takes the lock
 * over only when its holder is proven gone: on the same host, its pid no longer runs (or runs a different process);
 * on another host, where no pid can be checked, its heartbeat stood still for a whole watch window. Taking over is
 * itself serialised, so two waiters never both do it; a holder that finds its lock taken is told.
 */

interface Owner {
  host: string;
  pid: number;
  /** Process start time (Linux clock ticks since boot), or 0 where unknown. */
  start: number;
  /** Tells this holding apart from any other, even by the same process. */
  token?: string;
  /** Counts up while the holder lives. */
  beat?: number;
}

export interface LockTiming {
  /** How often a holder proves it is alive. */
  heartbeatMs: number;
  /** How long another host's heartbeat must stand still before its lock counts as abandoned. */
  foreignWatchMs: number;
}

export const DEFAULT_TIMING: LockTiming = { heartbeatMs: 2_000, foreignWatchMs: 10_000 };

/** The fields of /proc/<pid>/stat after the command name, or null off Linux or for no such process. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Start time of a process (field 22, in clock ticks since boot), or 0 where unknown. */
function startTime(pid: number): number {
  return Number(procStat(pid)?.[19]) || 0;
}

const SELF = { host: hostname(), pid: process.pid, start: startTime(process.pid) };

function aliveHere(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // A killed process nobody has reaped yet (a container whose init does not) is a zombie: it is gone.
  const state = procStat(owner.pid)?.[0];
  if (state === 'Z' || state === 'X') return false;
  return owner.start === 0 || startTime(owner.pid) === owner.start;
}

async function readOwner(dir: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'owner'), 'utf8')) as Owner;
  } catch {
    return null;
  }
}

/** Replaces the owner file whole (a reader never sees half of it). */
async function writeOwner(dir: string, owner: Owner): Promise<void> {
  const temp = join(dir, `owner.${owner.token ?? 'x'}.tmp`);
  await writeFile(temp, JSON.stringify(owner));
  await rename(temp, join(dir, 'owner'));
}

/** An owner that never wrote its file died between mkdir and write; give it a moment before deciding. */
const UNWRITTEN_GRACE_MS = 2_000;

/** Watches another host's heartbeat for the whole window: gone only if it never moved (or the lock went away). */
async function heartbeatStopped(dir: string, owner: Owner, timing: LockTiming): Promise<boolean> {
  const end = Date.now() + timing.foreignWatchMs;
  const step = Math.max(10, Math.floor(timing.heartbeatMs / 4));
  while (Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, step));
    const now = await readOwner(dir);
    if (!now) return true;
    if (now.token !== owner.token || now.beat !== owner.beat) return false;
  }
  return true;
}

async function abandoned(dir: string, owner: Owner | null, timing: LockTiming): Promise<boolean> {
  if (!owner) {
    const age = await stat(dir).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    return age > UNWRITTEN_GRACE_MS;
  }
  if (owner.host === SELF.host) return !aliveHere(owner);
  return heartbeatStopped(dir, owner, timing);
}

async function tryMkdir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes an abandoned lock, under a second lock so only one waiter does it, re-checking its owner first. */
async function takeOver(dir: string, seen: Owner | null): Promise<void> {
  const guard = `${dir}.takeover`;
  if (!(await tryMkdir(guard))) {
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > UNWRITTEN_GRACE_MS) await rm(guard, { recursive: true, force: true });
    return;
  }
  try {
    const now = await readOwner(dir);
    if (now?.token === seen?.token && now?.beat === seen?.beat) await rm(dir, { recursive: true, force: true });
  } finally {
    await rm(guard, { recursive: true, force: true });
  }
}

export class LockBusyError extends AppError {
  readonly errno = 'ELOCKED';
  constructor(readonly path: string) {
    super('ELOCKED', `${path} is locked by another process`);
  }
}

/** Keeps the heartbeat going; stops, and says so, if the lock is no longer ours. Stopping waits for a beat in flight. */
function keepAlive(dir: string, owner: Owner, timing: LockTiming, onLost: () => void): () => Promise<void> {
  let beat = 0;
  let stopped = false;
  let inflight: Promise<void> = Promise.resolve();
  const once = async () => {
    const current = await readOwner(dir);
    if (stopped) return;
    if (current?.token !== owner.token) {
      stopped = true;
      clearInterval(timer);
      onLost();
      return;
    }
    beat += 1;
    await writeOwner(dir, { ...owner, beat }).catch(() => undefined);
  };
  const timer = setInterval(() => {
    inflight = inflight.then(once);
  }, timing.heartbeatMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await inflight;
  };
}

export interface LockOptions {
  /** Called if another process took the lock while this one held it (it was thought gone). */
  onLost?: () => void;
  timing?: LockTiming;
}

/**
 * Takes the lock for `path` (the directory `<path>.lock`), waiting up to `waitMs` for a live holder; any other
 * failure (read-only or full disk, permissions) is thrown at once so the caller can say so.
 */
export async function acquireLock(
  path: string,
  waitMs = 30_000,
  options: LockOptions = {},
): Promise<() => Promise<void>> {
  const dir = `${path}.lock`;
  const timing = options.timing ?? DEFAULT_TIMING;
  const deadline = Date.now() + waitMs;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    if (await tryMkdir(dir)) {
      const owner: Owner = { ...SELF, token: randomUUID(), beat: 0 };
      try {
        await writeOwner(dir, owner);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const stop = keepAlive(dir, owner, timing, options.onLost ?? (() => undefined));
      return async () => {
        await stop();
        if ((await readOwner(dir))?.token === owner.token) await rm(dir, { recursive: true, force: true });
      };
    }
    const seen = await readOwner(dir);
    if (await abandoned(dir, seen, timing)) await takeOver(dir, seen);
    else if (Date.now() > deadline) throw new LockBusyError(path);
    else await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
