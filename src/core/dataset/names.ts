import type { Locale } from '../i18n/locale.js';
import { isoCountryName } from '../vocabulary/countries.js';
import type { Figure } from './dataset-schema.js';
import type { DatasetView } from './dataset-view.js';

/** The dataset's name for a country, else the ISO name ("브라질"), else the code. */
export function countryName(view: DatasetView, code: string, locale: Locale): string {
  return view.country(code)?.name[locale] ?? isoCountryName(code, locale) ?? code;
}

/** Who the figure is about, as plain (unescaped) text. */
export function entityName(view: DatasetView, figure: Figure, locale: Locale): string {
  if (figure.country && view.country(figure.country)?.name.en === figure.entity.en) {
    return countryName(view, figure.country, locale);
  }
  return figure.entity[locale];
}
