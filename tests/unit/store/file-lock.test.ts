import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError } from '../../../src/persistence/files/file-lock.js';
import { ROOT } from '../../helpers/spawn.js';

const dir = () => mkdtempSync(join(tmpdir(), 'apb-lock-'));

function fakeOwner(path: string, owner: { host: string; pid: number; start: number }): void {
  mkdirSync(`${path}.lock`);
  writeFileSync(join(`${path}.lock`, 'owner'), JSON.stringify(owner));
}

describe('acquireLock', () => {
  it('lets one holder in at a time', async () => {
    const path = join(dir(), 'state.json');
    const order: string[] = [];
    const first = await acquireLock(path);
    const second = acquireLock(path).then((release) => {
      order.push('second');
      return release;
    });
    await new Promise((r) => setTimeout(r, 50));
    order.push('first done');
    await first();
    await (await second)();
    expect(order).toEqual(['first done', 'second']);
  });

  it('takes over at once from a process that no longer exists', async () => {
    const path = join(dir(), 'state.json');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fakeOwner(path, { host: hostname(), pid: Number(gone), start: 1 });
    const started = Date.now();
    await (await acquireLock(path, 0))();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('treats a live pid with another start time as a reused pid, not the owner', async () => {
    const path = join(dir(), 'state.json');
    fakeOwner(path, { host: hostname(), pid: process.pid, start: 12345 });
    await (await acquireLock(path, 0))();
  });

  it('gives up on a live holder after the wait, with ELOCKED', async () => {
    const path = join(dir(), 'state.json');
    const release = await acquireLock(path);
    await expect(acquireLock(path, 100)).rejects.toBeInstanceOf(LockBusyError);
    await expect(acquireLock(path, 0)).rejects.toMatchObject({ code: 'ELOCKED' });
    await release();
  });

  it('fails at once, not after waiting, where the lock cannot be made', async () => {
    const started = Date.now();
    await expect(acquireLock('/proc/not-writable/state.json')).rejects.toMatchObject({
      code: expect.stringMatching(/^E/),
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

/** A holder on "another host": a child process in its own UTS namespace (unshare -u) with another hostname. */
const canUnshare = spawnSync('unshare', ['-u', 'true']).status === 0;
const FAST = { heartbeatMs: 50, foreignWatchMs: 400 };

function foreignHolder(path: string) {
  const script = `
    import { acquireLock } from './src/persistence/files/file-lock.ts';
    await acquireLock(${JSON.stringify(path)}, 0, { timing: ${JSON.stringify(FAST)} });
    process.stdout.write('held\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(
    'unshare',
    [
      '-u',
      'sh',
      '-c',
      `hostname other-host && exec "${process.execPath}" --import tsx --input-type=module -e "$0"`,
      script,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const held = new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('held') && resolve()));
  return { child, held };
}

describe.runIf(canUnshare)('a lock held from another host', () => {
  it('is never taken from a live holder, however old the lock looks', async () => {
    const path = join(dir(), 'state.json');
    const holder = foreignHolder(path);
    try {
      await holder.held;
      // Backdated as if it had been held for a minute: age alone must not count as "gone".
      const old = new Date(Date.now() - 60_000);
      utimesSync(`${path}.lock`, old, old);
      utimesSync(join(`${path}.lock`, 'owner'), old, old);
      expect(JSON.parse(readFileSync(join(`${path}.lock`, 'owner'), 'utf8')).host).toBe('other-host');
      await expect(acquireLock(path, 1_000, { timing: FAST })).rejects.toBeInstanceOf(LockBusyError);
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  it('is taken over once its heartbeat has stood still for the watch window', async () => {
    const path = join(dir(), 'state.json');
    const holder = foreignHolder(path);
    await holder.held;
    holder.child.kill('SIGKILL');
    await once(holder.child, 'exit');
    const started = Date.now();
    const release = await acquireLock(path, 5_000, { timing: FAST });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAST.foreignWatchMs);
    await release();
  });
});

it('tells a holder whose lock was taken from it', async () => {
  const path = join(dir(), 'state.json');
  let lost = false;
  const release = await acquireLock(path, 0, { timing: FAST, onLost: () => (lost = true) });
  writeFileSync(
    join(`${path}.lock`, 'owner'),
    JSON.stringify({ host: 'elsewhere', pid: 1, start: 0, token: 'theirs' }),
  );
  const end = Date.now() + 5_000;
  while (!lost && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(lost).toBe(true);
  await release();
  // Not ours any more: releasing leaves the other holder's lock in place.
  expect(JSON.parse(readFileSync(join(`${path}.lock`, 'owner'), 'utf8')).token).toBe('theirs');
});
