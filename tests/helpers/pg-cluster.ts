import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './spawn.js';

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory, its own port), so a test can really stop
 * and restart a server without disturbing the shared one other test files use. Needs the server binaries
 * (Debian's postgresql package); as root, it runs them as the `postgres` user, since PostgreSQL refuses root.
 */
export class PrivateCluster {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly asUser: string | null,
  ) {}

  /** The server binaries' directory, or null when this machine has none. */
  static binaries(): string | null {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    const found = versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'pg_ctl')));
    if (!found) return null;
    if (process.getuid?.() === 0 && !userExists('postgres')) return null;
    return found;
  }

  static async create(): Promise<PrivateCluster> {
    const bin = PrivateCluster.binaries();
    if (!bin) throw new Error('no PostgreSQL server binaries on this machine');
    const asUser = process.getuid?.() === 0 ? 'postgres' : null;
    const dir = mkdtempSync(join(tmpdir(), 'apb-pgcluster-'));
    if (asUser) {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, asUser]).toString().trim()));
      chownSync(dir, uid as number, gid as number);
    }
    const cluster = new PrivateCluster(bin, dir, await freePort(), asUser);
    cluster.run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await cluster.start();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  /** `immediate` is a crash as far as clients and the server's recovery are concerned; `fast` a clean shutdown. */
  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const path = join(this.bin, tool);
    const [command, argv] = this.asUser ? ['runuser', ['-u', this.asUser, '--', path, ...args]] : [path, args];
    execFileSync(command, argv, { stdio: 'pipe', cwd: this.dir, timeout: 60_000 });
  }
}

function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
