import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import * as z from 'zod';
import type { Logger } from '../../core/logger.js';

/**
 * Requests Slack would never send, stopped before Bolt sees them. Bolt's HTTP receiver reads `body.ssl_check` on
 * whatever the body parsed to, so a signed `payload=null` (or a JSON `null`) rejected a promise nobody awaited and
 * ended the process. Here a signed body that is not an object is answered 400 and logged; everything else, signed
 * or not, goes on to Bolt unchanged (an unsigned request still gets Bolt's 401).
 */
export function guardRequests(listener: RequestListener, options: { signingSecret: string; logger: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return void listener(req, res);
    let body: unknown;
    try {
      const buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret: options.signingSecret },
        req,
      );
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      // Bolt answers these itself (401 for a bad signature, 400 for a body it cannot parse, 413 when too large).
      return void listener(req, res);
    }
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return void listener(req, res);
    options.logger.warn('Slack request refused: its body is not an object', { body: String(body).slice(0, 40) });
    res.writeHead(400).end();
  };
}

/** Bolt's HTTP receiver with the guard in front of its listener. */
export function guardedHttpReceiver(options: HTTPReceiverOptions & { signingSecret: string }, logger: Logger) {
  const receiver = new HTTPReceiver(options);
  receiver.requestListener = guardRequests(receiver.requestListener, {
    signingSecret: options.signingSecret,
    logger,
  }) as RequestListener;
  return receiver;
}

const responseUrl = z.url({ protocol: /^https?$/ });

/**
 * Slash commands answer through their response_url; one without a usable URL cannot be answered at all, so it is
 * acknowledged empty and logged rather than left to fail inside a listener after Slack's three seconds.
 */
export function refuseUnanswerable(app: App, logger: Logger): void {
  app.use(async (args) => {
    const body = args.body as { command?: unknown; response_url?: unknown };
    if (typeof body.command === 'string' && !responseUrl.safeParse(body.response_url).success) {
      logger.warn('slash command refused: no usable response_url', { command: body.command.slice(0, 40) });
      await (args as { ack?: () => Promise<void> }).ack?.();
      return;
    }
    await args.next();
  });
}
