// The locale-free entry: the package's node entry registers all 80 languages at start-up; we need two.
import countries from 'i18n-iso-countries/index.js';
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import koNames from 'i18n-iso-countries/langs/ko.json' with { type: 'json' };
import type { Locale } from '../i18n/locale.js';

countries.registerLocale(enNames);
countries.registerLocale(koNames);

/** Every ISO 3166 country, for names the dataset does not carry ("Brazil" has no data, but is a country). */
export const isoCountries = countries;

export function isoCountryName(code: string, locale: Locale): string | undefined {
  return countries.getName(code, locale, { select: 'official' });
}
