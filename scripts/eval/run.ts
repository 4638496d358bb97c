import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/core/dataset/dataset-schema.js';
import { validateDataset } from '../../src/core/dataset/dataset-validation.js';
import { createDatasetView, type DatasetView } from '../../src/core/dataset/dataset-view.js';
import type { Logger } from '../../src/core/logger.js';
import { selectCandidates } from '../../src/llm/candidates.js';
import { BriefEngine } from '../../src/llm/engine.js';
import { type Briefer, createOpenAiBriefer, type OpenAiSettings } from '../../src/llm/openai-briefer.js';
import { type GoldenCase, loadGolden, loadRecorded, normaliseQuestion, type RecordedOutput } from './golden.js';
import { ReplayServer } from './replay-server.js';
import { type CaseScore, scoreCase } from './score.js';
import { type Report, summarise } from './summary.js';

export interface EvalOptions {
  goldenPath: string;
  datasetPath: string;
  /** Replays recorded outputs when set; otherwise calls `live`. */
  recordedPath?: string;
  live?: OpenAiSettings;
  focusCountry?: string;
}

/** Plants a case's injection in a copy of the dataset. */
function patched(dataset: Dataset, c: GoldenCase): DatasetView {
  const patch = c.patch;
  if (!patch) return createDatasetView(dataset);
  const copy = structuredClone(dataset);
  const figure = copy.figures.find((f) => f.id === patch.figure);
  if (!figure) throw new Error(`${c.id}: no figure ${patch.figure} to patch`);
  if (patch.metricSuffix) {
    figure.metric = { ko: figure.metric.ko + patch.metricSuffix.ko, en: figure.metric.en + patch.metricSuffix.en };
  }
  if (patch.notes) figure.notes = patch.notes;
  return createDatasetView(validateDataset(copy, `golden case ${c.id}`));
}

/** Counts the sentences the verifier drops, which the engine logs one by one. */
function countingLogger(): Logger & { rejected: number } {
  const logger = {
    rejected: 0,
    debug: () => {},
    info: () => {},
    error: () => {},
    warn: (message: string) => {
      if (message === 'llm sentence rejected') logger.rejected += 1;
    },
  };
  return logger;
}

async function runCases(
  cases: readonly GoldenCase[],
  dataset: Dataset,
  briefer: Briefer,
  focusCountry: string,
): Promise<{ scores: CaseScore[]; rejected: number }> {
  const logger = countingLogger();
  const engine = new BriefEngine(briefer, logger, { perUserPerHour: 1e9, dailyBudget: 1e9, cacheTtlMs: 0 });
  const scores: CaseScore[] = [];
  for (const c of cases) {
    const view = patched(dataset, c);
    const question = normaliseQuestion(c.question);
    const figures = selectCandidates(view, question, { focusCountry });
    const result =
      figures.length === 0 ? null : await engine.ask({ question, locale: c.lang, view, figures, userId: 'eval' });
    scores.push(
      scoreCase(
        c,
        view,
        figures.map((f) => f.id),
        result,
      ),
    );
  }
  return { scores, rejected: logger.rejected };
}

/** Runs the golden set through the real engine and `openai` client, against recorded outputs or a live endpoint. */
export async function runEval(options: EvalOptions): Promise<Report> {
  const cases = loadGolden(options.goldenPath);
  const dataset = validateDataset(JSON.parse(readFileSync(options.datasetPath, 'utf8')), options.datasetPath);
  const focus = options.focusCountry ?? 'KR';
  if (options.live) {
    const briefer = createOpenAiBriefer(options.live);
    const { scores, rejected } = await runCases(cases, dataset, briefer, focus);
    return summarise(scores, rejected, { mode: 'live', model: options.live.model });
  }
  if (!options.recordedPath) throw new Error('either recordedPath or live settings are needed');
  const recorded = loadRecorded(options.recordedPath);
  const outputs = new Map<string, RecordedOutput>();
  for (const c of cases) {
    const output = recorded.outputs[c.id];
    if (output) outputs.set(normaliseQuestion(c.question), output);
  }
  const server = await new ReplayServer(outputs, recorded.model).start();
  try {
    const briefer = createOpenAiBriefer({
      apiKey: 'offline',
      baseUrl: server.url,
      model: recorded.model,
      timeoutMs: 15_000,
    });
    const { scores, rejected } = await runCases(cases, dataset, briefer, focus);
    return summarise(scores, rejected, { mode: 'offline', model: recorded.model });
  } finally {
    await server.stop();
  }
}
