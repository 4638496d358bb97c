import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AppError } from '../../core/errors.js';

/**
 * Posts a message to a slash command's `response_url` over kept-alive connections. Bolt's `respond` goes through
 * the global fetch, which costs several times the CPU per call; on a busy bot that time delays other users'
 * acknowledgements (bench B1).
 */

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};
const TIMEOUT_MS = 10_000;

export class ResponseUrlError extends AppError {
  constructor(readonly status: number) {
    super('response_url', `Failed to respond to the response_url: ${status}`);
  }
}

export type Responder = (message: Record<string, unknown>) => Promise<void>;

export function responder(responseUrl: string): Responder {
  const url = new URL(responseUrl);
  const secure = url.protocol === 'https:';
  return (message) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(message);
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: TIMEOUT_MS,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new ResponseUrlError(status));
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('response_url timed out')));
      req.on('error', reject);
      req.end(body);
    });
}
