import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/core/dataset/dataset-schema.js';
import {
  formatDate,
  formatKoreanCount,
  formatNumber,
  formatRank,
  formatValue,
  ordinal,
  rankText,
} from '../../../src/core/i18n/format.js';

function figure(value: number | string, code: Figure['unit']['code'], extra: Partial<Figure> = {}): Figure {
  return {
    id: 'x',
    category: 'policy',
    series: null,
    tags: [],
    country: 'KR',
    entity: { en: 'South Korea', ko: '대한민국' },
    metric: { en: 'm', ko: 'm' },
    value,
    unit: { code, source: 'unit', ...(code === 'count' ? { noun: { en: '{n} teams', ko: '{n}개 팀' } } : {}) },
    rank: null,
    rankOf: null,
    rankScope: null,
    period: { en: '2025', ko: '2025년' },
    source: {
      publisher: 'p',
      title: 't',
      url: 'https://example.org',
      publishedOn: null,
      quote: 'q',
      corroboratingUrls: [],
    },
    confidence: 'high',
    verification: 'verified',
    notes: null,
    ...extra,
  };
}

describe('Korean number formatting', () => {
  it('says money the Korean way', () => {
    expect(formatValue(figure(1.4, 'krw_tn'), 'ko')).toBe('1.4조 원');
    expect(formatValue(figure(200, 'krw_bn'), 'ko')).toBe('2,000억 원');
    expect(formatValue(figure(1.33, 'usd_bn'), 'ko')).toBe('13.3억 달러');
    expect(formatValue(figure(109.08, 'usd_bn'), 'ko')).toBe('1,090.8억 달러');
  });

  it('groups large counts by 만', () => {
    expect(formatKoreanCount(260_000)).toBe('26만');
    expect(formatKoreanCount(12_800)).toBe('1만 2,800');
    expect(formatKoreanCount(9_999)).toBe('9,999');
    expect(formatValue(figure(260_000, 'gpus'), 'ko')).toBe('26만 장');
    expect(formatValue(figure(12_800, 'persons'), 'ko')).toBe('1만 2,800명');
    expect(formatValue(figure(2_551, 'persons'), 'ko')).toBe('2,551명');
  });

  it('formats scores, ratios, signed flows and counts', () => {
    expect(formatValue(figure(14.1, 'index_score'), 'ko')).toBe('14.1점');
    expect(formatValue(figure(5.6, 'times'), 'ko')).toBe('5.6배');
    expect(formatValue(figure(-0.36, 'per_10k'), 'ko')).toBe('-0.36');
    expect(formatValue(figure(8.92, 'per_10k'), 'en')).toBe('+8.92');
    expect(formatValue(figure(3, 'count'), 'ko')).toBe('3개 팀');
    expect(formatValue(figure(3, 'count'), 'en')).toBe('3 teams');
  });

  it('appends the unit note in the reader’s language', () => {
    const f = figure(1.06, 'percent', {
      unit: { code: 'percent', source: '%', note: { en: 'of LinkedIn members', ko: '링크드인 회원 중' } },
    });
    expect(formatValue(f, 'ko')).toBe('1.06% (링크드인 회원 중)');
    expect(formatValue(f, 'en')).toBe('1.06% (of LinkedIn members)');
  });

  it('formats English money and dates', () => {
    expect(formatValue(figure(1.4, 'krw_tn'), 'en')).toBe('KRW 1.4 trillion');
    expect(formatValue(figure(1.33, 'usd_bn'), 'en')).toBe('$1.33 billion');
    expect(formatValue(figure('2024-12-26', 'date'), 'ko')).toBe('2024년 12월 26일');
    expect(formatDate('2024-12-26', 'en')).toBe('26 Dec 2024');
    expect(formatDate('2026-02', 'ko')).toBe('2026년 2월');
  });
});

describe('ranks', () => {
  it('says what the rank is counted among', () => {
    const scope = { en: '25 countries + Europe (counted as one bloc)', ko: '25개국+유럽 권역' };
    expect(rankText(9, 26, scope, 'ko')).toBe('9위/26 (25개국+유럽 권역)');
    expect(rankText(9, 26, scope, 'en')).toBe('9th of 25 countries + Europe (counted as one bloc)');
    expect(rankText(35, 38, { en: '38 OECD countries', ko: 'OECD 38개국' }, 'ko')).toBe('35위/38 (OECD 38개국)');
    expect(rankText(6, 83, { en: '83 countries', ko: '83개국' }, 'ko')).toBe('6위/83개국');
    expect(rankText(4, null, { en: 'the published top-30 list', ko: '공개된 상위 30개국 목록' }, 'en')).toBe(
      '4th in the published top-30 list',
    );
  });

  it('returns null for an unranked figure and uses English ordinals', () => {
    expect(formatRank(figure(1, 'count'), 'ko')).toBeNull();
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('formatNumber', () => {
  it('groups and rounds exactly as Intl.NumberFormat did, without loading it at start-up', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
    const samples = [
      0, 1, 999, 1000, 12345.678, 1e9, 2.5, 0.0005, 1.0005, 2.675, 13.299999999999, 999.9996, 123456789.123,
    ];
    for (let i = 1; i < 2000; i += 1) samples.push((i * 7919.0005) / 13, i / 8, i * 1234.5675);
    for (const n of samples) {
      // formatNumber first rounds binary noise away at six decimals, as it did before Intl was dropped.
      const expected = intl.format(Math.round(n * 1e6) / 1e6);
      expect(formatNumber(n, 'ko')).toBe(expected);
      expect(formatNumber(-n, 'en')).toBe(expected === '0' ? '0' : `-${expected}`);
    }
  });
});
