import type { WebClientOptions } from '@slack/web-api';

/**
 * The Web API client's default policy retries for about 30 minutes and pauses the whole queue on a 429. A user
 * waiting on a button must never see that, so request paths fail fast and say so; only background work (digests)
 * may wait for Retry-After.
 */
export function requestPathClientOptions(slackApiUrl: string): WebClientOptions {
  return {
    slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
}
