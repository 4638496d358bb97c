import type { WebClient } from '@slack/web-api';
import type { Config } from '../../config.js';
import type { Message } from '../../core/blocks/blocks.js';
import type { Logger } from '../../core/logger.js';
import {
  classify,
  DeliveryError,
  DIGEST_EVENT_TYPE,
  type DigestPoster,
  type SlackError,
} from '../../digests/delivery.js';

import { boltLogger } from './bolt-logger.js';
import { backgroundClientOptions } from './slack-client.js';

/** The digest poster on Slack's Web API (digests declare the port; only this adapter knows the SDK). */

export interface SlackPosterOptions {
  /** How many times to wait out a 429 before giving up on this run. */
  rateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Posts through a Web API client whose own retries are off (see slack-client.ts): a 429 is waited out here
 * for as long as Slack says and retried, because Slack did not process it; anything ambiguous is returned to
 * the runner, which checks the channel before trying again.
 */
export class SlackDigestPoster implements DigestPoster {
  private readonly retries: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: WebClient,
    options: SlackPosterOptions = {},
  ) {
    this.retries = options.rateLimitRetries ?? 5;
    this.sleep = options.sleep ?? realSleep;
  }

  private async withRateLimits<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const retryAfter = (error as SlackError).retryAfter;
        const limited = (error as SlackError).code === 'slack_webapi_rate_limited_error';
        if (!limited || attempt >= this.retries) throw classify(error);
        await this.sleep(Math.max(1, retryAfter ?? 1) * 1000);
      }
    }
  }

  async post(
    channel: string,
    message: Message,
    options: { slotKey?: string; threadTs?: string },
  ): Promise<{ ts: string }> {
    const result = await this.withRateLimits(() =>
      this.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
        ...(options.slotKey
          ? { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { slot_key: options.slotKey } } }
          : {}),
      }),
    );
    if (!result.ts) throw new DeliveryError('ambiguous', 'no_ts');
    return { ts: result.ts };
  }

  async findPosted(channel: string, slotKey: string, since: Date): Promise<string | null> {
    let cursor: string | undefined;
    do {
      const page = await this.withRateLimits(() =>
        this.client.conversations.history({
          channel,
          oldest: String(Math.floor(since.getTime() / 1000)),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        }),
      );
      const hit = page.messages?.find(
        (m) =>
          m.metadata?.event_type === DIGEST_EVENT_TYPE &&
          (m.metadata.event_payload as { slot_key?: unknown })?.slot_key === slotKey,
      );
      if (hit?.ts) return hit.ts;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return null;
  }

  async notify(userId: string, text: string): Promise<void> {
    await this.withRateLimits(() => this.client.chat.postMessage({ channel: userId, text, unfurl_links: false }));
  }
}

/** The poster with its own Web API client: background retries off (a 429 is waited out by the poster itself). */
export async function createDigestPoster(token: string, config: Config, logger: Logger): Promise<DigestPoster> {
  const { WebClient } = await import('@slack/web-api');
  const options = { ...backgroundClientOptions(config.slack.apiUrl), logger: boltLogger(logger, config.logLevel) };
  return new SlackDigestPoster(new WebClient(token, options));
}
