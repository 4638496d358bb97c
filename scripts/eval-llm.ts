/**
 * `npm run eval:llm`: the golden questions through the grounded engine. Offline (the default without an LLM key,
 * and in CI) it replays eval/recorded.json through a local OpenAI-compatible server; with LLM_API_KEY set it asks
 * the live endpoint. `--json` prints the full report; `--offline` replays even with a key; `--record` (live only)
 * writes the live outputs to eval/recorded.json. Exits 1 when a guarantee breaks (an uncited number, an invalid
 * citation, an injection that got through).
 */
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.js';
import { loadGolden, normaliseQuestion, type RecordedOutput } from './eval/golden.js';
import { recordingFetch, writeRecording } from './eval/record.js';
import { runEval } from './eval/run.js';
import { formatReport, guaranteesHold } from './eval/summary.js';

const path = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const GOLDEN = path('eval/golden.json');
const RECORDED = path('eval/recorded.json');
const DATASET = path('data/dataset.json');

async function main(args: readonly string[]): Promise<number> {
  const llm = loadConfig(process.env, 'cli').llm;
  const live = llm && !args.includes('--offline') ? llm : undefined;
  if (args.includes('--record') && !live) {
    process.stderr.write('--record needs a live endpoint: set LLM_API_KEY (and LLM_BASE_URL, LLM_MODEL).\n');
    return 2;
  }
  const recorded = new Map<string, RecordedOutput>();
  const report = await runEval({
    goldenPath: GOLDEN,
    datasetPath: DATASET,
    ...(live
      ? {
          live: {
            apiKey: live.apiKey,
            ...(live.baseUrl ? { baseUrl: live.baseUrl } : {}),
            model: live.model,
            timeoutMs: live.timeoutMs,
            maxTokens: live.maxTokens,
            ...(args.includes('--record') ? { fetch: recordingFetch(recorded) } : {}),
          },
        }
      : { recordedPath: RECORDED }),
  });
  if (live && args.includes('--record')) {
    const ids = new Map(loadGolden(GOLDEN).map((c) => [normaliseQuestion(c.question), c.id]));
    writeRecording(RECORDED, live.model, recorded, ids);
  }
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return guaranteesHold(report) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`eval:llm failed: ${message}\n`);
    process.exitCode = 2;
  },
);
