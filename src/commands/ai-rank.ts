import { buildRankOverview } from '../briefings/rank/rank-overview.js';
import { buildRankTable } from '../briefings/rank/rank-table.js';
import { echo } from '../core/command-input.js';
import type { Series } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { UserError } from '../core/errors.js';
import { messages } from '../core/i18n/messages.js';
import { keyOf, readTerms, type Term, unknownTermError, vocabularyCandidates } from '../core/vocabulary/terms.js';
import { type CommandContext, defineCommand } from './context.js';

export type RankArgs =
  | { mode: 'overview'; country: string; year?: string }
  | { mode: 'table'; seriesId: string; country?: string };

function only<K extends Term['kind']>(terms: Term[], kind: K): Extract<Term, { kind: K }>[] {
  return terms.filter((t): t is Extract<Term, { kind: K }> => t.kind === kind);
}

function chooseEdition(
  view: DatasetView,
  indexId: string,
  year: string | undefined,
  variant: Extract<Term, { kind: 'variant' }> | undefined,
  ctx: CommandContext,
): Series {
  const t = messages(ctx.locale);
  const all = view.editions(indexId);
  const family = view.index(indexId);
  const name = echo(family?.short[ctx.locale] ?? indexId);
  const years = [...new Set(all.map((s) => s.edition ?? ''))].filter(Boolean).join(', ');
  const exact = year ? all.filter((s) => s.edition === year) : all;
  // A plain year also finds the half-year or quarter editions of that year, newest first.
  const ofYear = exact.length > 0 || !year ? exact : all.filter((s) => s.edition?.startsWith(`${year}-`));
  if (ofYear.length === 0)
    throw new UserError('unknown_edition', [t.rankEditionNotFound(name, echo(year ?? ''), years)]);
  if (variant) {
    const hit = ofYear.find((s) => s.variantAliases.some((a) => keyOf(a) === variant.key));
    if (hit) return hit;
    const options = ofYear.flatMap((s) => s.variantAliases.slice(0, 1));
    throw new UserError('unknown_variant', [
      t.unknownTerm(echo(variant.text)),
      t.available(options.map(echo).join(', ')),
    ]);
  }
  const pick =
    ofYear.find((s) => s.default) ??
    ofYear.find((s) => s.tier === 'headline' && s.variant === null) ??
    ofYear.find((s) => s.tier === 'headline') ??
    ofYear[0];
  if (!pick) throw new Error(`index ${indexId} has no editions`);
  return pick;
}

/**
 * Today for "probably out of date", which is counted in months: the UTC date is as good as the local one there, and
 * reading the zone database would cost every CLI answer a tenth of its start-up.
 */
function monthsDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function parseRankArgs(tokens: readonly string[], ctx: CommandContext): RankArgs {
  const t = messages(ctx.locale);
  const terms = readTerms(tokens, ctx.data);
  const unknown = only(terms, 'unknown')[0];
  if (unknown) {
    throw unknownTermError(
      unknown.text,
      vocabularyCandidates(ctx.data, ctx.locale),
      ctx.locale,
      ctx.data.indices().map((i) => i.id),
    );
  }
  const countries = [...new Set(only(terms, 'country').map((c) => c.code))];
  const indices = [...new Set(only(terms, 'index').map((i) => i.id))];
  const year = only(terms, 'year').at(-1)?.year;
  const variant = only(terms, 'variant')[0];
  if (countries.length > 1) throw new UserError('one_country', [t.rankOneCountry]);
  if (indices.length > 1) throw new UserError('one_index', [t.rankOneIndex]);
  const [country] = countries;
  const [indexId] = indices;
  if (indexId) {
    const series = chooseEdition(ctx.data, indexId, year, variant, ctx);
    return country ? { mode: 'table', seriesId: series.id, country } : { mode: 'table', seriesId: series.id };
  }
  if (variant) throw new UserError('variant_without_index', [t.rankVariantWithoutIndex(echo(variant.text))]);
  if (year && !ctx.data.allSeries().some((s) => s.index && s.edition === year)) {
    const years = [...new Set(ctx.data.allSeries().flatMap((s) => (s.index && s.edition ? [s.edition] : [])))].sort();
    throw new UserError('unknown_year', [t.rankNoEditionsForYear(echo(year), years.join(', '))]);
  }
  const base = { mode: 'overview' as const, country: country ?? ctx.focusCountry };
  return year ? { ...base, year } : base;
}

export const aiRank = defineCommand<RankArgs>({
  name: '/ai-rank',
  pure: true,
  description: {
    ko: '국가 AI 경쟁력 지수 순위(벨퍼 CETI, 스탠퍼드 활력도, 토터스 등)를 출처와 함께 보여 줍니다',
    en: 'Where a country stands in the AI competitiveness indices (Belfer CETI, Stanford Vibrancy, Tortoise …), sourced',
  },
  usageHint: { ko: '[지수] [연도|부문] [국가]', en: '[index] [year|sector] [country]' },
  examples: ['', 'ceti', 'vibrancy 2024', 'tortoise 2023', 'ceti overall', '일본', 'belfer japan'],
  parse: (input, ctx) => parseRankArgs(input.tokens, ctx),
  run(args, ctx) {
    if (args.mode === 'overview') {
      return buildRankOverview(ctx.data, {
        country: args.country,
        locale: ctx.locale,
        today: monthsDay(ctx.now),
        ...(args.year ? { year: args.year } : {}),
      });
    }
    const highlight = [...new Set([ctx.focusCountry, ...(args.country ? [args.country] : [])])];
    return buildRankTable(ctx.data, {
      seriesId: args.seriesId,
      highlight,
      locale: ctx.locale,
      today: monthsDay(ctx.now),
    });
  },
  canonical(args, ctx) {
    if (args.mode === 'overview') return [args.country, args.year].filter(Boolean).join(' ');
    const series = ctx.data.series(args.seriesId);
    return [series?.index, series?.edition, series?.variantAliases[0], args.country].filter(Boolean).join(' ');
  },
});
