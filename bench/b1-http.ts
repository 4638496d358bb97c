import { commandBody, drive } from './load.js';
import { cpuMs, dataDirCopy, type Running, SECRET, startServer, startSlack } from './processes.js';
import { ratio, round, type Summary, summarise } from './stats.js';

/**
 * B1: acknowledgement latency and throughput of the bot in HTTP mode against a bare Bolt app, both real
 * processes driven over loopback with signed requests, alternating rounds in the same run.
 */

export interface HttpSide {
  ack: Summary;
  throughput: number;
  errors: number;
  /** Server CPU per request (user + system), from /proc; the least noisy of these figures. */
  cpuMsPerRequest: number | null;
}

export interface B1Result {
  count: number;
  concurrency: number;
  bare: HttpSide;
  app: HttpSide;
  answered: number;
  ratios: { p50: number; p99: number; throughput: number; cpu: number | null };
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
    bare: { lat: [] as number[], wall: 0, n: 0, errors: 0, cpu: 0 as number | null },
    app: { lat: [] as number[], wall: 0, n: 0, errors: 0, cpu: 0 as number | null },
  };
  let answered = 0;
  try {
    for (const target of [bare, app]) await drive(target.url, body, Math.min(200, options.count), options.concurrency);
    const postedBefore = (await slack.stats()).responses.length;
    for (let r = 0; r < options.rounds; r += 1) {
      for (const [name, target] of [
        ['bare', bare],
        ['app', app],
      ] as [keyof typeof samples, Running][]) {
        const before = cpuMs(target.child.pid);
        const run = await drive(target.url, body, options.count, options.concurrency);
        const after = cpuMs(target.child.pid);
        const s = samples[name];
        s.cpu = before === null || after === null || s.cpu === null ? null : s.cpu + (after - before);
        s.lat.push(...run.latencies);
        s.wall += run.wallMs;
        s.n += options.count;
        s.errors += run.errors;
        // The app answers in the acknowledgement; a reply of several messages sends the rest to response_url.
        if (name === 'app') answered += run.answered;
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    const continued = (await slack.stats()).responses.length - postedBefore;
    if (answered < samples.app.n) answered += continued;
  } finally {
    await bare.stop();
    await app.stop();
    await slack.stop();
  }
  const side = (s: (typeof samples)['app']): HttpSide => ({
    ack: summarise(s.lat),
    throughput: round((s.n / s.wall) * 1000, 1),
    errors: s.errors,
    cpuMsPerRequest: s.cpu === null ? null : round(s.cpu / s.n, 3),
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
      cpu: a.cpuMsPerRequest && b.cpuMsPerRequest ? ratio(a.cpuMsPerRequest, b.cpuMsPerRequest) : null,
      p50: ratio(a.ack.p50, b.ack.p50),
      p99: ratio(a.ack.p99, b.ack.p99),
      throughput: ratio(a.throughput, b.throughput),
    },
  };
}
