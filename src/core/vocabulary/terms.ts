import { echo } from '../command-input.js';
import type { DatasetView } from '../dataset/dataset-view.js';
import { UserError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';
import { isoCountries as countries } from './countries.js';
import { type Candidate, nearest } from './fuzzy.js';

/** How names are compared: case, spaces and punctuation do not matter ("South-Korea" = "southkorea"). */
export function keyOf(text: string): string {
  // toLowerCase is the locale-independent mapping, the same as en-US's and three times faster.
  return text.toLowerCase().replace(/[\s.\-_'’()·]/gu, '');
}

export type Term =
  | { kind: 'country'; code: string; text: string }
  | { kind: 'index'; id: string; text: string }
  | { kind: 'year'; year: string; text: string }
  | { kind: 'variant'; key: string; text: string }
  | { kind: 'unknown'; text: string };

interface Vocabulary {
  countries: Map<string, string>;
  indices: Map<string, string>;
  variants: Set<string>;
}

/** Every country the world knows, by name in either language or by alpha-3 code; dataset countries also by alpha-2. */
let world: Map<string, string> | undefined;
const worldCountries = (): Map<string, string> => {
  world ??= buildWorldCountries();
  return world;
};

function buildWorldCountries(): Map<string, string> {
  const map = new Map<string, string>();
  for (const locale of ['en', 'ko'] as const) {
    for (const [code, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
      for (const name of names) map.set(keyOf(name), code);
    }
  }
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) map.set(keyOf(alpha3), alpha2);
  return map;
}

const vocabularies = new WeakMap<DatasetView, Vocabulary>();

function vocabulary(view: DatasetView): Vocabulary {
  const cached = vocabularies.get(view);
  if (cached) return cached;
  const byCountry = new Map(worldCountries());
  for (const c of view.countries()) {
    for (const name of [c.code, c.name.en, c.name.ko, ...c.aliases]) byCountry.set(keyOf(name), c.code);
  }
  const indices = new Map<string, string>();
  for (const family of view.indices()) {
    for (const name of [family.id, family.short.en, family.short.ko, ...family.aliases])
      indices.set(keyOf(name), family.id);
  }
  const variants = new Set(view.allSeries().flatMap((s) => s.variantAliases.map(keyOf)));
  const built = { countries: byCountry, indices, variants };
  vocabularies.set(view, built);
  return built;
}

function classify(key: string, text: string, vocab: Vocabulary): Term | null {
  const index = vocab.indices.get(key);
  if (index) return { kind: 'index', id: index, text };
  if (vocab.variants.has(key)) return { kind: 'variant', key, text };
  const country = vocab.countries.get(key);
  if (country) return { kind: 'country', code: country, text };
  if (/^(19|20)\d{2}$/.test(key)) return { kind: 'year', year: key, text };
  // A half or a quarter of a year names an edition of a report published more often ("2025-H2", "2026q1").
  const part = /^((?:19|20)\d{2})(h[12]|q[1-4])$/.exec(key);
  if (part) return { kind: 'year', year: `${part[1]}-${part[2]?.toUpperCase()}`, text };
  return null;
}

/** Reads words into terms, trying the longest phrase first so "south korea" and "united states" are one term. */
export function readTerms(tokens: readonly string[], view: DatasetView): Term[] {
  const vocab = vocabulary(view);
  const terms: Term[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let width = Math.min(3, tokens.length - i); width >= 1 && !matched; width--) {
      const text = tokens.slice(i, i + width).join(' ');
      const term = classify(keyOf(text), text, vocab);
      if (term) {
        terms.push(term);
        i += width;
        matched = true;
      }
    }
    if (!matched) {
      terms.push({ kind: 'unknown', text: tokens[i] ?? '' });
      i += 1;
    }
  }
  return terms;
}

/** Names users may type for countries and indices, for "did you mean". */
export function vocabularyCandidates(view: DatasetView, locale: Locale): Candidate[] {
  const out: Candidate[] = [];
  for (const family of view.indices()) {
    for (const name of [family.id, ...family.aliases]) out.push({ key: keyOf(name), label: family.id });
  }
  for (const c of view.countries()) {
    for (const name of [c.code, c.name.en, c.name.ko, ...c.aliases])
      out.push({ key: keyOf(name), label: c.name[locale] });
  }
  return out;
}

export function unknownTermError(
  text: string,
  candidates: readonly Candidate[],
  locale: Locale,
  fallback: string[],
): UserError {
  const t = messages(locale);
  const close = nearest(keyOf(text), candidates);
  const hint = close.length > 0 ? t.didYouMean(close.map(echo).join(', ')) : t.available(fallback.map(echo).join(', '));
  return new UserError('unknown_term', [t.unknownTerm(echo(text)), hint]);
}
