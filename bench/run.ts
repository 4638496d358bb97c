/**
 * `npm run bench`: B1 (HTTP path against a bare Bolt app), B2 (command core, growing datasets), B3 (digest
 * fan-out), B4 (LLM path) and B5 (start-up beside `node -e 0`), each against its baseline or bound in the same run. Writes bench/results.json and
 * bench/results.md. `--quick` runs smaller sizes (under two minutes); `--only B1,B3` runs some.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runB1 } from './b1-http.js';
import { runB2 } from './b2-core.js';
import { runB3 } from './b3-digest.js';
import { runB4 } from './b4-llm.js';
import { runB5 } from './b5-startup.js';
import { ROOT } from './child.js';
import { BENCH_DATABASE_URL } from './pg.js';
import { type Check, markdown } from './report.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
const only = onlyAt < 0 ? undefined : (args[onlyAt]?.split('=')[1] ?? args[onlyAt + 1]);
const wanted = (name: string) => !only || only.split(',').includes(name);

const SIZES = {
  b1: quick ? { count: 300, concurrency: 8, rounds: 2 } : { count: 2000, concurrency: 8, rounds: 3 },
  b2: quick ? { sizes: [1000, 10_000], iterations: 50 } : { sizes: [1000, 10_000, 100_000], iterations: 200 },
  b3: { channels: quick ? 200 : 500, rateLimitShare: 0.05 },
  b4: { requests: quick ? 40 : 100, concurrency: 4, delayMs: 10_000 },
  b5: { runs: quick ? 5 : 11 },
};

async function main(): Promise<void> {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'apb-bench-'));
  const results: Record<string, unknown> = {};
  const checks: Check[] = [];
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    if (wanted('B2')) {
      log('B2: command core…');
      const b2 = await runB2({
        workDir,
        ...SIZES.b2,
        ...(BENCH_DATABASE_URL ? { databaseAdminUrl: BENCH_DATABASE_URL } : {}),
      });
      results.B2 = b2;
      const largest = b2.scale.at(-1);
      checks.push({
        id: 'B2',
        what: 'command p99, shipped dataset (worst command)',
        value: b2.worstP99.shipped,
        unit: 'ms',
        max: 5,
      });
      if (largest) {
        const n = largest.figures.toLocaleString('en');
        checks.push({
          id: 'B2',
          what: `command p99 at ${n} figures (worst command)`,
          value: b2.worstP99.largest,
          unit: 'ms',
          max: 20,
        });
        checks.push({
          id: 'B2',
          what: `start-up at ${n} figures, new file (load, validate, index)`,
          value: Math.round(largest.coldStartupMs ?? 0),
          unit: 'ms',
          max: 2000,
        });
        checks.push({
          id: 'B2',
          what: `start-up at ${n} figures, file validated before (load, verify hash, index)`,
          value: Math.round(largest.startupMs),
          unit: 'ms',
          max: 2000,
        });
        checks.push({
          id: 'B2',
          what: `resident memory at ${n} figures`,
          value: Math.round(largest.rssMb),
          unit: 'MB',
          max: 300,
        });
      }
      for (const run of b2.postgres ?? []) {
        const n = run.figures.toLocaleString('en');
        const worstRun = Math.max(...Object.values(run.commands).map((c) => c.p99));
        checks.push({
          id: 'B2 pg',
          what: `command p99 at ${n} figures on PostgreSQL (worst command)`,
          value: worstRun,
          unit: 'ms',
          max: run.figures > 1000 ? 20 : 5,
        });
        checks.push({
          id: 'B2 pg',
          what: `start-up at ${n} figures on PostgreSQL, empty database (seed, validate, index)`,
          value: Math.round(run.coldStartupMs ?? 0),
          unit: 'ms',
        });
        checks.push({
          id: 'B2 pg',
          what: `start-up at ${n} figures on PostgreSQL, validated before (read, index)`,
          value: Math.round(run.startupMs),
          unit: 'ms',
          max: 2000,
        });
        checks.push({
          id: 'B2 pg',
          what: `resident memory at ${n} figures on PostgreSQL`,
          value: Math.round(run.rssMb),
          unit: 'MB',
          max: 300,
        });
      }
    }
    if (wanted('B1')) {
      log('B1: HTTP path…');
      const b1 = await runB1(SIZES.b1);
      results.B1 = b1;
      checks.push({
        id: 'B1',
        what: `ack p50, app ÷ bare (${b1.app.ack.p50} / ${b1.bare.ack.p50} ms)`,
        value: b1.ratios.p50,
        unit: '×',
        max: 1.25,
      });
      checks.push({
        id: 'B1',
        what: `ack p99, app ÷ bare (${b1.app.ack.p99} / ${b1.bare.ack.p99} ms)`,
        value: b1.ratios.p99,
        unit: '×',
        max: 1.25,
      });
      checks.push({
        id: 'B1',
        what: `throughput, app ÷ bare (${b1.app.throughput} / ${b1.bare.throughput} req/s)`,
        value: b1.ratios.throughput,
        unit: '×',
        min: 0.8,
      });
      if (b1.ratios.cpu !== null) {
        checks.push({
          id: 'B1',
          what: `server CPU per request, app ÷ bare (${b1.app.cpuMsPerRequest} / ${b1.bare.cpuMsPerRequest} ms; information)`,
          value: b1.ratios.cpu,
          unit: '×',
        });
      }
      checks.push({
        id: 'B1',
        what: 'commands answered (in the acknowledgement)',
        value: b1.answered,
        unit: `of ${b1.count}`,
        min: b1.count,
      });
    }
    if (wanted('B3')) {
      log('B3: digest fan-out…');
      const runs = [await runB3(SIZES.b3)];
      if (BENCH_DATABASE_URL)
        runs.push(await runB3({ ...SIZES.b3, databaseAdminUrl: BENCH_DATABASE_URL, replicas: 3 }));
      results.B3 = runs;
      for (const b3 of runs) {
        const id = b3.backend === 'postgres' ? `B3 pg ×${b3.replicas}` : 'B3';
        const where = b3.backend === 'postgres' ? `, ${b3.replicas} replicas on PostgreSQL` : '';
        checks.push({
          id,
          what: `digests per channel, ${b3.channels} channels${where} (min)`,
          value: b3.topLevelPerChannel.min,
          unit: '',
          min: 1,
        });
        checks.push({
          id,
          what: `digests per channel, ${b3.channels} channels${where} (max)`,
          value: b3.topLevelPerChannel.max,
          unit: '',
          max: 1,
        });
        checks.push({
          id,
          what: `wall time ÷ ideal (${b3.wallMs} / ${b3.idealMs} ms, ${b3.throttled} injected 429s${where})`,
          value: b3.ratio,
          unit: '×',
          max: 1.2,
        });
      }
    }
    if (wanted('B4')) {
      log('B4: LLM path…');
      const b4 = await runB4(SIZES.b4);
      results.B4 = b4;
      checks.push({
        id: 'B4',
        what: `/ai-brief ack p99 with a 10 s model (p50 ${b4.ack.p50} ms)`,
        value: b4.ack.p99,
        unit: 'ms',
        max: 100,
      });
      checks.push({
        id: 'B4',
        what: `fallback after a silent model, worst beyond the ${b4.hang.timeoutMs} ms timeout`,
        value: b4.hang.worstOverTimeoutMs,
        unit: 'ms',
        max: 1000,
      });
      checks.push({
        id: 'B4',
        what: 'summaries from the 10 s model delivered',
        value: b4.slow.summaries,
        unit: `of ${b4.requests / 2}`,
        min: b4.requests / 2,
      });
    }
    if (wanted('B5')) {
      log('B5: start-up…');
      const b5 = await runB5(SIZES.b5);
      results.B5 = b5;
      const base = `node -e 0: ${b5.baseline.cpuMs} ms CPU, ${b5.baseline.wallMs} ms wall`;
      for (const c of b5.cases) {
        const target = c.name.includes('with npm') ? {} : { max: 6 };
        checks.push({
          id: 'B5',
          what: `${c.name}: ${c.cpuMs} ms CPU, ${c.wallMs} ms wall; CPU ÷ ${base}`,
          value: c.cpuRatio,
          unit: '×',
          ...target,
        });
      }
      checks.push({
        id: 'B5',
        what: `npm start (HTTP mode, fake Slack) until /healthz answers (node bin/cli.js alone: ${b5.healthzReadyDirectMs} ms)`,
        value: b5.healthzReadyMs,
        unit: 'ms',
        max: 1500,
      });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    node: process.version,
    quick,
    at: new Date().toISOString(),
  };
  const out = { machine, checks, results, seconds: Math.round((Date.now() - started) / 1000) };
  const table = markdown(out.checks, machine, out.seconds, results);
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench', 'results.md'), table);
  process.stdout.write(table);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
