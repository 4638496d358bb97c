import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/core/records/digest-records.js';
import { FileDigestLedger } from '../../src/persistence/files/ledger-file.js';
import { PgDigestLedger } from '../../src/persistence/pg/digest-tables.js';
import { ADMINS, digestHarness, subscribe, subscription } from '../helpers/digest-harness.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import { BACKENDS, type Backend, TestDatabases } from '../helpers/pg.js';
import { DATASET_PATH } from '../helpers/services.js';

/** The real runner, ledger and Web API client against a fake Slack on loopback. */

const SLOT = '2026-11-30T00:00:00.000Z'; // Monday 09:00 in Seoul
const fakes: FakeSlack[] = [];

const databases = new TestDatabases();

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});
afterAll(() => databases.dropAll());

function key(channel: string, slot = SLOT): string {
  return `${channel}@${slot}`;
}

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apb-digest-'));
  copyFileSync(DATASET_PATH, join(dir, 'dataset.json'));
  return dir;
}

describe.each(BACKENDS)('digest state in %s', (backend: Backend) => {
  async function harness(options: Parameters<typeof digestHarness>[0] = {}) {
    const dataDir = options.dataDir ?? newDataDir();
    const database = backend === 'postgres' ? await databases.get(dataDir) : undefined;
    const h = await digestHarness({ ...options, dataDir, ...(database ? { database } : {}) });
    fakes.push(h.slack);
    return h;
  }

  async function ledgerFor(dataDir: string) {
    return backend === 'postgres' ? new PgDigestLedger(await databases.get(dataDir)) : new FileDigestLedger(dataDir);
  }

  describe('a due digest', () => {
    it('is posted once per channel, with fallback text, compact blocks, the slot key as metadata, and a thread', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'), subscription('C0BBB', { locale: 'en' }));
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(report.posted.map((o) => o.channelId).sort()).toEqual(['C0AAA', 'C0BBB']);
      for (const channel of ['C0AAA', 'C0BBB']) {
        const [post, ...more] = slack.posts(channel);
        expect(more).toEqual([]);
        expect(post?.text).toMatch(/AI (정책 브리프|policy brief)/);
        expect(((post?.blocks ?? []) as unknown[]).length).toBeLessThanOrEqual(15);
        expect(post?.metadata).toEqual({ event_type: 'ai_policy_digest', event_payload: { slot_key: key(channel) } });
        expect(slack.messages.filter((m) => m.threadTs === post?.ts).length).toBeGreaterThan(0);
      }
      const [entry] = await service.ledger.forChannel('C0AAA');
      expect(entry).toMatchObject({ state: 'posted', ts: slack.posts('C0AAA')[0]?.ts, late: false });
    });

    it('is posted once however often the same slot is run, one after another or at the same time', async () => {
      const { service, slack, dataDir } = await harness();
      await subscribe(service, subscription('C0AAA'));
      const at = new Date('2026-11-30T00:01:00Z');
      await service.runner.runDue(at);
      await service.runner.runDue(at);
      const second = await harness({ dataDir, slack });
      const third = await harness({ dataDir, slack });
      const reports = await Promise.all([
        second.service.runner.runDue(at),
        third.service.runner.runDue(at),
        service.runner.runDue(at),
      ]);
      expect(slack.posts('C0AAA')).toHaveLength(1);
      expect(reports.flatMap((r) => r.skipped.map((o) => o.detail))).toEqual([
        'already_posted',
        'already_posted',
        'already_posted',
      ]);
    });

    it('waits out a 429 with Retry-After: 2 and still posts one message', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'));
      let first = true;
      slack.on('chat.postMessage', (call) => {
        if (first) {
          first = false;
          return { status: 429, headers: { 'Retry-After': '2' }, json: { ok: false, error: 'ratelimited' } };
        }
        const stored = slack.store(call);
        return { json: { ok: true, ts: stored.ts, channel: stored.channel } };
      });
      await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      const calls = slack.calls.filter((c) => c.method === 'chat.postMessage' && !c.body.thread_ts);
      expect(calls).toHaveLength(2);
      expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(2000);
      expect(slack.posts('C0AAA')).toHaveLength(1);
    });

    it('never posts twice when Slack posted but the response was lost', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'));
      let lose = true;
      slack.on('chat.postMessage', (call) => {
        const stored = slack.store(call);
        if (lose && !call.body.thread_ts) {
          lose = false;
          return { status: 500, json: { ok: false, error: 'internal_error' } };
        }
        return { json: { ok: true, ts: stored.ts, channel: stored.channel } };
      });
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(slack.posts('C0AAA')).toHaveLength(1);
      expect(report.posted[0]).toMatchObject({ channelId: 'C0AAA', ts: slack.posts('C0AAA')[0]?.ts });
      expect(slack.calls.some((c) => c.method === 'conversations.history')).toBe(true);
    });

    it('retries a 5xx that posted nothing, after checking the channel, and posts once', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'));
      let fail = 2;
      slack.on('chat.postMessage', (call) => {
        if (fail > 0 && !call.body.thread_ts) {
          fail -= 1;
          return { status: 503, json: { ok: false } };
        }
        const stored = slack.store(call);
        return { json: { ok: true, ts: stored.ts, channel: stored.channel } };
      });
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(report.posted).toHaveLength(1);
      expect(slack.posts('C0AAA')).toHaveLength(1);
    });
  });

  describe('after a restart', () => {
    async function crashedClaim(dataDir: string, claimedAt: string) {
      const ledger = await ledgerFor(dataDir);
      await ledger.claim({
        key: key('C0AAA'),
        channelId: 'C0AAA',
        slot: new Date(SLOT),
        kind: 'scheduled',
        late: false,
        owner: 'dead-host:1:abc',
        now: new Date(claimedAt),
        leaseMs: 600_000,
      });
    }

    it('finds the message a crashed process posted before recording it, and posts nothing more', async () => {
      const { service, slack, dataDir, setNow } = await harness();
      await subscribe(service, subscription('C0AAA'));
      await crashedClaim(dataDir, '2026-11-30T00:00:05Z');
      const ghost = slack.store({
        method: 'chat.postMessage',
        authorization: undefined,
        at: Date.now(),
        body: {
          channel: 'C0AAA',
          text: 'digest',
          metadata: { event_type: 'ai_policy_digest', event_payload: { slot_key: key('C0AAA') } },
        },
      });
      setNow('2026-11-30T00:20:00Z');
      const report = await service.runner.runDue(new Date('2026-11-30T00:20:00Z'));
      expect(report.posted[0]).toMatchObject({ detail: 'reconciled', ts: ghost.ts });
      expect(slack.posts('C0AAA')).toHaveLength(1);
      expect((await service.ledger.forChannel('C0AAA'))[0]).toMatchObject({
        state: 'posted',
        ts: ghost.ts,
        attempts: 2,
      });
    });

    it('posts once when the crashed process never reached Slack, but only after its lease', async () => {
      const { service, slack, dataDir, setNow } = await harness();
      await subscribe(service, subscription('C0AAA'));
      await crashedClaim(dataDir, '2026-11-30T00:00:05Z');
      setNow('2026-11-30T00:05:00Z');
      const early = await service.runner.runDue(new Date('2026-11-30T00:05:00Z'));
      expect(early.skipped[0]?.detail).toBe('in_progress');
      expect(slack.posts()).toHaveLength(0);
      setNow('2026-11-30T00:20:00Z');
      await service.runner.runDue(new Date('2026-11-30T00:20:00Z'));
      await service.runner.runDue(new Date('2026-11-30T00:25:00Z'));
      expect(slack.posts('C0AAA')).toHaveLength(1);
    });

    it('after three weeks down, posts at most the latest slot, marked late, and logs the rest', async () => {
      const { service, slack, setNow } = await harness();
      await subscribe(service, subscription('C0AAA'), subscription('C0BBB', { time: '08:00' }));
      setNow('2026-11-30T01:00:00Z');
      const report = await service.runner.runDue(new Date('2026-11-30T01:00:00Z'));
      expect(slack.posts('C0AAA')).toHaveLength(1);
      expect(slack.posts('C0BBB')).toHaveLength(1);
      expect(report.posted.every((o) => o.late)).toBe(true);
      expect(JSON.stringify(slack.posts('C0AAA')[0]?.blocks)).toContain('지연 발송');
      await service.runner.runDue(new Date('2026-11-30T02:00:00Z'));
      expect(slack.posts()).toHaveLength(2);
    });

    it('records a slot missed beyond the grace window instead of posting it', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'));
      const report = await service.runner.runDue(new Date('2026-11-30T07:00:00Z'));
      expect(slack.posts()).toHaveLength(0);
      expect(report.skipped[0]?.detail).toBe('missed: outside_grace');
      expect((await service.ledger.forChannel('C0AAA'))[0]).toMatchObject({
        state: 'missed',
      } satisfies Partial<LedgerEntry>);
    });
  });

  describe('delivery problems', () => {
    it('not_in_channel: tells each admin once how to invite the bot', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0PRIV'));
      slack.on('chat.postMessage', (call) =>
        String(call.body.channel).startsWith('U')
          ? { json: { ok: true, ts: '1.1' } }
          : { json: { ok: false, error: 'not_in_channel' } },
      );
      await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      await service.runner.runDue(new Date('2026-12-07T00:00:30Z'));
      const dms = slack.calls.filter((c) => c.method === 'chat.postMessage' && String(c.body.channel).startsWith('U'));
      expect(dms.map((c) => c.body.channel).sort()).toEqual(ADMINS);
      expect(String(dms[0]?.body.text)).toContain('/invite @AI Policy Brief');
      expect((await service.ledger.forChannel('C0PRIV'))[0]).toMatchObject({
        state: 'failed',
        reason: 'not_in_channel',
      });
    });

    it('channel_not_found: pauses the subscription, tells admins once, and stops trying', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0GONE'));
      slack.on('chat.postMessage', (call) =>
        String(call.body.channel).startsWith('U')
          ? { json: { ok: true, ts: '1.1' } }
          : { json: { ok: false, error: 'channel_not_found' } },
      );
      await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      await service.runner.runDue(new Date('2026-12-07T00:00:30Z'));
      expect((await service.subscriptions.get('C0GONE'))?.paused?.reason).toBe('channel_not_found');
      expect(slack.calls.filter((c) => c.body.channel === 'C0GONE')).toHaveLength(1);
      expect(slack.calls.filter((c) => String(c.body.channel).startsWith('U'))).toHaveLength(ADMINS.length);
    });

    it('token_revoked: stops posting everywhere, with no more than one call per channel, and reports it', async () => {
      const { service, slack } = await harness({ runner: { concurrency: 1 } });
      const channels = ['C0AAA', 'C0BBB', 'C0CCC', 'C0DDD'];
      await subscribe(service, ...channels.map((c) => subscription(c)));
      slack.on('chat.postMessage', () => ({ json: { ok: false, error: 'token_revoked' } }));
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      await service.runner.runDue(new Date('2026-11-30T00:10:00Z'));
      // One lane: the first refusal stops the rest before they call Slack at all.
      expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
      expect(report.failed).toHaveLength(channels.length);
      expect(service.health.authFailure()?.code).toBe('token_revoked');
      const entry = (await service.ledger.forChannel('C0AAA'))[0];
      expect(entry).toMatchObject({ state: 'failed', reason: 'token_revoked', retryable: true });
    });

    it('token_revoked with parallel lanes: at most one call per channel', async () => {
      const { service, slack } = await harness({ runner: { concurrency: 4 } });
      await subscribe(service, subscription('C0AAA'), subscription('C0BBB'), subscription('C0CCC'));
      slack.on('chat.postMessage', () => ({ json: { ok: false, error: 'invalid_auth' } }));
      await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      await service.runner.runDue(new Date('2026-11-30T00:20:00Z'));
      const calls = slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.body.channel);
      expect(new Set(calls).size).toBe(calls.length);
    });

    it('Slack unreachable: nothing was sent, so the slot stays open and a later run posts it once', async () => {
      const { service, slack, dataDir } = await harness({ apiUrl: 'http://127.0.0.1:59999/api/' });
      await subscribe(service, subscription('C0AAA'));
      const down = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(down.failed[0]?.detail).toBe('unreachable: ECONNREFUSED');
      expect((await service.ledger.forChannel('C0AAA'))[0]).toMatchObject({ state: 'failed', retryable: true });
      const back = await harness({ dataDir, slack });
      back.setNow('2026-11-30T00:05:00Z');
      await back.service.runner.runDue(new Date('2026-11-30T00:05:00Z'));
      expect(slack.posts('C0AAA')).toHaveLength(1);
      expect(slack.calls.filter((c) => String(c.body.channel).startsWith('U'))).toHaveLength(0);
    });

    it('a lost response in a channel the bot cannot read: never re-posted, admins told', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'));
      slack.on('chat.postMessage', (call) => {
        if (String(call.body.channel).startsWith('U')) return { json: { ok: true, ts: '1.1' } };
        slack.store(call);
        return { status: 500, json: { ok: false } };
      });
      slack.on('conversations.history', () => ({ json: { ok: false, error: 'missing_scope' } }));
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      await service.runner.runDue(new Date('2026-11-30T00:30:00Z'));
      expect(report.failed[0]?.detail).toBe('unverifiable: history_missing_scope');
      expect(slack.posts('C0AAA')).toHaveLength(1);
      expect(slack.calls.filter((c) => String(c.body.channel).startsWith('U'))).toHaveLength(ADMINS.length);
    });

    it('one channel failing never holds up the others', async () => {
      const { service, slack } = await harness({ runner: { concurrency: 1 } });
      await subscribe(service, subscription('C0AAA'), subscription('C0BAD'), subscription('C0CCC'));
      slack.on('chat.postMessage', (call) => {
        if (call.body.channel === 'C0BAD') return { json: { ok: false, error: 'msg_too_long' } };
        const stored = slack.store(call);
        return { json: { ok: true, ts: stored.ts } };
      });
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(report.posted.map((o) => o.channelId).sort()).toEqual(['C0AAA', 'C0CCC']);
      expect(report.failed.map((o) => o.detail)).toEqual(['rejected: msg_too_long']);
    });
  });

  describe('schedule details', () => {
    it('skips a skip date, and says so in the ledger', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA', { skipDates: ['2026-11-30'] }));
      const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(slack.posts()).toHaveLength(0);
      expect(report.skipped[0]?.detail).toBe('skipped: skip_date');
    });

    it('says plainly when nothing changed, and lists old and new values when a figure did', async () => {
      const { service, slack, setNow, dataDir } = await harness();
      await subscribe(service, subscription('C0AAA', { frequency: 'daily', days: [] }));
      await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      expect(JSON.stringify(slack.posts()[0]?.blocks)).toContain('이 채널의 첫 다이제스트입니다');
      setNow('2026-12-01T00:00:30Z');
      await service.runner.runDue(new Date('2026-12-01T00:00:30Z'));
      expect(JSON.stringify(slack.posts()[1]?.blocks)).toContain('이번에는 달라진 수치가 없습니다');

      // The data changes (Korea climbs to 8th); the next day's digest says so, old and new, with the source.
      const path = join(dataDir, 'dataset.json');
      const data = JSON.parse(readFileSync(path, 'utf8'));
      Object.assign(
        data.figures.find((f: { id: string }) => f.id === 'ceti25_ai_KR'),
        { rank: 8, value: 15.2 },
      );
      writeFileSync(path, JSON.stringify(data));
      const next = await harness({ dataDir, slack });
      next.setNow('2026-12-02T00:00:30Z');
      await next.service.runner.runDue(new Date('2026-12-02T00:00:30Z'));
      const blocks = JSON.stringify(slack.posts()[2]?.blocks);
      expect(blocks).toContain('9위/26 (25개국+유럽 권역)* · 14.1점 → *8위/26 (25개국+유럽 권역)* · 15.2점');
      expect(blocks).toContain('<https://entergo.co.kr/');
    });

    it('lets a post in flight finish when shutting down', async () => {
      const { service, slack } = await harness();
      await subscribe(service, subscription('C0AAA'));
      slack.on('chat.postMessage', (call) => {
        const stored = slack.store(call);
        return { json: { ok: true, ts: stored.ts }, delayMs: 600 };
      });
      const run = service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
      await new Promise((r) => setTimeout(r, 100));
      expect(await service.runner.drain(10_000)).toBe(true);
      await run;
      expect((await service.ledger.forChannel('C0AAA'))[0]?.state).toBe('posted');
    });
  });
});
