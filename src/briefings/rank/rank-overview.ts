import type { KnownBlock } from '@slack/types';
import { context, divider, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import type { Figure, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { formatDate, rankText } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { countryName, figureLine, flag, provenanceText, valueText } from '../figures.js';

export interface RankOverviewOptions {
  country: string;
  /** Only editions of this year. */
  year?: string;
  locale: Locale;
}

interface Entry {
  series: Series;
  figure: Figure;
}

/** Index editions in the dataset's order of index families, newest edition first. */
export function rankedEditions(view: DatasetView, country: string, year?: string): Entry[] {
  return view.indices().flatMap((family) =>
    view
      .editions(family.id)
      .filter((s) => year === undefined || s.edition === year)
      .flatMap((series) => {
        const figure = view.observation(series.id, country);
        return figure && figure.rank !== null ? [{ series, figure }] : [];
      }),
  );
}

function changeText(view: DatasetView, entry: Entry, locale: Locale): string | null {
  const t = messages(locale);
  const previous = entry.series.previous ? view.series(entry.series.previous) : undefined;
  const before = previous && entry.figure.country ? view.observation(previous.id, entry.figure.country) : undefined;
  if (!previous || !before || before.rank === null || entry.figure.rank === null) return null;
  const edition = escapeMrkdwn(previous.edition ?? '');
  const was = escapeMrkdwn(rankText(before.rank, null, null, locale));
  const steps = before.rank - entry.figure.rank;
  if (steps > 0) return t.rankChangeUp(steps, edition, was);
  if (steps < 0) return t.rankChangeDown(-steps, edition, was);
  return t.rankChangeSame(edition);
}

function headlineSection(view: DatasetView, entry: Entry, locale: Locale): string {
  const change = changeText(view, entry, locale);
  return [
    `*${escapeMrkdwn(entry.series.name[locale])}*`,
    change ? `${valueText(entry.figure, locale)} · ${change}` : valueText(entry.figure, locale),
    provenanceText(entry.figure, locale),
  ].join('\n');
}

/** `/ai-rank` without an index: one country's place in every index edition the dataset holds. */
export function buildRankOverview(view: DatasetView, options: RankOverviewOptions): Briefing {
  const { country, locale, year } = options;
  const t = messages(locale);
  const name = countryName(view, country, locale);
  const title = t.rankOverviewTitle(name);
  const entries = rankedEditions(view, country, year);
  const meta = t.datasetLine(view.version, formatDate(view.updatedAt.slice(0, 10), locale));
  if (entries.length === 0) {
    return {
      text: title,
      blocks: [header(`${flag(country)} ${title}`), section(t.rankNone(escapeMrkdwn(name))), context(meta)],
    };
  }
  const headline = entries.filter((e) => e.series.tier === 'headline');
  const details = entries.filter((e) => e.series.tier === 'detail');
  const counted = t.rankOverviewIntro(headline.length, details.length);
  const intro = year ? `${counted} · ${t.rankOverviewYear(year)}` : counted;
  const blocks: KnownBlock[] = [
    header(`${flag(country)} ${title}`),
    context(intro, meta),
    ...headline.map((e) => section(headlineSection(view, e, locale))),
  ];
  if (details.length > 0) {
    blocks.push(
      divider(),
      ...sections([`*${t.rankDetails}*`, ...details.map((e) => figureLine(e.series.name[locale], e.figure, locale))]),
    );
  }
  blocks.push(context(t.rankFooter));
  return { text: `${title} (${counted})`, blocks };
}
