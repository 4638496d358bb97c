import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../../../src/briefings/digest/digest-sections.js';
import { buildDigest, type DigestInput } from '../../../src/briefings/digest/weekly-digest.js';
import { fitMessages } from '../../../src/core/blocks/reply.js';
import { snapshotOf } from '../../../src/core/dataset/snapshot.js';
import { LOCALES } from '../../../src/core/i18n/locale.js';
import { shippedStore } from '../../helpers/services.js';
import { limitViolations, messageText, withoutSlackMarkup } from '../../helpers/slack-message.js';

const view = (await shippedStore()).current();

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    view,
    focusCountry: 'KR',
    locale: 'ko',
    timezone: 'Asia/Seoul',
    slot: new Date('2026-11-30T00:00:00Z'),
    now: new Date('2026-11-30T00:00:10Z'),
    late: false,
    previous: null,
    ...overrides,
  };
}

describe('buildDigest', () => {
  it('keeps the channel message compact and within limits for every focus country and language', () => {
    for (const country of view.countries().map((c) => c.code)) {
      for (const locale of LOCALES) {
        const digest = buildDigest(input({ focusCountry: country, locale }));
        const [main, ...rest] = fitMessages(digest.main, locale);
        expect(rest, `${country} ${locale}`).toEqual([]);
        expect(main?.blocks.length).toBeLessThanOrEqual(15);
        for (const m of [main, ...fitMessages(digest.thread, locale)]) {
          if (!m) continue;
          expect(limitViolations(m)).toEqual([]);
          expect(withoutSlackMarkup(messageText(m))).not.toMatch(/[<>]/);
        }
      }
    }
  });

  it("shows Korea's headline figures, each with its source", () => {
    const digest = buildDigest(input());
    const text = digest.main.blocks.map((b) => messageText({ text: '', blocks: [b] })).join('\n');
    const shown = headlineFigures(view, 'KR');
    expect(shown.map((h) => h.figure.id)).toEqual(
      expect.arrayContaining([
        'ceti25_ai_KR',
        'vibrancy25_KR',
        'tortoise25_KR',
        'msdiff26q1_KR',
        'kcci_netai_2024_KR',
        'aii26_privinv2025_KR',
        'sovai_first_eval_result',
      ]),
    );
    for (const { figure } of shown) expect(text).toContain(`<${figure.source.url}|`);
    expect(text).toContain('9위/26 (25개국+유럽 권역)');
    expect(text).toContain('국가만 세면 한국은 8위');
    expect(text).toMatch(/자료 기준: 2026년 \d+월/);
    // Korea's net migration is the 2024 value: the 2025 edition does not give it, and the digest says so.
    expect(text).toMatch(/AI 인재 순유출입 2024[^\n]*-0\.36[\s\S]*?ℹ️ 이전 판 자료입니다/);
  });

  it('says it is the first digest, that nothing changed, or what changed with old and new values', () => {
    const first = messageText({ text: '', blocks: buildDigest(input()).main.blocks });
    expect(first).toContain('이 채널의 첫 다이제스트입니다');
    const same = buildDigest(
      input({ previous: { postedAt: new Date('2026-11-23T00:00:05Z'), snapshot: snapshotOf(view) } }),
    );
    expect(messageText({ text: '', blocks: same.main.blocks })).toContain('이번에는 달라진 수치가 없습니다');
    const before = snapshotOf(view);
    const kr = before.ceti25_ai_KR;
    if (kr) before.ceti25_ai_KR = { ...kr, rank: 10, value: 13.5 };
    delete before.talent_plan_aiforall_total;
    before.retired_figure = { ...(before.ceti25_ai_US ?? kr ?? ({} as never)) };
    const changed = buildDigest(input({ previous: { postedAt: new Date('2026-11-23T00:00:05Z'), snapshot: before } }));
    const text = messageText({ text: '', blocks: changed.main.blocks });
    expect(changed.changes.map((c) => `${c.kind}:${c.id}`).sort()).toEqual([
      'added:talent_plan_aiforall_total',
      'changed:ceti25_ai_KR',
      'removed:retired_figure',
    ]);
    expect(text).toContain('*10위/26 (25개국+유럽 권역)* · 13.5점 → *9위/26 (25개국+유럽 권역)* · 14.1점');
    expect(text).toContain('_신규_');
    expect(text).toContain('_삭제_');
  });

  it('says when the last baseline is lost instead of pretending nothing changed', () => {
    const digest = buildDigest(input({ previous: { postedAt: new Date('2026-11-23T00:00:05Z'), snapshot: null } }));
    expect(messageText({ text: '', blocks: digest.main.blocks })).toContain('비교하지 못했습니다');
  });

  it('lists milestones due in the next 30 days and those passed since the last digest, sourced', () => {
    const early = buildDigest(
      input({
        slot: new Date('2026-01-12T00:00:00Z'),
        now: new Date('2026-01-12T00:00:05Z'),
        previous: { postedAt: new Date('2026-01-05T00:00:05Z'), snapshot: snapshotOf(view) },
      }),
    );
    const text = messageText({ text: '', blocks: early.main.blocks });
    expect(text).toContain('*2026년 1월 15일* — 독자 AI 파운데이션 모델 1차 단계평가 결과 발표');
    expect(text).toContain('*2026년 1월 22일* — 인공지능 기본법 시행');
    expect(text).toContain('<https://news.sbs.co.kr/');
    const later = buildDigest(
      input({
        slot: new Date('2026-01-26T00:00:00Z'),
        now: new Date('2026-01-26T00:00:05Z'),
        previous: { postedAt: new Date('2026-01-12T00:00:05Z'), snapshot: snapshotOf(view) },
      }),
    );
    expect(messageText({ text: '', blocks: later.main.blocks })).toMatch(
      /지난 다이제스트 이후 지난 일정[\s\S]*인공지능 기본법 시행/,
    );
    const december = buildDigest(input());
    expect(messageText({ text: '', blocks: december.main.blocks })).toMatch(
      /\*2026년 말\* — 정부 GPU 확보 목표 시한 · 🗓 예정/,
    );
  });

  it('marks a late digest with the time it was due, zone named', () => {
    const digest = buildDigest(input({ late: true, now: new Date('2026-11-30T02:00:00Z') }));
    expect(messageText({ text: '', blocks: digest.main.blocks })).toContain(
      '지연 발송: 원래 예정 시각은 2026년 11월 30일 (월) 09:00 Asia/Seoul (UTC+09:00)입니다',
    );
  });

  it('leaves room for a summary right under the header', () => {
    const digest = buildDigest(input({ summary: [{ type: 'section', text: { type: 'mrkdwn', text: 'SUMMARY' } }] }));
    expect(digest.main.blocks[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'SUMMARY' } });
  });
});
