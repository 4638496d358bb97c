import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_PATH } from '../helpers/services.js';
import { cleanEnv, runNpm } from '../helpers/spawn.js';

describe('cli ask --chart', () => {
  it('prints the answer and writes each chart as a PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apb-chart-'));
    const path = join(dir, 'invest.png');
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'ask', '--chart', path, '/ai-invest 일본'], {
      env: cleanEnv(),
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('AI 민간 투자 — 2024년');
    for (const file of [path, join(dir, 'invest-2.png')]) {
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    expect(ran.stderr).toContain(`차트를 저장했습니다: ${path}`);
  });

  it('still prints the answer, exit 0, when the font cannot be found', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'apb-chart-')), 'rank.png');
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'ask', '--chart', path, '/ai-rank ceti --en'], {
      env: cleanEnv({ CHART_FONT_PATH: '/no/such/font.ttf' }),
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Belfer CETI 2025');
    expect(existsSync(path)).toBe(false);
    expect(ran.stderr).toContain('no (further) chart');
  });
});

describe('the console', () => {
  it('saves the charts of its answers under DATA_DIR/exports/charts and says where', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'apb-console-chart-'));
    copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
    const ran = await runNpm(['start', '--silent'], {
      env: cleanEnv({ DATA_DIR: dataDir }),
      input: '/ai-rank ceti\nexit\n',
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('벨퍼 CETI 2025');
    const saved = readdirSync(join(dataDir, 'exports', 'charts'));
    expect(saved).toHaveLength(1);
    expect(ran.stdout).toContain(`차트를 저장했습니다: ${join(dataDir, 'exports', 'charts', saved[0] ?? '')}`);
  });
});
