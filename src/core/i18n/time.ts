import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { ko } from 'date-fns/locale/ko';
import type { Locale } from './locale.js';

/** Instants shown in a channel's time zone, always with the zone named. */

const LOCALES = { ko, en: enUS };

export function formatInstant(date: Date, zone: string, locale: Locale): string {
  const pattern = locale === 'ko' ? 'yyyy년 M월 d일 (EEE) HH:mm' : 'EEE d MMM yyyy, HH:mm';
  return format(new TZDate(date, zone), pattern, { locale: LOCALES[locale] });
}

export function formatLocalDay(date: Date, zone: string, locale: Locale): string {
  const pattern = locale === 'ko' ? 'yyyy년 M월 d일 (EEE)' : 'EEE d MMM yyyy';
  return format(new TZDate(date, zone), pattern, { locale: LOCALES[locale] });
}

/** "Asia/Seoul (UTC+09:00)": the zone and its offset at that instant (which DST may change). */
export function zoneLabel(zone: string, at: Date): string {
  return `${zone} (UTC${format(new TZDate(at, zone), 'xxx')})`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(date: Date, zone: string): string {
  return format(new TZDate(date, zone), 'yyyy-MM-dd');
}

/** The local time of day (HH:mm) of an instant in a zone. */
export function localTime(date: Date, zone: string): string {
  return format(new TZDate(date, zone), 'HH:mm');
}
