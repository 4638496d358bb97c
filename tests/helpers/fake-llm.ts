import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionBody, questionOf } from '../../scripts/eval/replay-server.js';

export interface LlmRequest {
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  };
  authorization: string | undefined;
  at: number;
}

export type LlmReply =
  | { kind: 'answer'; content: unknown; delayMs?: number }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'hang' };

/** An OpenAI-compatible endpoint on loopback (`/v1/chat/completions`), answering what each test scripts. */
export class FakeLlm {
  readonly requests: LlmRequest[] = [];
  reply: (request: LlmRequest) => LlmReply = () => ({ kind: 'answer', content: { answerable: false, sentences: [] } });
  private server!: Server;
  private hanging: ServerResponse[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = {
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
        authorization: req.headers.authorization,
        at: Date.now(),
      };
      this.requests.push(request);
      const reply = this.reply(request);
      if (reply.kind === 'hang') {
        this.hanging.push(res);
        return;
      }
      if (reply.kind === 'raw') {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
        return;
      }
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
      res.writeHead(200, { 'content-type': 'application/json' }).end(completionBody(content, request.body.model));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  /** The question the bot sent in its last request, as it appears in the user message. */
  lastQuestion(): string {
    return questionOf(this.requests.at(-1)?.body ?? {});
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
