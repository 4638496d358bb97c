import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionBody, questionOf } from '../scripts/eval/replay-server.js';

/**
 * B4's model: an OpenAI-compatible endpoint that answers after `delayMs`, or never when the question contains
 * "[hang]". The answer cites the first candidate id it was offered.
 */
export class SlowLlm {
  private server!: Server;
  private readonly open = new Set<ServerResponse>();
  url = '';

  constructor(private readonly delayMs: number) {}

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      this.open.add(res);
      res.on('close', () => this.open.delete(res));
      if (questionOf(body).includes('[hang]')) return;
      const schema = JSON.stringify(body.response_format?.json_schema?.schema ?? {});
      const id = (/"enum":\["([^"]+)"/.exec(schema)?.[1] ?? 'none') as string;
      const content = JSON.stringify({ answerable: true, sentences: [{ text: `Value {{fig:${id}}}.`, cites: [id] }] });
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end(completionBody(content, body.model)),
        this.delayMs,
      );
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
