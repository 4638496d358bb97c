import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../src/commands/execute.js';
import { executeCommand } from '../../src/commands/execute.js';
import { ReplyCache } from '../../src/commands/reply-cache.js';
import type { Reply } from '../../src/core/blocks/reply.js';
import { endOf, eventState } from '../../src/core/dataset/currency.js';
import type { Figure } from '../../src/core/dataset/dataset-schema.js';
import type { DatasetView } from '../../src/core/dataset/dataset-view.js';
import { chainsOf, isCurrent, latestObservation } from '../../src/core/dataset/editions.js';
import { escapeMrkdwn } from '../../src/core/escape.js';
import type { Locale } from '../../src/core/i18n/locale.js';
import { messages } from '../../src/core/i18n/messages.js';
import { services, shippedStore } from '../helpers/services.js';
import { messageText } from '../helpers/slack-message.js';

/**
 * Editions, supersession, milestones, caveats and language over the shipped data: every command, every country,
 * both languages, through executeCommand as every transport runs it.
 */

let view: DatasetView;
let base: CommandServices;

beforeAll(async () => {
  view = (await shippedStore()).current();
  base = await services();
});

async function ask(line: string, locale: Locale, clock?: Date): Promise<Reply> {
  const [command = '', ...rest] = line.split(' ');
  const text = `${rest.join(' ')}${locale === 'en' ? ' --en' : ''}`.trim();
  const s = clock ? { ...base, clock: () => clock, replies: new ReplyCache() } : base;
  const reply = await executeCommand({ command, text }, s);
  if (!reply) throw new Error(`no command ${command}`);
  return reply;
}

function textOf(reply: Reply): string {
  return reply.messages.map(messageText).join('\n');
}

/** Every answer a reader can ask for over the shipped data, per country and per index. */
function everyAnswer(): string[] {
  const countries = view.countries().map((c) => c.code);
  return [
    '/ai-rank',
    '/talent-gap',
    '/ai-invest',
    '/sovereign-ai',
    '/ai-timeline past 30',
    '/ai-timeline upcoming 30',
    ...view.indices().map((i) => `/ai-rank ${i.id}`),
    ...[
      ...new Set(view.allSeries().flatMap((s) => (s.index && s.edition ? [`/ai-rank ${s.index} ${s.edition}`] : []))),
    ],
    ...countries.map((c) => `/ai-rank ${c}`),
    ...countries.map((c) => `/talent-gap ${c}`),
    ...countries.filter((c) => c !== 'KR').map((c) => `/ai-invest ${c}`),
    ...countries.filter((c) => c !== 'KR').map((c) => `/ai-compare KR ${c}`),
    '/ai-invest 2023',
    '/ai-invest 2024',
  ];
}

const answers = new Map<string, Reply>();
async function answersFor(locale: Locale): Promise<[string, Reply][]> {
  const out: [string, Reply][] = [];
  for (const line of everyAnswer()) {
    const key = `${locale} ${line}`;
    let reply = answers.get(key);
    if (!reply) {
      reply = await ask(line, locale);
      answers.set(key, reply);
    }
    out.push([line, reply]);
  }
  return out;
}

describe('every answer says how current it is and shows only current figures as the present', () => {
  for (const locale of ['ko', 'en'] as const) {
    it(`(${locale}) "자료 기준" with the newest source date; no superseded or older-edition figure as current`, async () => {
      const asOf = locale === 'ko' ? '자료 기준: ' : 'Data as of ';
      for (const [line, reply] of await answersFor(locale)) {
        expect(reply.kind, line).toBe('answer');
        const text = textOf(reply);
        if ([...(reply.figures ?? []), ...(reply.history ?? [])].length === 0) {
          // Only an answer that has no figure to show (a country without rankings) has no date, and says why.
          expect(text, line).toMatch(locale === 'ko' ? /없습니다/ : /\bno\b/i);
          continue;
        }
        // A date, or, when every source shown is undated, a plain statement that none is.
        const dated = new RegExp(`${asOf}(\\d{4}|[A-Z][a-z]{2} \\d{4}|\\d{1,2} [A-Z][a-z]{2} \\d{4})`);
        if (!dated.test(text)) expect(text, line).toContain(messages(locale).asOfUnknown);
        for (const f of reply.figures ?? []) expect(isCurrent(view, f), `${line}: ${f.id}`).toBe(true);
      }
    });
  }

  it('a country overview shows, for every line of index editions, the newest edition that ranks the country', async () => {
    const lines = chainsOf(
      view,
      view.allSeries().filter((s) => s.index),
    );
    for (const country of view.countries().map((c) => c.code)) {
      const reply = await ask(`/ai-rank ${country}`, 'ko');
      const shown = new Set([...(reply.figures ?? []), ...(reply.history ?? [])].map((f) => f.id));
      for (const chain of lines) {
        const newest = latestObservation(view, chain, country);
        if (!newest || newest.rank === null) continue;
        expect(shown.has(newest.id), `${country}: ${newest.id}`).toBe(true);
        const older = chain.flatMap((s) => view.observation(s.id, country) ?? []).filter((f) => f.id !== newest.id);
        for (const f of older)
          expect(
            (reply.figures ?? []).map((x) => x.id),
            `${country}: ${f.id}`,
          ).not.toContain(f.id);
      }
    }
  });

  it('an index table shows its newest edition unless an edition is named; a named older one says it is older', async () => {
    for (const family of view.indices()) {
      const newestYear = view.editions(family.id)[0]?.edition;
      const reply = await ask(`/ai-rank ${family.id}`, 'ko');
      for (const f of reply.figures ?? []) {
        expect(view.series(f.series ?? '')?.edition ?? null, `${family.id}: ${f.id}`).toBe(newestYear ?? null);
      }
      for (const older of view.editions(family.id).filter((s) => s.edition !== newestYear && s.tier === 'headline')) {
        const named = await ask(`/ai-rank ${family.id} ${older.edition}`, 'ko');
        expect(textOf(named), `${family.id} ${older.edition}`).toContain('이전 판입니다');
        expect(named.figures ?? [], `${family.id} ${older.edition}`).toEqual(
          (named.figures ?? []).filter((f) => isCurrent(view, f)),
        );
      }
    }
  });
});

describe('milestones are never shown as done unless the data says so', () => {
  const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00+09:00`) + days * 86_400_000);

  it('a scheduled event reads "예정" the day before it and "예정일 지남 · 결과 미확인" the day after; never "완료"', async () => {
    const scheduled = view.events().filter((e) => (e.status ?? 'scheduled') === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(5);
    for (const event of scheduled) {
      const start =
        event.date.length === 4 ? `${event.date}-01-01` : event.date.length === 7 ? `${event.date}-01` : event.date;
      for (const [clock, label, not] of [
        [day(start, -1), messages('ko').eventScheduled, messages('ko').eventOverdue],
        [day(endOf(event.date), 1), messages('ko').eventOverdue, messages('ko').eventScheduled],
      ] as const) {
        const scope = clock < day(endOf(event.date), 0) ? 'upcoming' : 'past';
        const text = textOf(await ask(`/ai-timeline ${scope} 30`, 'ko', clock));
        const line = text.split('\n').find((l) => l.includes(escapeMrkdwn(event.title.ko)));
        expect(line, `${event.id} at ${clock.toISOString()}`).toBeDefined();
        expect(line, event.id).toContain(label);
        expect(line, event.id).not.toContain(not);
        expect(line, event.id).not.toContain(messages('ko').eventHappened);
      }
    }
  });

  it('what happened and what happened otherwise keep their status at any date, with the outcome beside it', async () => {
    for (const event of view.events().filter((e) => e.status && e.status !== 'scheduled')) {
      expect(eventState(event, '2020-01-01')).toBe(event.status);
      expect(eventState(event, '2030-01-01')).toBe(event.status);
    }
    const text = textOf(await ask('/ai-timeline past 30', 'ko'));
    for (const event of view.events().filter((e) => e.status === 'happened_differently')) {
      expect(text, event.id).toContain(escapeMrkdwn(event.outcome?.ko ?? ''));
    }
  });

  it('/sovereign-ai lists the overdue second-stage evaluation under "next", not among what happened', async () => {
    const text = textOf(await ask('/sovereign-ai', 'ko', new Date('2026-11-30T09:00:00+09:00')));
    const next = text.slice(text.indexOf(messages('ko').sovereignNext), text.indexOf(messages('ko').sovereignPast));
    expect(next).toContain('2차 단계평가');
    expect(next).toContain(messages('ko').eventOverdue);
  });
});

/** Every figure with a caveat or a conflict, and the answers that show it. */
function notesOf(f: Figure, locale: Locale): string[] {
  const conflicts = (view.dataset().conflicts ?? []).filter((c) => c.figures.includes(f.id));
  return [...(f.caveat ? [f.caveat[locale]] : []), ...conflicts.map((c) => c.note[locale])].map(escapeMrkdwn);
}

describe('caveats and disagreeing sources appear beside their figures', () => {
  for (const locale of ['ko', 'en'] as const) {
    it(`(${locale}) in every answer that shows the figure`, async () => {
      let checked = 0;
      for (const [line, reply] of await answersFor(locale)) {
        const text = textOf(reply);
        for (const f of [...(reply.figures ?? []), ...(reply.history ?? [])]) {
          for (const note of notesOf(f, locale)) {
            expect(text, `${line}: ${f.id}`).toContain(note);
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    it(`(${locale}) on the figure's own card, with the other sources' values when they disagree`, async () => {
      for (const f of view.allFigures().filter((x) => notesOf(x, locale).length > 0)) {
        const text = textOf(await ask(`/ai-data show ${f.id}`, locale));
        for (const note of notesOf(f, locale)) expect(text, f.id).toContain(note);
      }
    });
  }

  it('the research notes’ conflicts and caveats each have a caveat or a conflict in the data', () => {
    // From data/research/figures-research.md and figures-2026.md, "Conflicts" and "caveats" sections.
    const listed = [
      'ceti25_ai_KR',
      'kcci_netai_2024_KR',
      'kcci_netai_series_KR',
      'talent_shortfall_ai_2027',
      'aju_ai_shortfall_2024',
      'msit_ai_workforce_2023',
      'bok_ai_workforce_2024_KR',
      'kcci_ai_talent_count_KR',
      'oecdai_vc2025_KR',
      'oecdai_vc2023_KR',
      'sovai_support_total',
      'sovai_budget_total_donga',
      'vibrancy25_KR',
      'tortoise24_KR_operating_environment',
      'tortoise24_KR_talent',
      'talent_plan_aiforall_total',
      'talent_budget2026_11k',
      'aii26_notable2025_KR',
      'aii26_privinv2025_KR',
      'msdiff25h2_AE',
      'oxgov25_CN',
      'oxgov25_DE',
      'oxgov25_KR',
      'imfaipi23_KR',
      'imfaipi23_CN',
      'aii26_zeki_netflow_2025_US',
      'msdiff26q1_KR',
      'sovai_budget_2136_KR',
      'sovai_gpu_lg_upstage_512_KR',
      'ms_sovai_eval2_KR',
      'sovai_addteam_motif_KR',
      'ms_sovai_showcase1_KR',
      'aibasicact_grace_period_KR',
      'aibasicact_domestic_agent_KR',
      'aibasicact_genai_labelling_KR',
      'aibasicact_promulgated_KR',
      'gov_gpu_37k_end2026_KR',
      'gov_gpu_target_52k_2028_KR',
      'gov_gpu_nvidia_52k_2030',
      'gov_gpu_13k_delivered_KR',
      'gov_gpu_10k_2025',
      'naicc_cost',
      'naicc_groundbreaking_2026_KR',
      'supercomputer6_2026_KR',
      'aig3_target_year_lee_KR',
      'talent_kcci_shortage_2029_KR',
      'ai_budget_2026_talent_nabo_KR',
      'talent_aiforall_2026_oneyear_KR',
    ];
    for (const id of listed) {
      const f = view.figure(id);
      expect(f, id).toBeDefined();
      if (f) expect(notesOf(f, 'ko').length, id).toBeGreaterThan(0);
    }
  });
});

/** Text a reader reads as prose: links' targets, code, and verbatim quotations of sources set aside. */
function prose(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]*)>/g, '$2')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/^\*(인용|Quote)\*: .*$/gm, '')
    .replace(/“[^”]*”/g, '');
}

/** English prose: three words in a row, at least two of them lower-case (a run of names is not prose). */
const ENGLISH_RUN =
  /\b[A-Za-z]{2,}[ ,;:]+[a-z]{2,}[ ,;:]+[a-z]{2,}\b|\b[a-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[a-z]{2,}\b|\b[a-z]{2,}[ ,;:]+[a-z]{2,}[ ,;:]+[A-Za-z]{2,}\b/;
const HANGUL = /[\uac00-\ud7a3]/;

describe('one language per answer', () => {
  it('no Korean answer carries English prose (three English words in a row), and no English answer Korean', async () => {
    const found: string[] = [];
    for (const [line, reply] of await answersFor('ko')) {
      const hit = ENGLISH_RUN.exec(prose(textOf(reply)));
      if (hit) found.push(`ko ${line}: ${hit[0]}`);
    }
    for (const [line, reply] of await answersFor('en')) {
      const text = prose(textOf(reply));
      const at = text.search(HANGUL);
      if (at >= 0) found.push(`en ${line}: ${text.slice(Math.max(0, at - 30), at + 30)}`);
    }
    expect(found).toEqual([]);
  });

  it('every figure card reads in its language: no English notes or placeholders in Korean, no Korean in English', async () => {
    const found: string[] = [];
    for (const f of view.allFigures()) {
      const ko = prose(textOf(await ask(`/ai-data show ${f.id}`, 'ko')));
      const hit = ENGLISH_RUN.exec(ko);
      if (hit) found.push(`ko ${f.id}: ${hit[0]}`);
      // The English card shows the research record itself for audit: its provenance string and notes verbatim,
      // as they were written (they quote Korean sources in places). Everything the bot words is checked.
      const card = textOf(await ask(`/ai-data show ${f.id}`, 'en'));
      const worded = card
        .split('\n')
        .filter((line) => !line.startsWith('*Notes*:') && !line.startsWith('*Source*:'))
        .join('\n');
      const en = prose(worded);
      const at = en.search(HANGUL);
      if (at >= 0) found.push(`en ${f.id}: ${en.slice(Math.max(0, at - 30), at + 30)}`);
    }
    expect(found).toEqual([]);
  });
});

describe('what the issue asked to see', () => {
  it("/ai-invest: Korea's 2025 private investment, 12th, with the change from 2024", async () => {
    const text = textOf(await ask('/ai-invest', 'ko'));
    expect(text).toContain('AI 민간 투자 — 2025년');
    expect(text).toMatch(/대한민국: 17\.8억 달러 · 12위[^\n]*← 2024년 13\.3억 달러 · 11위/);
  });

  it('/ai-invest 2023 checks the article: the US part holds, the Chinese part does not', async () => {
    const text = textOf(await ask('/ai-invest 2023', 'ko'));
    expect(text).toContain('미국 48.4배 — *부합* · 중국 5.6배 — *불일치*');
    expect(textOf(await ask('/ai-invest 2023', 'en'))).toContain(
      'United States 48.4× — *consistent* · China 5.6× — *inconsistent*',
    );
  });

  it('/ai-rank tortoise: the 2025 edition, Korea 5th of 93', async () => {
    const reply = await ask('/ai-rank tortoise', 'ko');
    expect(reply.figures?.map((f) => f.id)).toContain('tortoise25_KR');
    expect(textOf(reply)).toMatch(/\b5 대한민국 ◀/);
    expect(textOf(reply)).toContain('93개국');
  });

  it('/ai-rank says in Korean that Belfer’s 9th is 8th among countries', async () => {
    const text = textOf(await ask('/ai-rank', 'ko'));
    expect(text).toContain('9위/26');
    expect(text).toContain('국가만 세면 한국은 8위');
  });

  it('/sovereign-ai: three teams passed in January, Motif added in February, four in the second stage', async () => {
    const text = textOf(await ask('/sovereign-ai', 'ko'));
    for (const team of ['LG AI연구원', 'SK텔레콤', '업스테이지']) {
      expect(text).toMatch(new RegExp(`${team}[^\\n]*첫 단계평가 통과`));
    }
    expect(text).toMatch(/모티프테크놀로지스[^\n]*추가 정예팀 \(2026년 2월 20일 선정\)/);
    expect(text).toMatch(/현재 단계:\* \*2차 단계 4개 팀/);
    for (const team of ['네이버클라우드', 'NC AI']) expect(text).toMatch(new RegExp(`${team}[^\\n]*제외`));
    expect(text).toMatch(/5개 컨소시엄 — \*시점 지남\* \(현재: 2차 단계 4개 팀/);
  });
});
