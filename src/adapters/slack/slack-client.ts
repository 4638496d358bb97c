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

/**
 * Digests run in the background, but their client's own retries stay off too: a 5xx or timeout may hide a
 * message Slack did post, so the digest runner decides (it waits out 429s and checks the channel first).
 */
export function backgroundClientOptions(slackApiUrl: string): WebClientOptions {
  return { slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 20_000 };
}
