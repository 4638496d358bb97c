import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Charter } from '../../charts/charter.js';
import type { ChartSpec } from '../../core/chart-spec.js';
import { escapeMrkdwn, truncate } from '../../core/escape.js';
import type { Logger } from '../../core/logger.js';
import type { Responder } from './response-url.js';
import { slackErrorCode } from './slack-errors.js';

const ATTEMPTS = 3;
const PROCESSING_WAIT_MS = 1000;

function imageBlock(spec: ChartSpec, fileId: string): KnownBlock {
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: truncate(spec.altText, 2000),
    title: { type: 'plain_text', text: truncate(spec.title, 2000) },
  };
}

function imageMessage(spec: ChartSpec, fileId: string) {
  return {
    response_type: 'ephemeral',
    replace_original: false,
    // Notification text is mrkdwn like any other: the chart's names come from the data.
    text: escapeMrkdwn(truncate(spec.altText, 2900)),
    blocks: [imageBlock(spec, fileId)],
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
    try {
      const fileId = await uploadOnce(spec, deps);
      if (fileId) await respondWithRetry(deps.respond, imageMessage(spec, fileId));
    } catch (error) {
      deps.logger.warn('chart not shown', { code: slackErrorCode(error), chart: spec.title });
    }
  }
}

const KEEP_UPLOADS = 200;
/** Uploads by chart: the same chart (same figures, same language) is uploaded once, even when asked for at once. */
const uploads = new Map<string, Promise<string | null>>();
/** Charts already in Slack, by chart: shown straight in the answer next time. */
const uploaded = new Map<string, string>();
/** A cached reply hands out the same chart objects; their keys are worked out once. */
const keys = new WeakMap<ChartSpec, string>();

function keyOf(spec: ChartSpec): string {
  let key = keys.get(spec);
  if (key === undefined) {
    key = JSON.stringify(spec);
    keys.set(spec, key);
  }
  return key;
}

function uploadOnce(spec: ChartSpec, deps: { client: WebClient; charter: Charter }): Promise<string | null> {
  const key = keyOf(spec);
  let pending = uploads.get(key);
  if (!pending) {
    pending = upload(spec, deps);
    uploads.set(key, pending);
    if (uploads.size > KEEP_UPLOADS) uploads.delete(uploads.keys().next().value as string);
    pending.then(
      (id) => {
        if (id) uploaded.set(key, id);
        else uploads.delete(key);
        if (uploaded.size > KEEP_UPLOADS) uploaded.delete(uploaded.keys().next().value as string);
      },
      // A failed upload is tried again next time.
      () => uploads.delete(key),
    );
  }
  return pending;
}

/**
 * Image blocks for the charts already uploaded, to go in the answer itself, and the charts still to upload and
 * post after it.
 */
export function chartsInline(charts: readonly ChartSpec[]): { blocks: KnownBlock[]; later: ChartSpec[] } {
  const blocks: KnownBlock[] = [];
  const later: ChartSpec[] = [];
  for (const spec of charts) {
    const id = uploaded.get(keyOf(spec));
    if (id) blocks.push(imageBlock(spec, id));
    else later.push(spec);
  }
  return { blocks, later };
}

async function upload(spec: ChartSpec, deps: { client: WebClient; charter: Charter }): Promise<string | null> {
  const png = deps.charter.png(spec);
  if (!png) return null;
  const result = await deps.client.filesUploadV2({
    file: png,
    filename: 'chart.png',
    title: spec.title,
    alt_text: spec.altText,
    highlight_type: 'png',
  });
  const fileId = (result.files?.[0] as { files?: { id?: string }[] } | undefined)?.files?.[0]?.id;
  if (!fileId) throw new Error('upload returned no file id');
  return fileId;
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
