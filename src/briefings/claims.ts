import { claimsAbout, judgeClaim, type PartVerdict, type Verdict } from '../core/dataset/claim-verdicts.js';
import type { Claim, Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { countryName } from '../core/dataset/names.js';
import { escapeMrkdwn } from '../core/escape.js';
import { formatAmount, formatDate, formatNumber, rankText } from '../core/i18n/format.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { figureNotes, sourceLink } from './figures.js';

/** The article's claims beside the figures that check them: what was said, what the data measures, the verdict. */

export function verdictLabel(verdict: Verdict, locale: Locale): string {
  const t = messages(locale);
  return {
    consistent: t.verdictConsistent,
    inconsistent: t.verdictInconsistent,
    outdated: t.verdictOutdated,
    unverifiable: t.verdictUnverifiable,
  }[verdict];
}

/** "미국 48.4배", "9위", "5개 컨소시엄": what the data measures for the part. */
function measuredText(view: DatasetView, v: PartVerdict, locale: Locale): string {
  const [first] = v.figures;
  if (v.measured === null || !first) return messages(locale).noData;
  const check = v.part.check;
  if (check.kind === 'rank') return rankText(v.measured, null, null, locale);
  if (check.kind === 'value') return formatAmount(first, locale);
  const who = first.country ? countryName(view, first.country, locale) : first.entity[locale];
  const times = formatNumber(Math.round(v.measured * 10) / 10, locale);
  return locale === 'ko' ? `${who} ${times}배` : `${who} ${times}×`;
}

function partLine(view: DatasetView, v: PartVerdict, locale: Locale): string {
  const t = messages(locale);
  const now = v.verdict === 'outdated' && v.now ? ` (${t.claimNow(formatAmount(v.now, locale))})` : '';
  return `${escapeMrkdwn(measuredText(view, v, locale))} — *${verdictLabel(v.verdict, locale)}*${escapeMrkdwn(now)}`;
}

function sourcesOf(verdicts: readonly PartVerdict[], locale: Locale): string {
  const figures: Figure[] = verdicts.flatMap((v) => [...v.figures, ...(v.now ? [v.now] : [])]);
  const links = new Map(figures.map((f) => [f.source.url, sourceLink(f, locale)]));
  return [...links.values()].join(', ');
}

/** One claim: who said what, then each part's measure and verdict with its sources, then the parts' caveats. */
export function claimLines(view: DatasetView, claim: Claim, locale: Locale): string[] {
  const t = messages(locale);
  const verdicts = judgeClaim(view, claim);
  const said = t.claimSaid(
    claim.source.shortName[locale],
    formatDate(claim.source.publishedOn, locale),
    claim.text[locale],
  );
  const parts = verdicts.map((v) => partLine(view, v, locale)).join(' · ');
  return [
    `• ${escapeMrkdwn(said)}`,
    `      ${parts} · ${t.source}: ${sourcesOf(verdicts, locale)}`,
    ...claimNotes(view, verdicts, locale),
  ];
}

/**
 * What must be read with the verdicts: the caveats of the figures they measure with (each once), else the part's
 * own caveat when its figures carry none.
 */
function claimNotes(view: DatasetView, verdicts: readonly PartVerdict[], locale: Locale): string[] {
  const lines = verdicts.flatMap((v) => {
    const own = [...v.figures, ...(v.now ? [v.now] : [])].flatMap((f) => figureNotes(f, locale, view));
    if (own.length > 0) return own;
    return v.part.caveat ? [`⚠️ _${escapeMrkdwn(v.part.caveat[locale])}_`] : [];
  });
  return [...new Set(lines)].map((line) => `      ${line}`);
}

/** The claims about any of the shown figures, titled, or nothing. */
export function claimSection(view: DatasetView, shown: readonly Figure[], locale: Locale): string[] {
  const claims = claimsAbout(view, new Set(shown.map((f) => f.id)));
  if (claims.length === 0) return [];
  return [`*${messages(locale).claimTitle}*`, ...claims.flatMap((c) => claimLines(view, c, locale))];
}

/** The figures a set of claims measures with, for the answer's list of what it shows. */
export function claimFiguresShown(view: DatasetView, shown: readonly Figure[]): Figure[] {
  return claimsAbout(view, new Set(shown.map((f) => f.id))).flatMap((claim) =>
    judgeClaim(view, claim).flatMap((v) => [...v.figures, ...(v.now ? [v.now] : [])]),
  );
}
