import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  method: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export type ApiHandler = (call: ApiCall) => {
  status?: number;
  headers?: Record<string, string>;
  json: unknown;
  delayMs?: number;
};

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  threadTs?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  blocks?: unknown;
  at: number;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const form = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'payload', 'metadata', 'prompts']) {
    const value = form[key];
    if (typeof value === 'string' && /^[[{]/.test(value)) (form as Record<string, unknown>)[key] = JSON.parse(value);
  }
  return form;
}

/**
 * A stand-in for Slack's side, as a real local server, for child processes nock cannot reach: the Web API
 * (`/api/<method>`), response URLs (`/response/<id>`) and a Socket Mode WebSocket (`/socket`).
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Messages Slack accepted, as conversations.history returns them. */
  readonly messages: StoredMessage[] = [];
  private tsCounter = 0;
  /** The clock message timestamps come from; tests with a fake clock share theirs. */
  clock: () => number = () => Date.now();
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  /** Raw bodies posted to upload URLs (`/upload/<file id>`), as files.uploadV2 sends them. */
  readonly uploads: { id: string; bytes: Buffer }[] = [];
  readonly socketMessages: Record<string, unknown>[] = [];
  private readonly handlers = new Map<string, ApiHandler>();
  private server!: Server;
  private wss!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  url = '';

  on(method: string, handler: ApiHandler): this {
    this.handlers.set(method, handler);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/upload/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        this.uploads.push({ id: path.slice('/upload/'.length), bytes: Buffer.concat(chunks) });
        res.writeHead(200).end('OK');
        return;
      }
      const body = await readBody(req);
      if (path.startsWith('/response/')) {
        this.responses.push({ id: path.slice('/response/'.length), body });
        res.writeHead(200).end('ok');
        return;
      }
      const method = path.replace(/^\/api\//, '');
      const call = { method, authorization: req.headers.authorization, body, at: Date.now() };
      this.calls.push(call);
      const reply = (this.handlers.get(method) ?? this.defaultHandler)(call);
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs).unref());
      if (res.destroyed) return;
      res
        .writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.json));
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('message', (data) => this.socketMessages.push(JSON.parse(String(data))));
      socket.on('close', () => this.sockets.delete(socket));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0APP' },
          debug_info: { host: 'fake' },
        }),
      );
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Accepts a chat.postMessage as Slack would, and returns what it stored. */
  store(call: ApiCall): StoredMessage {
    const body = call.body as {
      channel: string;
      text?: string;
      thread_ts?: string;
      metadata?: StoredMessage['metadata'];
      blocks?: unknown;
    };
    this.tsCounter += 1;
    const message: StoredMessage = {
      channel: body.channel,
      ts: `${Math.floor(this.clock() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`,
      text: body.text ?? '',
      at: Date.now(),
      ...(body.thread_ts ? { threadTs: body.thread_ts } : {}),
      ...(body.metadata ? { metadata: body.metadata } : {}),
      ...(body.blocks ? { blocks: body.blocks } : {}),
    };
    this.messages.push(message);
    return message;
  }

  /** Top-level messages (not thread replies), in one channel or all. */
  posts(channel?: string): StoredMessage[] {
    return this.messages.filter((m) => !m.threadTs && (!channel || m.channel === channel));
  }

  private defaultHandler: ApiHandler = (call) => {
    const { method, body } = call;
    if (method === 'auth.test') return { json: { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEST' } };
    if (method === 'apps.connections.open')
      return { json: { ok: true, url: `${this.url.replace('http', 'ws')}/socket` } };
    if (method === 'chat.postMessage') {
      const stored = this.store(call);
      return { json: { ok: true, channel: stored.channel, ts: stored.ts } };
    }
    if (method === 'conversations.history') {
      const oldest = Number(body.oldest ?? 0);
      const messages = this.messages
        .filter((m) => m.channel === body.channel && !m.threadTs && Number(m.ts) >= oldest)
        .reverse()
        .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(m.metadata ? { metadata: m.metadata } : {}) }));
      return { json: { ok: true, messages, has_more: false } };
    }
    return { json: { ok: true } };
  };

  get connected(): boolean {
    return this.sockets.size > 0;
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
