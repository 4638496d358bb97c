import countries from 'i18n-iso-countries/index.js';
import * as z from 'zod';
import { hasControl } from '../escape.js';

/** The zod schema is the dataset's source of truth; every type below is inferred from it. */

/** Surrounding spaces are dropped; `datasetTrimmed` counts how often, so a loader knows the file was not clean. */
let trims = 0;
const text = z
  .string()
  .overwrite((value) => {
    const trimmed = value.trim();
    if (trimmed.length !== value.length) trims += 1;
    return trimmed;
  })
  .min(1)
  // NUL and the other C0/C1 controls (tab and line breaks aside) hide text from readers and break exports.
  .refine((value) => !hasControl(value), 'holds a control character');
const id = z
  .string()
  .regex(/^[A-Za-z0-9_]+$/, 'ids use letters, digits and _ only')
  .max(100);
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

export const localizedSchema = z.strictObject({ en: text, ko: text });

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country codes are two upper-case letters (ISO 3166-1 alpha-2)')
  .refine((code) => countries.isValid(code), 'not an ISO 3166-1 alpha-2 country code');

export const CATEGORIES = ['ranking', 'investment', 'talent', 'compute', 'policy', 'sovereign_ai', 'research'] as const;
export const categorySchema = z.enum(CATEGORIES);

/** How a value is formatted: the formatter turns (value, code) into "1.4조 원" or "KRW 1.4 trillion". */
export const UNIT_CODES = [
  'index_score',
  'rank',
  'usd_bn',
  'krw_tn',
  'krw_bn',
  'persons',
  'gpus',
  'percent',
  'pp',
  'per_10k',
  'times',
  'params_bn',
  'count',
  'date',
  'year',
  'text',
  /** Won as a plain amount (a fine of 3,000만 원). */
  'krw',
  /** Floating-point operations, shown as a power of ten (10²⁶ FLOP). */
  'flop',
  /** No quantity: a milestone or a statement; the value is null and the period says when. */
  'none',
] as const;
export const unitCodeSchema = z.enum(UNIT_CODES);

export const unitSchema = z
  .strictObject({
    code: unitCodeSchema,
    /** For `count`: how to say the number, with `{n}` where it goes ("{n}개 팀"). */
    noun: localizedSchema.optional(),
    /** A qualifier shown after the value ("of LinkedIn members"). */
    note: localizedSchema.optional(),
    /** The unit exactly as the research record gave it. */
    source: text,
  })
  .refine((u) => u.code !== 'count' || u.noun !== undefined, { message: 'a count unit needs a noun', path: ['noun'] })
  .refine((u) => ['{n}'].every((p) => !u.noun || (u.noun.en.includes(p) && u.noun.ko.includes(p))), {
    message: 'a unit noun must contain {n} in both languages',
    path: ['noun'],
  });

export const sourceSchema = z.strictObject({
  publisher: text,
  /** The publisher as readers know it, in each language ("전자신문" / "Electronic Times"); publisher is the full provenance. */
  shortName: localizedSchema.optional(),
  title: text,
  url: httpUrl,
  /** As the source shows it; not always a full date ("2025-06 (report released 2025-06-05)"). */
  publishedOn: text.nullable(),
  /** A short verbatim excerpt that supports the value. */
  quote: text,
  corroboratingUrls: z.array(httpUrl),
});

export const CONFIDENCE = ['high', 'medium', 'low'] as const;
export const VERIFICATION = [
  'verified',
  'derived',
  'rank verified; score derived',
  'unverified_from_article',
  /** Reported by a source but not confirmed by a second one (a scheduled event, a single commentary). */
  'unverified',
  /** Typed in by an admin through /ai-data; shown with a caveat until someone verifies it. */
  'entered_by_admin',
] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const figureSchema = z
  .strictObject({
    id,
    category: categorySchema,
    series: id.nullable(),
    tags: z.array(id),
    country: countryCodeSchema.nullable(),
    entity: localizedSchema,
    metric: localizedSchema,
    value: z.union([z.number(), text]).nullable(),
    unit: unitSchema,
    rank: z.number().int().positive().nullable(),
    /** How many entries the rank is counted among, where the source says. */
    rankOf: z.number().int().positive().nullable(),
    /** What the rank is counted among, in words ("25 countries + Europe (counted as one bloc)"). */
    rankScope: localizedSchema.nullable(),
    period: localizedSchema,
    source: sourceSchema,
    confidence: z.enum(CONFIDENCE),
    verification: z.enum(VERIFICATION),
    notes: text.nullable(),
    /** The older figure this one updates: a newer edition of the same measure, or a corrected value. */
    supersedes: id.optional(),
    /** What a reader must know to read the figure right, shown beside it in every answer. */
    caveat: localizedSchema.optional(),
    /** A text value's wording in each language (the value keeps the source's own words). */
    valueText: localizedSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.rank !== null && f.rankOf !== null && f.rank > f.rankOf) {
      ctx.addIssue({ code: 'custom', path: ['rank'], message: `rank ${f.rank} is beyond its field of ${f.rankOf}` });
    }
    const code = f.unit.code;
    if ((code === 'none') !== (f.value === null)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: code === 'none' ? 'must be null' : 'must not be null' });
      return;
    }
    const wantsText = code === 'text' || code === 'date';
    if (code !== 'none' && wantsText !== (typeof f.value === 'string')) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: wantsText ? 'must be text' : 'must be a number' });
    }
    if (code === 'date' && !(typeof f.value === 'string' && isoDate.test(f.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a date (YYYY-MM-DD)' });
    }
    if (code === 'year' && !(typeof f.value === 'number' && Number.isInteger(f.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a year' });
    }
  });

export const seriesSchema = z.strictObject({
  id,
  category: categorySchema,
  /** The index family for ranking editions (`ceti`, `vibrancy` ...); null for other comparable metrics. */
  index: id.nullable(),
  /** A year, or a year and its half or quarter ("2025-H2", "2026-Q1"): in this form, text order is time order. */
  edition: z
    .string()
    .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/)
    .nullable(),
  /** The edition a family shows when none is named. */
  default: z.boolean(),
  tier: z.enum(['headline', 'detail']),
  variant: localizedSchema.nullable(),
  variantAliases: z.array(text),
  name: localizedSchema,
  field: z
    .strictObject({
      size: z.number().int().positive().nullable(),
      scope: localizedSchema,
    })
    .nullable(),
  /** The preceding edition, for "change since". */
  previous: id.nullable(),
  /** How often the source publishes a new edition; a yearly series a year past its newest source is flagged. */
  cadence: z.enum(['yearly', 'half-yearly', 'quarterly', 'irregular']).optional(),
  /** Why this edition cannot be compared with the previous one (a redesigned method): no change is computed. */
  comparability: localizedSchema.optional(),
});

export const indexFamilySchema = z.strictObject({
  id,
  name: localizedSchema,
  short: localizedSchema,
  aliases: z.array(text),
});

export const countrySchema = z.strictObject({
  code: countryCodeSchema,
  name: localizedSchema,
  aliases: z.array(text),
});

export const eventSchema = z.strictObject({
  id,
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the sources are. */
  date: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  dateLabel: localizedSchema.optional(),
  title: localizedSchema,
  kind: z.enum(['law', 'strategy', 'budget', 'compute', 'programme', 'talent']),
  /** The figures that source this event; every event needs at least one. */
  figures: z.array(id).min(1),
  /**
   * What the sources say happened: a plan that went ahead, one that went otherwise (`outcome` says how), or one still
   * scheduled. Absent in older files: then an event counts as scheduled until a cited source dated on or after it.
   */
  status: z.enum(['happened', 'happened_differently', 'scheduled']).optional(),
  outcome: localizedSchema.optional(),
  /** A short remark shown with the event (an earlier plan, a slipped date). */
  note: localizedSchema.optional(),
});

/** Two or more figures whose sources disagree about the same thing; each is shown with the others beside it. */
export const conflictSchema = z.strictObject({
  id,
  figures: z.array(id).min(2),
  note: localizedSchema,
});

const claimCheckSchema = z.discriminatedUnion('kind', [
  /** The figure's rank is the claimed rank. */
  z.strictObject({ kind: z.literal('rank'), figure: id, claimed: z.number().int().positive() }),
  /** The figure's value is the claimed number (within rounding). */
  z.strictObject({ kind: z.literal('value'), figure: id, claimed: z.number() }),
  /** One figure divided by another falls in the claimed range ("dozens of times": 20 to 99). */
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: id,
    denominator: id,
    claimed: z.strictObject({ min: z.number(), max: z.number() }),
  }),
]);

/** One checkable statement inside a claim, with how to measure it from cited figures. */
export const claimPartSchema = z.strictObject({
  id,
  text: localizedSchema,
  check: claimCheckSchema,
  /** The figure that says how things stand now, when the claim was right at the time but things moved on. */
  current: id.optional(),
  caveat: localizedSchema.optional(),
});

/** Something a publication asserted; each part gets a verdict computed from the figures it cites. */
export const claimSchema = z.strictObject({
  id,
  text: localizedSchema,
  source: z.strictObject({
    publisher: text,
    shortName: localizedSchema,
    url: httpUrl.nullable(),
    publishedOn: text,
  }),
  parts: z.array(claimPartSchema).min(1),
});

export const datasetSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    version: z.number().int().positive(),
    updatedAt: z.iso.datetime(),
    countries: z.array(countrySchema),
    indices: z.array(indexFamilySchema),
    series: z.array(seriesSchema),
    figures: z.array(figureSchema),
    events: z.array(eventSchema),
    claims: z.array(claimSchema).optional(),
    conflicts: z.array(conflictSchema).optional(),
  })
  .superRefine(checkReferences);

export type Localized = z.infer<typeof localizedSchema>;
export type Category = z.infer<typeof categorySchema>;
export type UnitCode = z.infer<typeof unitCodeSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Series = z.infer<typeof seriesSchema>;
export type IndexFamily = z.infer<typeof indexFamilySchema>;
export type Country = z.infer<typeof countrySchema>;
export type PolicyEvent = z.infer<typeof eventSchema>;
export type EventStatus = NonNullable<PolicyEvent['status']>;
export type Conflict = z.infer<typeof conflictSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type ClaimPart = z.infer<typeof claimPartSchema>;
export type ClaimCheck = ClaimPart['check'];
export type Dataset = z.infer<typeof datasetSchema>;

type Ctx = z.core.$RefinementCtx<Dataset>;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((x) => seen.has(x) || !seen.add(x));
}

function checkUnique(ctx: Ctx, key: keyof Dataset, ids: readonly string[]): void {
  for (const dup of duplicates(ids)) {
    ctx.addIssue({ code: 'custom', path: [key], message: `duplicate id "${dup}"` });
  }
}

/** Cross-record rules that a per-record schema cannot see. */
function checkReferences(d: Dataset, ctx: Ctx): void {
  checkUnique(
    ctx,
    'countries',
    d.countries.map((c) => c.code),
  );
  checkUnique(
    ctx,
    'indices',
    d.indices.map((i) => i.id),
  );
  checkUnique(
    ctx,
    'series',
    d.series.map((s) => s.id),
  );
  checkUnique(
    ctx,
    'figures',
    d.figures.map((f) => f.id),
  );
  checkUnique(
    ctx,
    'events',
    d.events.map((e) => e.id),
  );
  checkSeries(d, ctx);
  checkFigures(d, ctx);
  checkSupersession(d, ctx);
  const figureIds = new Set(d.figures.map((f) => f.id));
  const refs = (path: (string | number)[], ids: readonly (string | undefined)[]) => {
    for (const ref of ids) {
      if (ref !== undefined && !figureIds.has(ref))
        ctx.addIssue({ code: 'custom', path, message: `unknown figure "${ref}"` });
    }
  };
  d.events.forEach((e, i) => {
    refs(['events', i, 'figures'], e.figures);
    if (e.status === 'happened_differently' && !e.outcome) {
      ctx.addIssue({ code: 'custom', path: ['events', i, 'outcome'], message: 'say what happened instead' });
    }
  });
  for (const [i, c] of (d.conflicts ?? []).entries()) refs(['conflicts', i, 'figures'], c.figures);
  for (const [i, c] of (d.claims ?? []).entries()) {
    for (const [j, p] of c.parts.entries()) refs(['claims', i, 'parts', j], [...claimFigures(p.check), p.current]);
  }
}

/** The figures a claim part is measured with. */
export function claimFigures(check: ClaimCheck): string[] {
  return check.kind === 'ratio' ? [check.numerator, check.denominator] : [check.figure];
}

/** A figure updates an existing, different figure, and following the links never comes back round. */
function checkSupersession(d: Dataset, ctx: Ctx): void {
  const byId = new Map(d.figures.map((f) => [f.id, f]));
  d.figures.forEach((f, i) => {
    if (f.supersedes === undefined) return;
    const seen = new Set([f.id]);
    for (let at = byId.get(f.supersedes); at; at = at.supersedes ? byId.get(at.supersedes) : undefined) {
      if (seen.has(at.id)) {
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'supersedes'], message: 'supersedes itself in a loop' });
        return;
      }
      seen.add(at.id);
    }
    if (!byId.has(f.supersedes)) {
      ctx.addIssue({ code: 'custom', path: ['figures', i, 'supersedes'], message: `unknown figure "${f.supersedes}"` });
    }
  });
}

function checkSeries(d: Dataset, ctx: Ctx): void {
  const indexIds = new Set(d.indices.map((i) => i.id));
  const seriesIds = new Set(d.series.map((s) => s.id));
  d.series.forEach((s, i) => {
    if (s.index !== null && !indexIds.has(s.index)) {
      ctx.addIssue({ code: 'custom', path: ['series', i, 'index'], message: `unknown index "${s.index}"` });
    }
    if (s.previous !== null && !seriesIds.has(s.previous)) {
      ctx.addIssue({ code: 'custom', path: ['series', i, 'previous'], message: `unknown series "${s.previous}"` });
    }
  });
  for (const family of d.indices) {
    const defaults = d.series.filter((s) => s.index === family.id && s.default).length;
    if (defaults !== 1) {
      ctx.addIssue({ code: 'custom', path: ['indices'], message: `index "${family.id}" needs exactly one default` });
    }
  }
}

function checkFigures(d: Dataset, ctx: Ctx): void {
  const countryCodes = new Set(d.countries.map((c) => c.code));
  const seriesById = new Map(d.series.map((s) => [s.id, s]));
  const observed = new Set<string>();
  d.figures.forEach((f, i) => {
    if (f.country !== null && !countryCodes.has(f.country)) {
      ctx.addIssue({
        code: 'custom',
        path: ['figures', i, 'country'],
        message: `country "${f.country}" is not listed`,
      });
    }
    if (f.series === null) return;
    const series = seriesById.get(f.series);
    if (!series) {
      ctx.addIssue({ code: 'custom', path: ['figures', i, 'series'], message: `unknown series "${f.series}"` });
      return;
    }
    if (series.category !== f.category) {
      ctx.addIssue({ code: 'custom', path: ['figures', i, 'category'], message: `differs from series "${series.id}"` });
    }
    const fieldSize = series.field?.size ?? null;
    if (f.rank !== null && fieldSize !== null && f.rank > fieldSize) {
      ctx.addIssue({ code: 'custom', path: ['figures', i, 'rank'], message: `beyond the field of ${fieldSize}` });
    }
    const key = `${f.series}|${f.country ?? f.entity.en}`;
    if (observed.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['figures', i, 'series'], message: 'a second observation for the entity' });
    }
    observed.add(key);
  });
}

/**
 * Validates a dataset and says whether the result differs from the input (only trimming can change it), so a
 * file that passed untouched can be trusted as it is next time.
 */
export function parseDatasetChecked(data: unknown): {
  result: ReturnType<typeof datasetSchema.safeParse>;
  changed: boolean;
} {
  trims = 0;
  const result = datasetSchema.safeParse(data);
  return { result, changed: trims > 0 };
}
