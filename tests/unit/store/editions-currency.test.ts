import { describe, expect, it } from 'vitest';
import { judgeClaim, judgePart } from '../../../src/core/dataset/claim-verdicts.js';
import {
  endOf,
  eventState,
  isProbablyStale,
  newestSourceDate,
  sourceDate,
} from '../../../src/core/dataset/currency.js';
import type { ClaimPart, PolicyEvent } from '../../../src/core/dataset/dataset-schema.js';
import {
  editionChain,
  historyReason,
  isCurrent,
  isNewestForSubject,
  latestObservation,
  latestOf,
} from '../../../src/core/dataset/editions.js';
import { editionLabel, formatValue } from '../../../src/core/i18n/format.js';
import { shippedStore } from '../../helpers/services.js';

const view = (await shippedStore()).current();
const figure = (id: string) => {
  const f = view.figure(id);
  if (!f) throw new Error(id);
  return f;
};

describe('editions and supersession', () => {
  it('chains a series with its editions, oldest first, from any of them', () => {
    const ids = ['aii24_privinv2022', 'aii24_privinv2023', 'aii25_privinv2024', 'aii26_privinv2025'];
    for (const id of ids) expect(editionChain(view, id).map((s) => s.id)).toEqual(ids);
  });

  it('knows why a figure is not the present: updated by another, or from an older edition', () => {
    expect(historyReason(view, figure('aii25_privinv2024_KR'))).toMatchObject({
      kind: 'superseded',
      by: { id: 'aii26_privinv2025_KR' },
    });
    // The 2025 edition has no Korean value: the 2024 one is history, but the newest Korea has.
    const kr = figure('kcci_netai_2024_KR');
    expect(historyReason(view, kr)).toMatchObject({ kind: 'older_edition', newest: { id: 'net_ai_migration_2025' } });
    expect(isNewestForSubject(view, kr)).toBe(true);
    // A pillar of an older edition of a family with a newer edition is history even without a successor.
    expect(isCurrent(view, figure('tortoise24_KR_government_strategy'))).toBe(false);
    expect(isCurrent(view, figure('tortoise25_KR'))).toBe(true);
    expect(latestOf(view, figure('sovai_final_teams_2027')).id).toBe('sovai_final2_by_end2026_KR');
    expect(latestObservation(view, editionChain(view, 'gaiii25'), 'KR')?.id).toBe('gaiii23_KR');
  });
});

describe('how current', () => {
  it('reads the first date of a publication field, and the newest of several', () => {
    expect(sourceDate(figure('ceti25_ai_KR'))).toBe('2025-06');
    expect(sourceDate({ source: { ...figure('ceti25_ai_KR').source, publishedOn: null } })).toBeNull();
    expect(newestSourceDate([figure('ceti25_ai_KR'), figure('aii26_privinv2025_KR')])).toBe('2026-04-13');
  });

  it('ends partial dates where they end', () => {
    expect(endOf('2026-02')).toBe('2026-02-28');
    expect(endOf('2027')).toBe('2027-12-31');
    expect(endOf('2026-08-03')).toBe('2026-08-03');
  });

  it('says a yearly index is probably out of date a year after its newest source, and not before', () => {
    const ceti = view.series('ceti25_ai');
    if (!ceti) throw new Error('ceti25_ai');
    expect(isProbablyStale(view, ceti, '2026-05-30')).toBe(false);
    expect(isProbablyStale(view, ceti, '2026-07-01')).toBe(true);
  });

  it('never takes a scheduled event or one without a status as done', () => {
    const event: PolicyEvent = {
      id: 'x',
      date: '2026-08',
      title: { en: 'x', ko: 'x' },
      kind: 'programme',
      figures: ['x'],
    };
    expect(eventState(event, '2026-07-31')).toBe('scheduled');
    expect(eventState(event, '2026-08-31')).toBe('scheduled');
    expect(eventState(event, '2026-09-01')).toBe('overdue');
    expect(eventState({ ...event, status: 'happened' }, '2020-01-01')).toBe('happened');
  });
});

describe('claim verdicts, computed from the cited figures', () => {
  const claim = (id: string) => {
    const c = view.dataset().claims?.find((x) => x.id === id);
    if (!c) throw new Error(id);
    return judgeClaim(view, c);
  };

  it('the article’s seven claims', () => {
    expect(claim('kmj_belfer_9th').map((v) => v.verdict)).toEqual(['consistent']);
    expect(claim('kmj_talent_35th').map((v) => v.verdict)).toEqual(['consistent']);
    const dozens = claim('kmj_invest_dozens');
    expect(dozens.map((v) => [v.part.id, v.verdict, Number(v.measured?.toFixed(1))])).toEqual([
      ['us', 'consistent', 48.4],
      ['cn', 'inconsistent', 5.6],
    ]);
    expect(claim('kmj_five_teams').map((v) => [v.verdict, v.now?.id])).toEqual([
      ['outdated', 'sovai_addteam_motif_KR'],
    ]);
    expect(claim('kmj_talent_1_4tn').map((v) => v.verdict)).toEqual(['consistent']);
    expect(claim('kmj_nst_12').map((v) => v.verdict)).toEqual(['consistent']);
    // 2027 was declared; the current government's target has no year: overtaken.
    expect(claim('kmj_ai_g3_2027').map((v) => v.verdict)).toEqual(['outdated']);
  });

  it('a claim whose figure has no value cannot be judged', () => {
    const part: ClaimPart = {
      id: 'p',
      text: { en: 'x', ko: 'x' },
      check: { kind: 'value', figure: 'aig3_target_year_lee_KR', claimed: 2030 },
    };
    expect(judgePart(view, part).verdict).toBe('unverifiable');
  });
});

describe('formatting the new units and editions', () => {
  it('won, FLOP and milestones in both languages', () => {
    expect(formatValue(figure('aibasicact_fine_cap_KR'), 'ko')).toBe('3,000만 원 (위반 건당 상한; 약 2만 1,000달러)');
    expect(formatValue(figure('aibasicact_fine_cap_KR'), 'en')).toBe(
      'KRW 30 million (maximum per violation; about USD 21,000)',
    );
    expect(formatValue(figure('aibasicact_domestic_agent_KR'), 'ko')).toMatch(/^1조 원/);
    expect(formatValue(figure('aibasicact_compute_threshold_KR'), 'en')).toBe(
      '10²⁶ FLOP (cumulative training compute)',
    );
    expect(formatValue(figure('ms_sovai_eval2_KR'), 'ko')).toBe('2026년 8월 초(예정)');
  });

  it('names editions of a year, a half and a quarter', () => {
    expect(editionLabel('2025', 'ko')).toBe('2025년판');
    expect(editionLabel('2025-H2', 'ko')).toBe('2025년 하반기판');
    expect(editionLabel('2026-Q1', 'ko')).toBe('2026년 1분기판');
    expect(editionLabel('2026-Q1', 'en')).toBe('Q1 2026 edition');
  });
});
