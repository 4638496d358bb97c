import type { WebClient } from '@slack/web-api';
import type { Charter } from '../charts/charter.js';
import type { ChartSpec } from '../charts/spec.js';
import { truncate } from '../lib/escape.js';
import type { Logger } from '../logger.js';
import type { Responder } from './response-url.js';
import { slackErrorCode } from './slack-commands.js';

const ATTEMPTS = 3;
const PROCESSING_WAIT_MS = 1000;

function imageMessage(spec: ChartSpec, fileId: string) {
  return {
    response_type: 'ephemeral',
    replace_original: false,
    text: spec.altText,
    blocks: [
      {
        type: 'image',
        slack_file: { id: fileId },
        alt_text: truncate(spec.altText, 2000),
        title: { type: 'plain_text', text: truncate(spec.title, 2000) },
      },
    ],
  };
}

/**
 * The reply's charts as images under it: each PNG uploaded as a private file and shown in an image block. Slack
 * may still be processing a new file when the message arrives, so a rejected message is tried again shortly.
 * Any failure (no files:write, a drawing error) leaves the reply as it is, with its text chart, and a log line.
 */
export async function postCharts(
  charts: readonly ChartSpec[],
  deps: { client: WebClient; charter: Charter; respond: Responder; logger: Logger },
): Promise<void> {
  for (const spec of charts) {
    const png = deps.charter.png(spec);
    if (!png) continue;
    try {
      const uploaded = await deps.client.filesUploadV2({
        file: png,
        filename: 'chart.png',
        title: spec.title,
        alt_text: spec.altText,
        highlight_type: 'png',
      });
      const fileId = (uploaded.files?.[0] as { files?: { id?: string }[] } | undefined)?.files?.[0]?.id;
      if (!fileId) throw new Error('upload returned no file id');
      await respondWithRetry(deps.respond, imageMessage(spec, fileId));
    } catch (error) {
      deps.logger.warn('chart not shown', { code: slackErrorCode(error), chart: spec.title });
    }
  }
}

async function respondWithRetry(respond: Responder, message: Record<string, unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await respond(message);
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, PROCESSING_WAIT_MS));
    }
  }
}
