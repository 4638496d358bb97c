import { createHmac } from 'node:crypto';
import { SECRET } from './processes.js';
import { now } from './stats.js';

/** Slash-command requests signed as Slack signs them, and a closed-loop load generator. */

let triggers = 0;

export function commandBody(command: string, text: string, responseUrl: string, userId = 'U0BENCH'): string {
  return new URLSearchParams({
    token: 'x',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: userId,
    user_name: 'bench',
    command,
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    // Slack mints a trigger id per invocation; the bot drops a repeated one as a replayed delivery.
    trigger_id: `${++triggers}.${process.pid}.bench`,
  }).toString();
}

/** Posts a signed request; the status, and whether the acknowledgement carried a message. */
export async function postSigned(url: string, body: string): Promise<{ status: number; answered: boolean }> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, answered: text.includes('"blocks"') };
}

export interface LoadResult {
  latencies: number[];
  wallMs: number;
  errors: number;
  /** Acknowledgements that carried the answer itself. */
  answered: number;
}

/** `count` requests, `concurrency` at a time; each latency is from send to the acknowledgement's last byte. */
export async function drive(url: string, bodies: (i: number) => string, count: number, concurrency: number) {
  const latencies: number[] = [];
  let errors = 0;
  let answered = 0;
  let next = 0;
  const started = now();
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      const t = now();
      const result = await postSigned(url, bodies(i)).catch(() => ({ status: 0, answered: false }));
      latencies.push(now() - t);
      if (result.status !== 200) errors += 1;
      if (result.answered) answered += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, wallMs: now() - started, errors, answered } satisfies LoadResult;
}
