import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AuditLog } from '../../src/persistence/files/audit-file.js';
import { confirmId, dataHarness } from '../helpers/data-harness.js';
import { digestHarness, subscribe, subscription } from '../helpers/digest-harness.js';
import { describePg, TestDatabases } from '../helpers/pg.js';
import { cleanEnv, runNpm } from '../helpers/spawn.js';

const databases = new TestDatabases();
const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const files = (dir: string) => readdirSync(dir).sort();

describePg('cli data export / import', () => {
  afterAll(() => databases.dropAll());

  it('moves a DATA_DIR into PostgreSQL and back without losing anything', async () => {
    // A DATA_DIR with history: edits, a refused attempt, a preview waiting for Confirm, digests posted.
    const data = await dataHarness({ interactive: true });
    await data.run('/ai-data set ceti25_ai_KR value=15.2 rank=8 --yes');
    await data.run(
      '/ai-data add series=ceti25_ai country=BR value=7.1 rank=21 period=2025 source_url=https://e.org/br publisher=Example --yes',
    );
    await data.run('/ai-data remove ceti25_ai_RU --yes');
    await data.run('/ai-data set ceti25_ai_KR value=1 --yes', 'U0INTRUDER');
    confirmId((await data.run('/ai-data set ceti25_ai_JP value=13.5')).reply);
    await data.run('/ai-lang en', 'U0ALICE');
    await data.run('/ai-lang 한국어', 'U0BOB');
    const digests = await digestHarness({ dataDir: data.dataDir });
    await subscribe(digests.service, subscription('C0AAA'), subscription('C0BBB', { locale: 'en' }));
    await digests.service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
    await digests.slack.stop();

    const db = await databases.get('transfer');
    const env = cleanEnv({ DATABASE_URL: db.url });
    const imported = await runNpm(['run', '--silent', 'cli', '--', 'data', 'import', '--from', data.dataDir], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('"version":4');
    const again = await runNpm(['run', '--silent', 'cli', '--', 'data', 'import', '--from', data.dataDir], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--replace');

    const out = mkdtempSync(join(tmpdir(), 'apb-export-'));
    const exported = await runNpm(['run', '--silent', 'cli', '--', 'data', 'export', '--to', out], { env });
    expect(exported.code, exported.stderr).toBe(0);

    const src = data.dataDir;
    expect(read(out, 'dataset.json')).toEqual(read(src, 'dataset.json'));
    expect(files(join(out, 'backups'))).toEqual(files(join(src, 'backups')));
    for (const name of files(join(src, 'backups'))) {
      expect(read(join(out, 'backups'), name)).toEqual(read(join(src, 'backups'), name));
    }
    expect(await new AuditLog(join(out, 'audit.jsonl')).entries()).toEqual(
      await new AuditLog(join(src, 'audit.jsonl')).entries(),
    );
    expect(read(out, 'pending-edits.json').pending).toEqual(read(src, 'pending-edits.json').pending);
    expect(read(out, 'subscriptions.json')).toEqual(read(src, 'subscriptions.json'));
    const byKey = (entries: { key: string }[]) => [...entries].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(read(out, 'digest-ledger.json').entries)).toEqual(byKey(read(src, 'digest-ledger.json').entries));
    expect(byKey(read(out, 'digest-ledger.json').entries)).toHaveLength(2);
    expect(files(join(out, 'digest-snapshots'))).toEqual(files(join(src, 'digest-snapshots')));
    expect(read(out, 'preferences.json')).toEqual(read(src, 'preferences.json'));
    expect(Object.keys(read(out, 'preferences.json').users)).toEqual(['U0ALICE', 'U0BOB']);
    for (const name of files(join(src, 'digest-snapshots'))) {
      expect(readFileSync(join(out, 'digest-snapshots', name), 'utf8')).toBe(
        readFileSync(join(src, 'digest-snapshots', name), 'utf8'),
      );
    }
  });

  it('says what it needs without DATABASE_URL', async () => {
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'data', 'export', '--to', '/tmp/x'], { env: cleanEnv() });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('DATABASE_URL');
  });
});
