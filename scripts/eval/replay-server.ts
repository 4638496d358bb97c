import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedOutput } from './golden.js';

/** Wraps model content as an OpenAI chat.completion response. */
export function completionBody(content: string, model: string): string {
  return JSON.stringify({
    id: 'chatcmpl-replay',
    object: 'chat.completion',
    created: 1,
    model,
    choices: [
      { index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content, refusal: null } },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  });
}

/** The question inside the user message the briefer sends (see buildMessages). */
export function questionOf(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: string }[] }).messages ?? [];
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  const quoted = /<<<QUESTION[^\n]*\n(.*)\nQUESTION>>>/s.exec(user)?.[1];
  return quoted ? (JSON.parse(quoted) as string) : '';
}

/**
 * An OpenAI-compatible endpoint on loopback that answers each question with its recorded output, so the
 * evaluation runs through the real `openai` client and HTTP without a live model.
 */
export class ReplayServer {
  private server: Server | undefined;
  url = '';

  constructor(
    private readonly outputs: ReadonlyMap<string, RecordedOutput>,
    private readonly model: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const output = this.outputs.get(questionOf(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
      res.setHeader('content-type', 'application/json');
      if (!output) {
        res.writeHead(404).end(JSON.stringify({ error: { message: 'no recorded output for this question' } }));
      } else if ('status' in output) {
        res.writeHead(output.status).end(JSON.stringify(output.body));
      } else {
        const content = 'raw' in output ? output.raw : JSON.stringify(output.content);
        res.writeHead(200).end(completionBody(content, this.model));
      }
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
