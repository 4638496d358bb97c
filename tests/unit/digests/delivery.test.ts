import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundClientOptions } from '../../../src/adapters/slack/slack-client.js';
import { classify } from '../../../src/digests/delivery.js';
import { FakeSlack } from '../../helpers/fake-slack.js';

/** How real Web API client errors are classified, produced by a real client against a fake Slack. */

let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(() => slack.stop());

async function failure(reply: Parameters<FakeSlack['on']>[1]) {
  slack.on('chat.postMessage', reply);
  const client = new WebClient('xoxb-1-2-test', backgroundClientOptions(`${slack.url}/api/`));
  return client.chat.postMessage({ channel: 'C1', text: 'x' }).then(
    () => null,
    (e: unknown) => classify(e),
  );
}

describe('classify', () => {
  it.each([
    ['invalid_auth', 'auth'],
    ['token_revoked', 'auth'],
    ['channel_not_found', 'gone'],
    ['is_archived', 'gone'],
    ['not_in_channel', 'not_in_channel'],
    ['internal_error', 'ambiguous'],
    ['msg_blocks_too_long', 'rejected'],
  ])('Slack error %s → %s', async (error, kind) => {
    expect(await failure(() => ({ json: { ok: false, error } }))).toMatchObject({ kind, code: error });
  });

  it('treats 5xx as ambiguous, 429 as rate limited, and a refused connection as unreachable', async () => {
    expect((await failure(() => ({ status: 502, json: {} })))?.kind).toBe('ambiguous');
    expect((await failure(() => ({ status: 429, headers: { 'Retry-After': '1' }, json: {} })))?.kind).toBe(
      'rate_limited',
    );
    const closed = new WebClient('xoxb-1-2-test', backgroundClientOptions('http://127.0.0.1:59999/api/'));
    const refused = await closed.chat.postMessage({ channel: 'C1', text: 'x' }).then(
      () => null,
      (e: unknown) => classify(e),
    );
    expect(refused).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
  });
});
