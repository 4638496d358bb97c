import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(ran.stdout).toContain('AI 민간 투자 — 2025년');
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

describe('a chart renderer that cannot be loaded (its native binary missing)', () => {
  it('fails only the chart, saying why; the answer and every other command still come', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apb-chart-'));
    // Stands in for a missing prebuilt binary: resolving the package fails, as it does without one.
    const preload = join(dir, 'no-resvg.cjs');
    writeFileSync(
      preload,
      `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@resvg/resvg-js')) throw new Error('Cannot find native binding for resvg (test)');
  return resolve.call(this, request, ...rest);
};`,
    );
    const env = cleanEnv({ NODE_OPTIONS: `--require ${preload}` });
    const path = join(dir, 'rank.png');
    const ran = await runNpm(['run', '--silent', 'cli', '--', 'ask', '--chart', path, '/ai-rank ceti'], { env });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('벨퍼 CETI 2025');
    expect(existsSync(path)).toBe(false);
    expect(ran.stderr).toContain('chart renderer unavailable: Cannot find native binding for resvg (test)');
    expect(ran.stderr).toContain('그릴 수 있는 차트가 (더) 없습니다');
    const help = await runNpm(['run', '--silent', 'cli', '--', 'ask', '/talent-gap'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('인재');
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
