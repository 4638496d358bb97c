import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack's side for the benchmarks, on loopback: the Web API (`/api/<method>`), response URLs (`/response/<id>`),
 * and for B3 Slack's posting rules: about one message a second per channel, and a share of calls answered with
 * 429 and Retry-After.
 */

export interface Posted {
  channel: string;
  ts: string;
  threadTs?: string;
  at: number;
}

export interface FakeSlackOptions {
  /** Minimum gap between two accepted posts to one channel; faster ones get 429. */
  channelGapMs?: number;
  /** Share of chat.postMessage calls answered with 429 regardless. */
  rateLimitShare?: number;
  retryAfterSeconds?: number;
  seed?: number;
}

async function body(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) return raw ? JSON.parse(raw) : {};
  return Object.fromEntries(new URLSearchParams(raw));
}

export class BenchSlack {
  readonly posted: Posted[] = [];
  readonly responses: { id: string; at: number; text: string }[] = [];
  /** Every 429 sent, with the wait it asked for. */
  readonly throttled: { channel: string; at: number; waitMs: number; injected: boolean }[] = [];
  private readonly lastPost = new Map<string, number>();
  /** How often each Web API method was called. */
  readonly methods: Record<string, number> = {};
  private server!: Server;
  private random: () => number;
  private counter = 0;
  url = '';

  constructor(private readonly options: FakeSlackOptions = {}) {
    let s = options.seed ?? 7;
    this.random = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      body(req).then(
        (b) => this.handle(req.url ?? '/', b, res),
        () => res.writeHead(400).end(),
      );
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private handle(path: string, b: Record<string, string>, res: ServerResponse): unknown {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
    if (path.startsWith('/upload/')) {
      res.writeHead(200).end('OK');
      return;
    }
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), at: Date.now(), text: b.text ?? '' });
      res.writeHead(200).end('ok');
      return;
    }
    if (path === '/stats') {
      return json(200, {
        posted: this.posted,
        responses: this.responses,
        throttled: this.throttled,
        methods: this.methods,
      });
    }
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    this.methods[method] = (this.methods[method] ?? 0) + 1;
    if (method === 'auth.test') return json(200, { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH' });
    if (method === 'conversations.history') return json(200, { ok: true, messages: [], has_more: false });
    if (method === 'files.getUploadURLExternal') {
      return json(200, { ok: true, upload_url: `${this.url}/upload/F0BENCH`, file_id: 'F0BENCH' });
    }
    if (method === 'files.completeUploadExternal') return json(200, { ok: true, files: [{ id: 'F0BENCH' }] });
    if (method !== 'chat.postMessage') return json(200, { ok: true });
    const channel = b.channel ?? '';
    const now = Date.now();
    const gap = this.options.channelGapMs ?? 0;
    const retryAfter = this.options.retryAfterSeconds ?? 1;
    const tooSoon = gap > 0 && now - (this.lastPost.get(channel) ?? 0) < gap;
    const injected = !tooSoon && this.random() < (this.options.rateLimitShare ?? 0);
    if (tooSoon || injected) {
      this.throttled.push({ channel, at: now, waitMs: retryAfter * 1000, injected });
      return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
    }
    this.lastPost.set(channel, now);
    this.counter += 1;
    const ts = `${Math.floor(now / 1000)}.${String(this.counter).padStart(6, '0')}`;
    this.posted.push({ channel, ts, at: now, ...(b.thread_ts ? { threadTs: b.thread_ts } : {}) });
    return json(200, { ok: true, channel, ts });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
