import type { Message } from '../core/blocks/blocks.js';
import { AppError } from '../core/errors.js';

/** How a failed Slack call should be treated by the digest runner. */
export type FailureKind =
  /** Slack may or may not have posted (5xx, timeout, network): check before trying again. */
  | 'ambiguous'
  /** Still rate-limited after waiting as long as Slack asked, several times. */
  | 'rate_limited'
  /** The token is dead or revoked: stop posting everywhere. */
  | 'auth'
  /** The bot is not in the channel: an admin must invite it. */
  | 'not_in_channel'
  /** The channel is gone or archived: pause its subscription. */
  | 'gone'
  /** Slack could not be reached at all (connection refused, DNS): nothing was posted; try again later. */
  | 'unreachable'
  /** Whether a lost post went out cannot be checked (e.g. no history scope): never re-post blindly. */
  | 'unverifiable'
  /** Slack refused this message for a reason that retrying will not fix. */
  | 'rejected';

/** A post Slack did not accept; `code` is Slack's error. */
export class DeliveryError extends AppError {
  constructor(
    readonly kind: FailureKind,
    code: string,
  ) {
    super(code, `${kind}: ${code}`);
  }
}

const AUTH = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'org_login_required',
]);
const GONE = new Set(['channel_not_found', 'is_archived']);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export interface SlackError {
  code?: string;
  data?: { error?: string };
  statusCode?: number;
  retryAfter?: number;
  original?: { code?: string; cause?: { code?: string } };
}

/** Failures before any byte reached Slack. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classify(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as SlackError;
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    if (AUTH.has(code)) return new DeliveryError('auth', code);
    if (GONE.has(code)) return new DeliveryError('gone', code);
    if (code === 'not_in_channel') return new DeliveryError('not_in_channel', code);
    if (TRANSIENT.has(code)) return new DeliveryError('ambiguous', code);
    return new DeliveryError('rejected', code);
  }
  if (e.code === 'slack_webapi_rate_limited_error') return new DeliveryError('rate_limited', 'ratelimited');
  if (e.code === 'slack_webapi_http_error' && e.statusCode !== undefined && e.statusCode < 500) {
    return new DeliveryError('rejected', `http_${e.statusCode}`);
  }
  if (e.code === 'slack_webapi_http_error') return new DeliveryError('ambiguous', `http_${e.statusCode ?? 'error'}`);
  if (e.code === 'slack_webapi_request_error') {
    const cause = e.original?.cause?.code ?? e.original?.code ?? '';
    return NEVER_SENT.has(cause)
      ? new DeliveryError('unreachable', cause)
      : new DeliveryError('ambiguous', cause || 'request_failed');
  }
  return new DeliveryError('ambiguous', 'unexpected_error');
}

/** Slack's side of a digest: post, find what was posted, and message an admin. */
export interface DigestPoster {
  post(channel: string, message: Message, options: { slotKey?: string; threadTs?: string }): Promise<{ ts: string }>;
  /** The ts of a digest already in the channel for this slot, found by its metadata; null if none. */
  findPosted(channel: string, slotKey: string, since: Date): Promise<string | null>;
  notify(userId: string, text: string): Promise<void>;
}

export const DIGEST_EVENT_TYPE = 'ai_policy_digest';

/**
 * A poster that loads the Slack Web API client the first time it is used: a CLI answer or a console session that
 * posts no digest never pays for loading it.
 */
export function lazyPoster(create: () => Promise<DigestPoster>): DigestPoster {
  let loaded: Promise<DigestPoster> | undefined;
  const poster = () => {
    loaded ??= create();
    return loaded;
  };
  return {
    post: async (channel, message, options) => (await poster()).post(channel, message, options),
    findPosted: async (channel, slotKey, since) => (await poster()).findPosted(channel, slotKey, since),
    notify: async (userId, text) => (await poster()).notify(userId, text),
  };
}
