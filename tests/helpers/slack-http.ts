import { createHmac } from 'node:crypto';

/** Signs a request body the way Slack does (v0 HMAC-SHA256 over "v0:<timestamp>:<body>"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  url: string;
  body: string;
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  signature?: string;
}

export async function postSigned({
  url,
  body,
  secret,
  timestamp,
  signature,
  contentType = 'application/x-www-form-urlencoded',
}: SignedPost & { contentType?: string }): Promise<Response> {
  const ts = timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature ?? slackSignature(secret, ts, body),
    },
    body,
  });
}

let triggers = 0;
/** A trigger_id as Slack mints one per command, press or submission: unique, so a repeat is a new request. */
export function triggerId(): string {
  triggers += 1;
  return `${triggers}.${process.pid}.${Date.now().toString(36)}`;
}

export function slashCommandBody(
  command: string,
  text: string,
  responseUrl: string,
  extra: Record<string, string> = {},
): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'policy',
    channel_id: 'C0POLICY',
    channel_name: 'ai-policy',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId(),
    ...extra,
  }).toString();
}

export function blockActionBody(value: string, responseUrl: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: 'U0ALICE', username: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0POLICY', is_ephemeral: true },
    trigger_id: triggerId(),
    team: { id: 'T0TEST', domain: 'policy' },
    channel: { id: 'C0POLICY', name: 'ai-policy' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: 'share_to_channel',
        block_id: 'b1',
        text: { type: 'plain_text', text: '채널에 공유' },
        value,
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Waits until `check` is true, for at most `ms`. */
export async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

/** A block_actions payload for any button. */
export function buttonBody(actionId: string, value: string, responseUrl: string, userId = 'U0ALICE'): string {
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: 'someone', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0POLICY', is_ephemeral: true },
    trigger_id: triggerId(),
    team: { id: 'T0TEST', domain: 'policy' },
    channel: { id: 'C0POLICY', name: 'ai-policy' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value,
        action_ts: '1',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A view_submission payload for the add-a-figure modal with the given field values. */
export function viewSubmissionBody(values: Record<string, string>, channelId = 'C0POLICY', userId = 'U0ALICE'): string {
  const state = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, { value: { type: 'plain_text_input', value } }]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: 'T0TEST', domain: 'policy' },
    user: { id: userId, username: 'someone', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    trigger_id: triggerId(),
    view: {
      id: 'V0VIEW',
      team_id: 'T0TEST',
      type: 'modal',
      callback_id: 'data_add',
      private_metadata: JSON.stringify({ channelId, locale: 'ko' }),
      state: { values: state },
      hash: 'h',
      blocks: [],
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let eventCounter = 0;

/** An Events API envelope around one event, as JSON. */
export function eventBody(event: Record<string, unknown>): string {
  eventCounter += 1;
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `Ev${String(eventCounter).padStart(6, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event,
  });
}

/**
 * Sends a signed slash command and returns its answer as JSON text: the acknowledgement's own (pure commands)
 * or what arrived at its response_url (`<slackUrl>/response/<id>`, recorded in `responses`).
 */
export async function askCommand(options: {
  url: string;
  secret: string;
  slack: { url: string; responses: { id: string; body: unknown }[] };
  command: string;
  text: string;
  id: string;
  userId?: string;
}): Promise<string> {
  const { slack, id } = options;
  const extra: Record<string, string> = options.userId ? { user_id: options.userId } : {};
  const res = await postSigned({
    url: options.url,
    secret: options.secret,
    body: slashCommandBody(options.command, options.text, `${slack.url}/response/${id}`, extra),
  });
  const inline = res.headers.get('content-type')?.includes('json') ? JSON.stringify(await res.json()) : '';
  if (inline) return inline;
  await eventually(() => slack.responses.some((r) => r.id === id), 8000);
  return JSON.stringify(slack.responses.find((r) => r.id === id)?.body ?? '');
}
