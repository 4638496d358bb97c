import { SlowLlm } from './fake-llm.js';
import { commandBody, postSigned } from './load.js';
import { dataDirCopy, SECRET, startServer, startSlack } from './processes.js';
import { round, type Summary, summarise } from './stats.js';

/**
 * B4: /ai-brief against a model that takes 10 s (the default 15 s timeout lets it answer) and one that never
 * answers. The acknowledgement must not wait for the model; the fallback must arrive by the timeout plus 1 s.
 */

export interface B4Result {
  requests: number;
  ack: Summary;
  slow: { summaries: number; secondMessageMs: Summary };
  hang: { fallbacks: number; secondMessageMs: Summary; timeoutMs: number; worstOverTimeoutMs: number };
}

const TIMEOUT_MS = 15_000;
const QUESTIONS = ['한국의 AI 인재 유출은 얼마나 심각한가?', 'How does Korea rank in AI indices?', '한국의 AI 투자는?'];

export async function runB4(options: { requests: number; concurrency: number; delayMs: number }): Promise<B4Result> {
  const slack = await startSlack();
  const llm = await new SlowLlm(options.delayMs).start();
  const bot = await startServer(
    'src/index.ts',
    {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      DATA_DIR: dataDirCopy(),
      LOG_LEVEL: 'error',
      SCHEDULER: 'off',
      LLM_API_KEY: 'sk-bench',
      LLM_BASE_URL: llm.url,
      LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    },
    '/healthz',
  );
  const sentAt = new Map<number, number>();
  const acks: number[] = [];
  const warm = 8;
  try {
    // Warm-up (not measured): the first requests compile the code paths and open connections.
    for (let w = 0; w < warm; w += 1) {
      await postSigned(
        bot.url,
        commandBody(
          '/ai-brief',
          `${QUESTIONS[w % QUESTIONS.length]} warm ${w}`,
          `${slack.url}/response/w${w}`,
          `UW${w}`,
        ),
      );
    }
    let next = 0;
    const worker = async () => {
      while (next < options.requests) {
        const i = next;
        next += 1;
        // Every other request asks a model that never answers; each user is distinct (no per-user limit).
        const question = `${QUESTIONS[i % QUESTIONS.length]}${i % 2 ? ' [hang]' : ''} #${i}`;
        const t = performance.now();
        sentAt.set(i, Date.now());
        await postSigned(bot.url, commandBody('/ai-brief', question, `${slack.url}/response/${i}`, `U${i}`));
        acks.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const deadline = Date.now() + TIMEOUT_MS + 5_000;
    while ((await slack.stats()).responses.length < (options.requests + warm) * 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await bot.stop();
    await llm.stop();
  }
  const { responses } = await slack.stats();
  await slack.stop();
  const second = new Map<number, { at: number; text: string }>();
  const seen = new Set<number>();
  for (const r of responses.filter((x) => !x.id.startsWith('w'))) {
    const i = Number(r.id);
    if (seen.has(i)) second.set(i, r);
    seen.add(i);
  }
  const delays = (hang: boolean) =>
    [...second.entries()].filter(([i]) => (i % 2 === 1) === hang).map(([i, r]) => r.at - (sentAt.get(i) ?? 0));
  const hangDelays = delays(true);
  return {
    requests: options.requests,
    ack: summarise(acks),
    slow: { summaries: delays(false).length, secondMessageMs: summarise(delays(false)) },
    hang: {
      fallbacks: hangDelays.length,
      secondMessageMs: summarise(hangDelays),
      timeoutMs: TIMEOUT_MS,
      worstOverTimeoutMs: round(Math.max(0, ...hangDelays) - TIMEOUT_MS, 0),
    },
  };
}
