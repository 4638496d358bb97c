import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { digestComposer } from '../../../src/briefings/digest/digest-composer.js';
import { executeCommand } from '../../../src/commands/execute.js';
import { createDigestService, type DigestService } from '../../../src/digests/digest-service.js';
import { ADMINS, digestHarness, digestState } from '../../helpers/digest-harness.js';
import type { FakeSlack } from '../../helpers/fake-slack.js';
import { capturingLogger, services } from '../../helpers/services.js';
import { messageText } from '../../helpers/slack-message.js';

const fakes: FakeSlack[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

async function setup() {
  const h = await digestHarness();
  fakes.push(h.slack);
  h.setNow('2026-11-29T03:00:00Z');
  const base = await services({
    adminUserIds: ADMINS,
    digests: h.service,
    clock: () => new Date('2026-11-29T03:00:00Z'),
  });
  const run = async (text: string, userId = 'U0ADMIN1', channelId = 'C0POLICY') => {
    const reply = await executeCommand(
      { command: '/ai-digest', text, userId, channelId },
      { ...base, logger: capturingLogger() },
    );
    if (!reply) throw new Error('no reply');
    return { reply, text: reply.messages.map(messageText).join('\n') };
  };
  return { ...h, run, file: join(h.dataDir, 'subscriptions.json') };
}

describe('/ai-digest subscribe', () => {
  it('subscribes with the defaults and shows the next three runs with the zone named', async () => {
    const { run, service } = await setup();
    const { reply, text } = await run('subscribe');
    expect(reply.kind).toBe('answer');
    expect(reply.visibility).toBe('ephemeral');
    expect(text).toContain(
      '<#C0POLICY> 채널은 매주 월요일 09:00 Asia/Seoul (UTC+09:00)에 한국어 AI 정책 브리프를 받습니다',
    );
    expect(text).toContain('• 2026년 11월 30일 (월) 09:00 Asia/Seoul (UTC+09:00)');
    expect(text).toContain('• 2026년 12월 7일 (월) 09:00');
    expect(text).toContain('• 2026년 12월 14일 (월) 09:00');
    expect(reply.messages[0]?.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(await service.subscriptions.get('C0POLICY')).toMatchObject({
      frequency: 'weekly',
      days: ['mon'],
      time: '09:00',
      timezone: 'Asia/Seoul',
      locale: 'ko',
      createdBy: 'U0ADMIN1',
    });
  });

  it.each([
    [
      'weekdays 08:30 europe/paris en',
      { frequency: 'weekdays', days: [], time: '08:30', timezone: 'Europe/Paris', locale: 'en' },
    ],
    ['daily 7:05 utc', { frequency: 'daily', days: [], time: '07:05', timezone: 'UTC' }],
    [
      'weekly thu mon 18:00 America/New_York',
      { frequency: 'weekly', days: ['mon', 'thu'], time: '18:00', timezone: 'America/New_York' },
    ],
    ['매주 금 9시30분 영어', { frequency: 'weekly', days: ['fri'], time: '09:30', locale: 'en' }],
    ['평일 8시', { frequency: 'weekdays', time: '08:00' }],
  ])('reads "%s"', async (words, expected) => {
    const { run, service } = await setup();
    expect((await run(`subscribe ${words}`)).reply.kind).toBe('answer');
    expect(await service.subscriptions.get('C0POLICY')).toMatchObject(expected);
  });

  it.each([
    ['subscribe monthly', '‘monthly’을(를) 알아듣지 못했습니다'],
    ['subscribe daily mon', '평일·매일 일정에는 요일을 함께 적지 않습니다'],
    ['subscribe 25:00', '‘25:00’는 시각이 아닙니다'],
    ['subscribe Mars/Olympus', '알 수 없는 시간대'],
    ['subscribe 09:00 10:00', '두 번 적었습니다'],
    ['subscribe <!channel>', '&lt;!channel&gt;'],
  ])('rejects "%s" with the usage and an example, writing nothing', async (text, problem) => {
    const { run, file } = await setup();
    const { reply, text: shown } = await run(text);
    expect(reply.kind).toBe('error');
    expect(shown).toContain(problem);
    expect(shown).toContain('예: `/ai-digest subscribe weekly mon 09:00 Asia/Seoul ko`');
    expect(existsSync(file)).toBe(false);
  });

  it('politely refuses a non-admin and writes nothing, while anyone may look', async () => {
    const { run, file } = await setup();
    for (const change of ['subscribe', 'unsubscribe', 'now', 'skip 2026-12-25', 'unskip 2026-12-25']) {
      const { reply, text } = await run(change, 'U0SOMEONE');
      expect(reply.kind, change).toBe('error');
      expect(text).toContain('구독 변경은 관리자만 할 수 있습니다');
    }
    expect(existsSync(file)).toBe(false);
    for (const look of ['status', 'list', 'preview', ''])
      expect((await run(look, 'U0SOMEONE')).reply.kind).toBe('answer');
  });
});

describe('/ai-digest status, list, skip, unsubscribe', () => {
  it('shows schedule, next runs, last run with a link, and skip dates', async () => {
    const { run, service, setNow } = await setup();
    expect((await run('status')).text).toContain('구독하지 않았습니다');
    await run('subscribe');
    await run('skip 2026-12-25');
    setNow('2026-11-30T00:00:30Z');
    const report = await service.runner.runDue(new Date('2026-11-30T00:00:30Z'));
    const ts = report.posted[0]?.ts ?? '';
    const { text } = await run('status');
    expect(text).toContain('*일정*: 매주 월요일 09:00 · Asia/Seoul (UTC+09:00) · 한국어');
    expect(text).toContain(`<https://slack.com/archives/C0POLICY/p${ts.replace('.', '')}|2026년 11월 30일 (월) 09:00>`);
    expect(text).toContain('*건너뛸 날짜*: 2026-12-25');
  });

  it('lists every subscription', async () => {
    const { run } = await setup();
    await run('subscribe', 'U0ADMIN1', 'C0AAA');
    await run('subscribe daily 07:00 --en', 'U0ADMIN1', 'C0BBB');
    const { text } = await run('list --en');
    expect(text).toContain('2 digest subscriptions');
    expect(text).toContain('<#C0AAA> — every Monday at 09:00 Asia/Seoul');
    expect(text).toContain('<#C0BBB> — every day at 07:00 Asia/Seoul');
  });

  it('refuses past skip dates and unknown unskips; accepts and removes future ones', async () => {
    const { run, service } = await setup();
    await run('subscribe');
    expect((await run('skip 2026-11-01')).text).toContain('이미 지난 날짜');
    expect((await run('skip 2026-02-30')).text).toContain('날짜가 아닙니다');
    expect((await run('unskip 2026-12-31')).text).toContain('목록에 없습니다');
    expect((await run('skip 2026-12-31')).text).toContain('2026-12-31에는 다이제스트를 보내지 않습니다');
    expect((await service.subscriptions.get('C0POLICY'))?.skipDates).toEqual(['2026-12-31']);
    await run('unskip 2026-12-31');
    expect((await service.subscriptions.get('C0POLICY'))?.skipDates).toEqual([]);
  });

  it('unsubscribes', async () => {
    const { run, service } = await setup();
    await run('subscribe');
    expect((await run('unsubscribe')).text).toContain('구독을 해지했습니다');
    expect(await service.subscriptions.get('C0POLICY')).toBeUndefined();
  });
});

describe('/ai-digest preview and now', () => {
  it('previews privately without posting', async () => {
    const { run, slack } = await setup();
    const { reply, text } = await run('preview');
    expect(reply.visibility).toBe('ephemeral');
    expect(text).toContain('핵심 지표');
    expect(text).toContain('미리보기입니다');
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('posts now once, and a second request in the same minute finds it', async () => {
    const { run, slack } = await setup();
    await run('subscribe');
    expect((await run('now')).text).toContain('다이제스트를 게시했습니다');
    expect((await run('now')).text).toContain('이미 방금 게시했습니다');
    expect(slack.posts('C0POLICY')).toHaveLength(1);
  });

  it('cannot post from the local console', async () => {
    const base = await services({ adminUserIds: ADMINS });
    const dir = mkdtempSync(join(tmpdir(), 'apb-offline-'));
    const digests: DigestService = createDigestService({
      state: digestState(dir),
      composer: digestComposer,
      store: base.store,
      poster: null,
      adminUserIds: ADMINS,
      focusCountry: 'KR',
      defaults: { timezone: 'Asia/Seoul', locale: 'ko' },
      logger: capturingLogger(),
    });
    const ask = (text: string) =>
      executeCommand({ command: '/ai-digest', text, userId: 'U0ADMIN1', channelId: 'CCONSOLE' }, { ...base, digests });
    await ask('subscribe');
    const reply = await ask('now');
    expect(reply?.messages.map(messageText).join('')).toContain('콘솔에서는 게시할 수 없습니다');
    expect(JSON.parse(readFileSync(join(dir, 'subscriptions.json'), 'utf8')).subscriptions).toHaveLength(1);
  });
});

describe('/ai-digest input', () => {
  it('never fails on arbitrary words (property)', async () => {
    const { run } = await setup();
    const words = fc.constantFrom(
      'subscribe',
      'weekly',
      'mon',
      '월',
      '09:00',
      '9시',
      'asia/seoul',
      'utc',
      'en',
      'x/y',
      '99:99',
      'skip',
      '2026-12-25',
      'status',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 6 }), async (list) => {
        const { reply, text } = await run(list.join(' '), 'U0SOMEONE');
        expect(reply.messages.length).toBeGreaterThan(0);
        expect(text).not.toContain('참조 번호');
      }),
      { numRuns: 300 },
    );
  });
});
