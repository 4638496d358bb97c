import type { KnownBlock } from '@slack/types';
import { context, divider, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { isCurrent } from '../../core/dataset/editions.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { editionLabel, rankText } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { claimFiguresShown, claimSection } from '../claims.js';
import { countryName, figureLine, figureNotes, flag, provenanceText, sourceLink, valueText } from '../figures.js';
import { currentRankings, type RankEntry } from './rank-entries.js';

export interface RankOverviewOptions {
  country: string;
  /** Only editions of this year. */
  year?: string;
  locale: Locale;
  /** YYYY-MM-DD in the workspace's zone: what "out of date" is measured from. */
  today: string;
}

function changeText(entry: RankEntry, locale: Locale): string | null {
  const t = messages(locale);
  const before = entry.previous;
  if (!before || before.figure.rank === null || entry.figure.rank === null) return null;
  const edition = escapeMrkdwn(editionLabel(before.series.edition ?? '', locale));
  // The earlier rank is a number too: it carries its own source.
  const was = `${escapeMrkdwn(rankText(before.figure.rank, null, null, locale))} · ${sourceLink(before.figure, locale)}`;
  const steps = before.figure.rank - entry.figure.rank;
  if (steps > 0) return t.rankChangeUp(steps, edition, was);
  if (steps < 0) return t.rankChangeDown(-steps, edition, was);
  return `${t.rankChangeSame(edition)} (${sourceLink(before.figure, locale)})`;
}

/** Lines under an entry: its caveats, a method change, an older edition or a probably newer one. */
export function entryNotes(view: DatasetView, entry: RankEntry, locale: Locale): string[] {
  const t = messages(locale);
  const notes = figureNotes(entry.figure, locale, view);
  if (entry.series.comparability) notes.push(t.methodChanged(escapeMrkdwn(entry.series.comparability[locale])));
  if (entry.newer) notes.push(`ℹ️ ${escapeMrkdwn(t.olderEdition(entry.newer.name[locale]))}`);
  if (entry.stale) notes.push(escapeMrkdwn(t.staleSeries));
  return notes;
}

function headlineSection(view: DatasetView, entry: RankEntry, locale: Locale): string {
  const change = changeText(entry, locale);
  // The earlier edition's rank is shown in the change, so whatever must be read beside it is shown too.
  const previousNotes = change && entry.previous ? figureNotes(entry.previous.figure, locale, view) : [];
  return [
    `*${escapeMrkdwn(entry.series.name[locale])}*`,
    change ? `${valueText(entry.figure, locale)} · ${change}` : valueText(entry.figure, locale),
    provenanceText(entry.figure, locale),
    ...entryNotes(view, entry, locale),
    ...previousNotes,
  ].join('\n');
}

/** An entry as one bullet with its notes beneath (details, the digest's thread). */
export function detailLine(view: DatasetView, entry: RankEntry, locale: Locale): string {
  const notes = entryNotes(view, entry, locale).filter((n) => !figureNotes(entry.figure, locale, view).includes(n));
  return [figureLine(entry.series.name[locale], entry.figure, locale, view), ...notes.map((n) => `      ${n}`)].join(
    '\n',
  );
}

/** Other rankings of the country that belong to no index (a benchmark statement, a single report). */
function otherRankings(view: DatasetView, country: string): Figure[] {
  return view
    .byCountry(country)
    .filter((f) => f.category === 'ranking' && f.series === null && f.rank !== null && isCurrent(view, f));
}

function shownFigures(view: DatasetView, entries: readonly RankEntry[], others: readonly Figure[]) {
  const all = [...entries.map((e) => e.figure), ...others];
  const figures = all.filter((f) => isCurrent(view, f));
  // Only headline entries show the change from the previous edition (and so its rank).
  const history = [
    ...all.filter((f) => !isCurrent(view, f)),
    ...entries.flatMap((e) => (e.previous && e.series.tier === 'headline' ? [e.previous.figure] : [])),
  ];
  const claimed = claimFiguresShown(view, all);
  return {
    figures: [...figures, ...claimed.filter((f) => isCurrent(view, f))],
    history: [...history, ...claimed.filter((f) => !isCurrent(view, f))],
  };
}

/** `/ai-rank` without an index: one country's place in the newest edition of every index the dataset holds. */
export function buildRankOverview(view: DatasetView, options: RankOverviewOptions): Briefing {
  const { country, locale, year } = options;
  const t = messages(locale);
  const name = countryName(view, country, locale);
  const title = t.rankOverviewTitle(name);
  const entries = currentRankings(view, country, options.today, year);
  if (entries.length === 0) {
    return { text: title, blocks: [header(`${flag(country)} ${title}`), section(t.rankNone(escapeMrkdwn(name)))] };
  }
  const headline = entries.filter((e) => e.series.tier === 'headline');
  const details = entries.filter((e) => e.series.tier === 'detail');
  const others = year ? [] : otherRankings(view, country);
  const counted = t.rankOverviewIntro(headline.length, details.length);
  const intro = year ? `${counted} · ${t.rankOverviewYear(year)}` : counted;
  const shown = shownFigures(view, entries, others);
  const blocks: KnownBlock[] = [
    header(`${flag(country)} ${title}`),
    context(intro),
    ...headline.map((e) => section(headlineSection(view, e, locale))),
  ];
  const detailLines = [
    ...details.map((e) => detailLine(view, e, locale)),
    ...others.map((f) => figureLine(f.metric[locale], f, locale, view)),
  ];
  if (detailLines.length > 0) blocks.push(divider(), ...sections([`*${t.rankDetails}*`, ...detailLines]));
  const claims = claimSection(view, [...shown.figures, ...shown.history], locale);
  if (claims.length > 0) blocks.push(...sections(claims));
  blocks.push(context(t.rankFooter));
  return { text: `${title} (${counted})`, blocks, ...shown };
}
