import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_PATH } from '../helpers/services.js';
import { cleanEnv, ROOT, runNpm } from '../helpers/spawn.js';

describe('npm start without Slack tokens', () => {
  it('opens the console and answers the same commands as Slack', async () => {
    const ran = await runNpm(['start', '--silent'], { input: '/ai-rank\n/talent-gap --en\nhello\nexit\n' });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('AI Policy Brief 로컬 콘솔');
    expect(ran.stdout).toContain('9위/26 (25개국+유럽 권역) · 14.1점');
    expect(ran.stdout).toContain('출처: 엔터고 (https://entergo.co.kr/');
    expect(ran.stdout).toContain('35th of 38 OECD countries');
    expect(ran.stdout).toContain('[ 채널에 공유 ]');
    expect(ran.stdout).toContain('명령은 /로 시작합니다');
  });
});

describe('npm run cli -- ask', () => {
  it('prints JSON lines with Korea’s ranks and their sources, exit 0', async () => {
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'ask', '--json', '/ai-rank']);
    expect(ran.code).toBe(0);
    const messages = ran.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(messages[0]).toMatchObject({ response_type: 'ephemeral' });
    const blocks = JSON.stringify(messages[0].blocks);
    expect(blocks).toContain('벨퍼 CETI 2025 — AI 부문');
    expect(blocks).toContain('9위/26 (25개국+유럽 권역)* · 14.1점');
    expect(blocks).toContain('<https://entergo.co.kr/');
  });

  it('exits 1 for a user-facing error and 2 for misuse', async () => {
    expect((await runNpm(['run', '--silent', 'cli', '--', 'ask', '/ai-rank narnia'])).code).toBe(1);
    const misuse = await runNpm(['run', '--silent', 'cli', '--', 'ask']);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('Usage:');
  });

  it('centres on FOCUS_COUNTRY', async () => {
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'ask', '/ai-rank'], {
      env: cleanEnv({ FOCUS_COUNTRY: 'jp' }),
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('일본의 AI 경쟁력 순위');
  });
});

describe('start-up refuses bad configuration, naming the variable and never a secret', () => {
  it.each([
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE'],
    [{ SLACK_BOT_TOKEN: 'xoxb-111-222-Zq9LeakBot' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxp-111-222-Zq9LeakUser', SLACK_SIGNING_SECRET: 'Zq9LeakSecret00000000' }, 'SLACK_BOT_TOKEN'],
    [{ FOCUS_COUNTRY: 'ZZ' }, 'FOCUS_COUNTRY'],
  ])('%j', async (env, variable) => {
    const ran = await runNpm(['start', '--silent'], { env: cleanEnv(env) });
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain('AI Policy Brief cannot start');
    expect(ran.stderr).toContain(variable);
    expect(ran.stdout + ran.stderr).not.toContain('Zq9Leak');
  });

  it.each([
    [{ DATABASE_URL: 'postgres://bot@127.0.0.1:1/apb?password=Zq9LeakQ&sslpassword=Zq9LeakS' }, 'is unavailable'],
    [
      {
        SLACK_BOT_TOKEN: 'xoxb-1-2-x',
        SLACK_SIGNING_SECRET: 'abcdefabcdefabcdef12',
        SLACK_API_URL: 'http://slackuser:Zq9LeakU@127.0.0.1:1/api/?token=Zq9LeakT',
      },
      'could not be reached',
    ],
  ])('never prints a credential a URL carries: %j', async (env, reason) => {
    const ran = await runNpm(['start', '--silent'], { env: cleanEnv(env) });
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain(reason);
    expect(ran.stderr).toContain('***');
    expect(ran.stdout + ran.stderr).not.toContain('Zq9Leak');
  });

  it('stops on an invalid dataset with its path and the reason, leaving the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apb-start-'));
    const file = join(dir, 'dataset.json');
    writeFileSync(file, '{"schemaVersion": 1, "figures": [}');
    const ran = await runNpm(['start', '--silent'], { env: cleanEnv({ DATA_DIR: dir }) });
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain(`${file}: invalid JSON`);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "figures": [}');
  });
});

describe('one bot per DATA_DIR, and a corrupted dataset', () => {
  it('a second bot on the same DATA_DIR refuses to start with a clear message; the first is unaffected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apb-two-'));
    copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
    const first = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: cleanEnv({ DATA_DIR: dir }),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let firstOut = '';
    first.stdout?.on('data', (d) => {
      firstOut += String(d);
    });
    const end = Date.now() + 15_000;
    while (!firstOut.includes('로컬 콘솔') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const second = await runNpm(['start', '--silent'], { env: cleanEnv({ DATA_DIR: dir }) });
    expect(second.code).toBe(3);
    expect(second.stderr).toContain('another AI Policy Brief is already running');
    first.stdin?.write('/ai-rank ceti\nexit\n');
    const [code] = await once(first, 'exit');
    expect(code).toBe(0);
    expect(firstOut).toContain('벨퍼 CETI 2025 — AI 부문 순위');
  });

  const canUnshare = spawnSync('unshare', ['-u', 'true']).status === 0;

  it.runIf(canUnshare)(
    'a bot on another host sharing DATA_DIR keeps it while it lives; once it is gone the next bot takes over',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'apb-hosts-'));
      copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
      // The first bot runs in its own UTS namespace, as on another host: no pid of it can be checked from here.
      const first = spawn('unshare', ['-u', 'sh', '-c', 'hostname other-host && exec npm start --silent'], {
        cwd: ROOT,
        env: cleanEnv({ DATA_DIR: dir }),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      let firstOut = '';
      first.stdout?.on('data', (d) => {
        firstOut += String(d);
      });
      const end = Date.now() + 30_000;
      while (!firstOut.includes('로컬 콘솔') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(JSON.parse(readFileSync(join(dir, '.bot.lock', 'owner'), 'utf8')).host).toBe('other-host');
      const refused = await runNpm(['start', '--silent'], { env: cleanEnv({ DATA_DIR: dir }), timeoutMs: 60_000 });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('another AI Policy Brief is already running');
      if (first.pid) process.kill(-first.pid, 'SIGKILL');
      await once(first, 'exit');
      const next = await runNpm(['start', '--silent'], {
        env: cleanEnv({ DATA_DIR: dir }),
        input: '/ai-rank ceti\nexit\n',
        timeoutMs: 60_000,
      });
      expect(next.code).toBe(0);
      expect(next.stdout).toContain('벨퍼 CETI 2025 — AI 부문 순위');
    },
    120_000,
  );

  it.each([
    ['invalid JSON', '{"figures": [}', 'invalid JSON'],
    ['null', 'null', 'the file holds null instead of data'],
    ['an empty file', '', 'the file is empty'],
    ['schema-invalid', '{"schemaVersion": 1}', 'not a valid dataset'],
  ])(
    'refuses %s, naming the file, the reason and the backup to restore, leaving the file untouched',
    async (_name, content, reason) => {
      const dir = mkdtempSync(join(tmpdir(), 'apb-corrupt-'));
      mkdirSync(join(dir, 'backups'));
      copyFileSync(DATASET_PATH, join(dir, 'backups', 'dataset-v000007.json'));
      writeFileSync(join(dir, 'dataset.json'), content);
      const ran = await runNpm(['start', '--silent'], { env: cleanEnv({ DATA_DIR: dir }) });
      expect(ran.code).toBe(3);
      expect(ran.stderr).toContain(`${join(dir, 'dataset.json')}: ${reason}`);
      expect(ran.stderr).toContain(
        `To restore the last good version: cp ${join(dir, 'backups', 'dataset-v000007.json')} ${join(dir, 'dataset.json')}`,
      );
      expect(readFileSync(join(dir, 'dataset.json'), 'utf8')).toBe(content);
    },
  );
});
