import type { Figure, Localized } from '../dataset/dataset-schema.js';
import type { Locale } from './locale.js';

/** What formatting needs of a figure; snapshots of past digests carry the same fields. */
export type Valued = Pick<Figure, 'value' | 'unit' | 'period'> & Partial<Pick<Figure, 'valueText'>>;
export type Ranked = Pick<Figure, 'rank' | 'rankOf' | 'rankScope'>;

const KO_UNITS = /[만억조]$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Rounds away binary noise (1.33 * 10 = 13.299999…) before formatting. */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Thousands grouped with commas, at most three decimals rounded half away from zero, no trailing zeros: the same in
 * ko-KR and en-US, and the same as Intl.NumberFormat gave, whose first use loads ICU's locale data (10 ms of every
 * CLI answer). The shift by "e3" works on the decimal digits, so 1.0005 rounds up as written, not as stored.
 */
export function formatNumber(n: number, _locale: Locale): string {
  const thousandths = Math.round(Number(`${Math.abs(clean(n))}e3`));
  if (!Number.isSafeInteger(thousandths)) return String(n);
  const whole = String(Math.trunc(thousandths / 1000)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const sign = n < 0 && thousandths !== 0 ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function formatSigned(n: number, locale: Locale): string {
  const body = formatNumber(Math.abs(n), locale);
  if (n > 0) return `+${body}`;
  return n < 0 ? `-${body}` : body;
}

/** For aligned columns: a sign, then a fixed number of decimals ("+8.92", "-2.10"). */
export function formatFixedSigned(n: number, digits: number): string {
  const body = Math.abs(n).toFixed(digits);
  return n > 0 ? `+${body}` : n < 0 ? `-${body}` : body;
}

/** Korean large numbers are read in groups of 10,000: 260000 → "26만", 12800 → "1만 2,800". */
export function formatKoreanCount(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 10_000) return formatNumber(n, 'ko');
  const man = Math.trunc(n / 10_000);
  const rest = Math.abs(n % 10_000);
  return rest === 0 ? `${formatNumber(man, 'ko')}만` : `${formatNumber(man, 'ko')}만 ${formatNumber(rest, 'ko')}`;
}

/** Joins a Korean number and its counter: "26만 장" but "13,000장". */
function koWithCounter(number: string, counter: string): string {
  return KO_UNITS.test(number) ? `${number} ${counter}` : `${number}${counter}`;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "2025년판", "2025년 하반기판", "2026년 1분기판" / "2025 edition", "H2 2025 edition", "Q1 2026 edition". */
export function editionLabel(edition: string, locale: Locale): string {
  const [year = edition, part] = edition.split('-');
  if (locale === 'ko') {
    const when = part?.startsWith('H') ? ` ${part === 'H1' ? '상' : '하'}반기` : part ? ` ${part.slice(1)}분기` : '';
    return `${year}년${when}판`;
  }
  return `${part ? `${part} ` : ''}${year} edition`;
}

export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined) return iso;
  if (locale === 'ko') {
    return [y && `${y}년`, m && `${m}월`, d && `${d}일`].filter(Boolean).join(' ');
  }
  const month = m ? (MONTHS[m - 1] ?? '') : '';
  return [d, month, y].filter(Boolean).join(' ');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 1e26 → "10²⁶"; a value that is not a power of ten keeps its mantissa ("3×10²⁵"). */
function powerOfTen(value: number): string {
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  const sup = [...exponent.replace('+', '')].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT[Number(c)] ?? c))).join('');
  return mantissa === '1' ? `10${sup}` : `${mantissa}×10${sup}`;
}

/** Won in the Korean way: 30,000,000 → "3,000만", 1e12 → "1조". */
function koreanWon(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${formatNumber(value / 1e12, 'ko')}조`;
  if (abs >= 1e8) return `${formatNumber(value / 1e8, 'ko')}억`;
  if (abs >= 1e4) return `${formatNumber(value / 1e4, 'ko')}만`;
  return formatNumber(value, 'ko');
}

function englishWon(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `KRW ${formatNumber(value / 1e12, 'en')} trillion`;
  if (abs >= 1e9) return `KRW ${formatNumber(value / 1e9, 'en')} billion`;
  if (abs >= 1e6) return `KRW ${formatNumber(value / 1e6, 'en')} million`;
  return `KRW ${formatNumber(value, 'en')}`;
}

function formatKo(value: number, figure: Valued): string {
  const unit = figure.unit;
  switch (unit.code) {
    case 'index_score':
      return `${formatNumber(value, 'ko')}점`;
    case 'rank':
      return `${value}위`;
    case 'usd_bn':
      return koWithCounter(`${formatNumber(value * 10, 'ko')}억`, '달러');
    case 'krw_tn':
      return koWithCounter(`${formatNumber(value, 'ko')}조`, '원');
    case 'krw_bn':
      return koWithCounter(`${formatNumber(value * 10, 'ko')}억`, '원');
    case 'persons':
      return koWithCounter(formatKoreanCount(value), '명');
    case 'gpus':
      return koWithCounter(formatKoreanCount(value), '장');
    case 'percent':
      return `${formatNumber(value, 'ko')}%`;
    case 'pp':
      return `${formatSigned(value, 'ko')}%p`;
    case 'per_10k':
      return formatSigned(value, 'ko');
    case 'times':
      return `${formatNumber(value, 'ko')}배`;
    case 'params_bn':
      return koWithCounter(`${formatNumber(value * 10, 'ko')}억`, '개');
    case 'year':
      return `${value}년`;
    case 'krw':
      return koWithCounter(koreanWon(value), '원');
    case 'flop':
      return `${powerOfTen(value)} FLOP`;
    default:
      return (unit.noun?.ko ?? '{n}').replace('{n}', formatKoreanCount(value));
  }
}

function formatEn(value: number, figure: Valued): string {
  const unit = figure.unit;
  const n = formatNumber(value, 'en');
  switch (unit.code) {
    case 'index_score':
      return `score ${n}`;
    case 'rank':
      return ordinal(value);
    case 'usd_bn':
      return `$${n} billion`;
    case 'krw_tn':
      return `KRW ${n} trillion`;
    case 'krw_bn':
      return `KRW ${n} billion`;
    case 'persons':
      return `${n} people`;
    case 'gpus':
      return `${n} GPUs`;
    case 'percent':
      return `${n}%`;
    case 'pp':
      return `${formatSigned(value, 'en')} pp`;
    case 'per_10k':
      return formatSigned(value, 'en');
    case 'times':
      return `${n}×`;
    case 'params_bn':
      return `${n} billion parameters`;
    case 'year':
      return String(value);
    case 'krw':
      return englishWon(value);
    case 'flop':
      return `${powerOfTen(value)} FLOP`;
    default:
      return (unit.noun?.en ?? '{n}').replace('{n}', n);
  }
}

/**
 * The value with its unit, without the unit's note: "1.4조 원", "KRW 1.4 trillion", "14.1점". A figure without a
 * quantity (a milestone) has its period as its value: when it happened is what it says.
 */
export function formatAmount(figure: Valued, locale: Locale): string {
  const { value } = figure;
  if (value === null) return figure.period[locale];
  if (typeof value === 'string') {
    return figure.unit.code === 'date' ? formatDate(value, locale) : (figure.valueText?.[locale] ?? value);
  }
  return locale === 'ko' ? formatKo(value, figure) : formatEn(value, figure);
}

/** The value, its unit and the unit's note: "1.06% (링크드인 회원 중)". */
export function formatValue(figure: Valued, locale: Locale): string {
  const note = figure.unit.note?.[locale];
  const amount = formatAmount(figure, locale);
  return note ? `${amount} (${note})` : amount;
}

/** "9위/26 (25개국+유럽 권역)" or "9th of 25 countries + Europe (counted as one bloc)"; null without a rank. */
export function formatRank(figure: Ranked, locale: Locale): string | null {
  if (figure.rank === null) return null;
  return rankText(figure.rank, figure.rankOf, figure.rankScope, locale);
}

export function rankText(rank: number, of: number | null, scope: Localized | null, locale: Locale): string {
  if (locale === 'ko') {
    if (of !== null && scope?.ko === `${of}개국`) return `${rank}위/${of}개국`;
    const base = of === null ? `${rank}위` : `${rank}위/${of}`;
    return scope ? `${base} (${scope.ko})` : base;
  }
  if (scope) return `${ordinal(rank)} ${of === null ? 'in' : 'of'} ${scope.en}`;
  return of === null ? ordinal(rank) : `${ordinal(rank)} of ${of}`;
}
