import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError } from '../../../src/store/file-lock.js';

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
