import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * A lock shared by the processes on one DATA_DIR: a directory created atomically (`mkdir`), with its owner's
 * host, pid and process start time inside. A lock whose owner is gone (killed, even with -9) is taken over at
 * once rather than after a timeout; the start time tells a dead owner from a new process that reused its pid
 * (a restarted container is pid 1 again). Taking over is itself serialised, so two waiters never both do it.
 */

interface Owner {
  host: string;
  pid: number;
  /** Process start time (Linux clock ticks since boot), or 0 where unknown. */
  start: number;
}

/** Start time of a process from /proc/<pid>/stat (field 22), or 0 off Linux. */
function startTime(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[19]) || 0;
  } catch {
    return 0;
  }
}

const SELF: Owner = { host: hostname(), pid: process.pid, start: startTime(process.pid) };

function alive(owner: Owner): boolean {
  if (owner.host !== SELF.host) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return owner.start === 0 || startTime(owner.pid) === owner.start;
}

async function readOwner(dir: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'owner'), 'utf8')) as Owner;
  } catch {
    return null;
  }
}

/** An owner that never wrote its file died between mkdir and write; give it a moment before deciding. */
const UNWRITTEN_GRACE_MS = 2_000;
/** Nobody holds a short lock this long; on another host (no pid to check) age decides. */
const FOREIGN_STALE_MS = 30_000;

async function abandoned(dir: string, owner: Owner | null): Promise<boolean> {
  const age = await stat(dir).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
  if (!owner) return age > UNWRITTEN_GRACE_MS;
  if (owner.host !== SELF.host) return age > FOREIGN_STALE_MS;
  return !alive(owner);
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

/** Removes an abandoned lock, under a second lock so only one waiter does it, re-checking it first. */
async function takeOver(dir: string): Promise<void> {
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
    if (await abandoned(dir, await readOwner(dir))) await rm(dir, { recursive: true, force: true });
  } finally {
    await rm(guard, { recursive: true, force: true });
  }
}

export class LockBusyError extends Error {
  override name = 'LockBusyError' as const;
  constructor(readonly path: string) {
    super(`${path} is locked by another process`);
    Object.assign(this, { code: 'ELOCKED' });
  }
}

/**
 * Takes the lock for `path` (the directory `<path>.lock`), waiting up to `waitMs` for a live holder; any other
 * failure (read-only or full disk, permissions) is thrown at once so the caller can say so.
 */
export async function acquireLock(path: string, waitMs = 30_000): Promise<() => Promise<void>> {
  const dir = `${path}.lock`;
  const deadline = Date.now() + waitMs;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    if (await tryMkdir(dir)) {
      try {
        await writeFile(join(dir, 'owner'), JSON.stringify(SELF));
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      return () => rm(dir, { recursive: true, force: true });
    }
    if (await abandoned(dir, await readOwner(dir))) await takeOver(dir);
    else if (Date.now() > deadline) throw new LockBusyError(path);
    else await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
