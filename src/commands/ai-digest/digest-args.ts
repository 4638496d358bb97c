import { echo } from '../../core/command-input.js';
import { UserError } from '../../core/errors.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { Frequency, Weekday } from '../../core/records/digest-records.js';
import { isTimeZone } from '../../core/records/digest-records.js';
import { wordTable } from '../../core/vocabulary/word-table.js';

/** The text of `/ai-digest …` read into an action, with schedules validated word by word. */

export interface ScheduleChoice {
  frequency: Frequency;
  days: Weekday[];
  time: string;
  timezone: string;
  locale: Locale;
}

export type DigestArgs =
  | { action: 'status' | 'list' | 'preview' | 'now' | 'unsubscribe' }
  | { action: 'subscribe'; schedule: ScheduleChoice }
  | { action: 'skip' | 'unskip'; date: string };

const ACTIONS = wordTable<Exclude<DigestArgs['action'], never>>({
  subscribe: 'subscribe',
  sub: 'subscribe',
  구독: 'subscribe',
  unsubscribe: 'unsubscribe',
  unsub: 'unsubscribe',
  구독취소: 'unsubscribe',
  구독해지: 'unsubscribe',
  해지: 'unsubscribe',
  status: 'status',
  상태: 'status',
  list: 'list',
  목록: 'list',
  preview: 'preview',
  미리보기: 'preview',
  now: 'now',
  지금: 'now',
  skip: 'skip',
  건너뛰기: 'skip',
  unskip: 'unskip',
  건너뛰기취소: 'unskip',
});

const FREQUENCY_WORDS = wordTable<Frequency>({
  weekly: 'weekly',
  매주: 'weekly',
  주간: 'weekly',
  weekdays: 'weekdays',
  평일: 'weekdays',
  daily: 'daily',
  매일: 'daily',
});

const DAY_WORDS: Record<Weekday, readonly string[]> = {
  mon: ['mon', 'monday', '월', '월요일'],
  tue: ['tue', 'tues', 'tuesday', '화', '화요일'],
  wed: ['wed', 'wednesday', '수', '수요일'],
  thu: ['thu', 'thur', 'thurs', 'thursday', '목', '목요일'],
  fri: ['fri', 'friday', '금', '금요일'],
  sat: ['sat', 'saturday', '토', '토요일'],
  sun: ['sun', 'sunday', '일', '일요일'],
};
const DAYS = new Map(Object.entries(DAY_WORDS).flatMap(([day, words]) => words.map((w) => [w, day as Weekday])));

const LOCALE_WORDS = wordTable<Locale>({
  ko: 'ko',
  한국어: 'ko',
  korean: 'ko',
  en: 'en',
  english: 'en',
  영어: 'en',
});

function parseTime(word: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(word) ?? /^(\d{1,2})시(?:(\d{1,2})분)?$/.exec(word);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** IANA zones are case-insensitive to Intl; keep its canonical spelling ("asia/seoul" → "Asia/Seoul"). */
function canonicalZone(word: string): string | null {
  if (!isTimeZone(word)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: word }).resolvedOptions().timeZone;
}

function scheduleError(locale: Locale, problem: string): UserError {
  const t = messages(locale);
  return new UserError('bad_schedule', [t.digestBadSchedule(problem), t.digestExample]);
}

export function parseSchedule(
  words: readonly string[],
  defaults: { timezone: string; locale: Locale },
  locale: Locale,
) {
  const t = messages(locale);
  const found: Partial<Omit<ScheduleChoice, 'days'>> = {};
  const days: Weekday[] = [];
  const once = <K extends keyof typeof found>(key: K, value: (typeof found)[K], word: string) => {
    if (found[key] !== undefined) throw scheduleError(locale, t.digestRepeated(echo(word)));
    found[key] = value;
  };
  for (const word of words) {
    const day = DAYS.get(word);
    if (day) {
      if (!days.includes(day)) days.push(day);
      continue;
    }
    if (FREQUENCY_WORDS[word]) once('frequency', FREQUENCY_WORDS[word], word);
    else if (LOCALE_WORDS[word]) once('locale', LOCALE_WORDS[word], word);
    else if (/\d/.test(word) && !word.includes('/'))
      once('time', parseTime(word) ?? raise(scheduleError(locale, t.digestBadTime(echo(word)))), word);
    else if (word.includes('/') || word === 'utc')
      once('timezone', canonicalZone(word) ?? raise(scheduleError(locale, t.digestBadZone(echo(word)))), word);
    else throw scheduleError(locale, t.unknownTerm(echo(word)));
  }
  const frequency = found.frequency ?? 'weekly';
  if (frequency !== 'weekly' && days.length > 0) throw scheduleError(locale, t.digestDaysWithFrequency);
  const order = Object.keys(DAY_WORDS);
  return {
    frequency,
    days:
      frequency === 'weekly'
        ? days.length > 0
          ? days.sort((a, b) => order.indexOf(a) - order.indexOf(b))
          : ['mon']
        : [],
    time: found.time ?? '09:00',
    timezone: found.timezone ?? defaults.timezone,
    locale: found.locale ?? defaults.locale,
  } satisfies ScheduleChoice;
}

function raise(error: UserError): never {
  throw error;
}

export function parseDigestArgs(
  words: readonly string[],
  defaults: { timezone: string; locale: Locale },
  locale: Locale,
): DigestArgs {
  const [first, ...rest] = words;
  if (first === undefined) return { action: 'status' };
  const action = ACTIONS[first];
  const t = messages(locale);
  if (!action) {
    throw new UserError('unknown_action', [
      t.unknownTerm(echo(first)),
      t.available(
        Object.keys(ACTIONS)
          .filter((k) => /^[a-z]+$/.test(k))
          .join(', '),
      ),
    ]);
  }
  if (action === 'subscribe') return { action, schedule: parseSchedule(rest, defaults, locale) };
  if (action === 'skip' || action === 'unskip') {
    const [date, ...extra] = rest;
    const valid =
      date !== undefined &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
      new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
    if (!valid || extra.length > 0)
      throw new UserError('bad_date', [t.digestBadDate(echo(date ?? '')), t.digestExample]);
    return { action, date };
  }
  if (rest.length > 0) throw new UserError('unexpected_words', [t.unknownTerm(echo(rest.join(' ')))]);
  return { action };
}
