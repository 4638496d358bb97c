import { commandBody, drive } from './load.js';
import { dataDirCopy, type Running, SECRET, startServer, startSlack } from './processes.js';
import { ratio, round, type Summary, summarise } from './stats.js';

/**
 * B1: acknowledgement latency and throughput of the bot in HTTP mode against a bare Bolt app, both real
 * processes driven over loopback with signed requests, alternating rounds in the same run.
 */

export interface HttpSide {
  ack: Summary;
  throughput: number;
  errors: number;
}

export interface B1Result {
  count: number;
  concurrency: number;
  bare: HttpSide;
  app: HttpSide;
  answered: number;
  ratios: { p50: number; p99: number; throughput: number };
}

const TEXTS: readonly [string, string][] = [
  ['/ai-rank', ''],
  ['/ai-rank', 'ceti'],
  ['/talent-gap', ''],
  ['/ai-rank', 'japan --en'],
];

export async function runB1(options: { count: number; concurrency: number; rounds: number }): Promise<B1Result> {
  const slack = await startSlack();
  const env = { SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/` };
  const bare = await startServer('bench/bare-app.ts', env, '/slack/events');
  const app = await startServer(
    'src/index.ts',
    { ...env, SLACK_BOT_TOKEN: 'xoxb-bench', DATA_DIR: dataDirCopy(), LOG_LEVEL: 'error', SCHEDULER: 'off' },
    '/healthz',
  );
  const body = (i: number) => {
    const [command, text] = TEXTS[i % TEXTS.length] ?? ['/ai-rank', ''];
    return commandBody(command, text, `${slack.url}/response/${i}`);
  };
  const samples = {
    bare: { lat: [] as number[], wall: 0, n: 0, errors: 0 },
    app: { lat: [] as number[], wall: 0, n: 0, errors: 0 },
  };
  const warm = Math.min(200, options.count);
  let answered = 0;
  try {
    for (const target of [bare, app]) await drive(target.url, body, warm, options.concurrency);
    for (let r = 0; r < options.rounds; r += 1) {
      for (const [name, target] of [
        ['bare', bare],
        ['app', app],
      ] as [keyof typeof samples, Running][]) {
        const run = await drive(target.url, body, options.count, options.concurrency);
        const s = samples[name];
        s.lat.push(...run.latencies);
        s.wall += run.wallMs;
        s.n += options.count;
        s.errors += run.errors;
      }
    }
    const answeredBy = Date.now() + 10_000;
    while ((await slack.stats()).responses.length < samples.app.n + warm && Date.now() < answeredBy) {
      await new Promise((r) => setTimeout(r, 200));
    }
    answered = (await slack.stats()).responses.length - warm;
  } finally {
    await bare.stop();
    await app.stop();
    await slack.stop();
  }
  const side = (s: (typeof samples)['app']): HttpSide => ({
    ack: summarise(s.lat),
    throughput: round((s.n / s.wall) * 1000, 1),
    errors: s.errors,
  });
  const b = side(samples.bare);
  const a = side(samples.app);
  return {
    count: options.count * options.rounds,
    concurrency: options.concurrency,
    bare: b,
    app: a,
    answered,
    ratios: {
      p50: ratio(a.ack.p50, b.ack.p50),
      p99: ratio(a.ack.p99, b.ack.p99),
      throughput: ratio(a.throughput, b.throughput),
    },
  };
}
