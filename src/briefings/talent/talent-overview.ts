import type { KnownBlock } from '@slack/types';
import { codeSections, context, divider, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { bar, fitColumns, padStart } from '../../core/blocks/text-table.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { formatDate, formatFixedSigned } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { countryName, entityName, Footnotes, figureLine, flag, provenanceText, valueText } from '../figures.js';

export interface TalentOptions {
  /** The focus country first, then any countries to compare with. */
  countries: readonly string[];
  locale: Locale;
}

const MIGRATION_SERIES_TAG = 'talent_migration';

/** The cross-country series among talent figures, e.g. net migration and concentration, headline first. */
function comparableSeries(view: DatasetView) {
  return view
    .allSeries()
    .filter((s) => s.category === 'talent')
    .sort((a, b) => (a.tier === b.tier ? 0 : a.tier === 'headline' ? -1 : 1));
}

function noData(view: DatasetView, code: string, locale: Locale): string {
  return `• ${escapeMrkdwn(countryName(view, code, locale))}: _${messages(locale).noData}_`;
}

/** Net migration of every country the series holds, as a diverging text bar chart. */
function migrationChart(view: DatasetView, figures: readonly Figure[], marked: readonly string[], locale: Locale) {
  const notes = new Footnotes(locale);
  const sorted = [...figures].sort((a, b) => Number(b.value) - Number(a.value));
  const max = Math.max(...sorted.map((f) => Math.abs(Number(f.value))));
  const rows = sorted.map((f) => {
    const name = entityName(view, f, locale);
    const value = Number(f.value);
    const mark = notes.mark(f, name);
    const isMarked = f.country !== null && marked.includes(f.country);
    const drawn = value >= 0 ? bar(value, max, 12) : bar(-value, max, 12, '░');
    return escapeMrkdwn(
      `${fitColumns(`${name}${isMarked ? ' ◀' : ''}`, 16)} ${padStart(formatFixedSigned(value, 2), 6)} ${fitColumns(drawn, 12)} ${mark}`,
    );
  });
  return { rows, notes };
}

function migrationBlocks(view: DatasetView, country: string, locale: Locale): KnownBlock[] {
  const t = messages(locale);
  const series = comparableSeries(view).find((s) =>
    view.observations(s.id).some((f) => f.tags.includes(MIGRATION_SERIES_TAG)),
  );
  const blocks: KnownBlock[] = [section(`*${t.talentMigration}*`)];
  if (series) {
    const own = view.observation(series.id, country);
    const figures = view.observations(series.id).filter((f) => typeof f.value === 'number');
    blocks.push(
      section(
        own
          ? `*${escapeMrkdwn(series.name[locale])}*\n${escapeMrkdwn(countryName(view, country, locale))}: ${valueText(own, locale)}\n${provenanceText(own, locale)}`
          : `*${escapeMrkdwn(series.name[locale])}*\n${noData(view, country, locale)}`,
      ),
    );
    const { rows, notes } = migrationChart(view, figures, [country], locale);
    blocks.push(...codeSections(`_${t.talentPeers}_`, rows), ...sections([notes.title(), ...notes.lines()]));
  }
  const related = view
    .byTag(MIGRATION_SERIES_TAG)
    .filter((f) => f.country === country && (!series || f.series !== series.id));
  if (related.length > 0) {
    blocks.push(
      ...sections([`*${t.talentRelatedFlows}*`, ...related.map((f) => figureLine(f.metric[locale], f, locale))]),
    );
  }
  return blocks;
}

function tagBlocks(
  view: DatasetView,
  tag: string,
  title: string,
  country: string,
  locale: Locale,
  note?: string,
): KnownBlock[] {
  const figures = view.byTag(tag).filter((f) => f.country === country);
  const lines =
    figures.length > 0 ? figures.map((f) => figureLine(f.metric[locale], f, locale)) : [noData(view, country, locale)];
  const blocks: KnownBlock[] = [divider(), ...sections([`*${title}*`, ...lines])];
  if (note && figures.length > 1) blocks.push(context(`⚠️ ${note}`));
  return blocks;
}

function concentrationBlocks(view: DatasetView, country: string, locale: Locale): KnownBlock[] {
  const t = messages(locale);
  const lines = view.byTag('talent_concentration').map((f) => {
    const mine = f.country === country ? ' ◀' : '';
    return figureLine(`${f.metric[locale]} — ${entityName(view, f, locale)}${mine}`, f, locale);
  });
  const body = lines.length > 0 ? lines : [noData(view, country, locale)];
  return [divider(), ...sections([`*${t.talentConcentration}*`, ...body])];
}

function singleCountry(view: DatasetView, country: string, locale: Locale): KnownBlock[] {
  const t = messages(locale);
  return [
    ...migrationBlocks(view, country, locale),
    ...concentrationBlocks(view, country, locale),
    ...tagBlocks(view, 'talent_supply', t.talentSupply, country, locale, t.talentDifferentBases),
    ...tagBlocks(view, 'talent_policy', t.talentPolicy, country, locale),
  ];
}

/** One section per comparable talent series, a line per country: its value and source, or "no data". */
function comparison(view: DatasetView, countries: readonly string[], locale: Locale): KnownBlock[] {
  return comparableSeries(view).flatMap((series) => {
    const rows = countries.map((code) => {
      const figure = view.observation(series.id, code);
      return figure
        ? `• ${escapeMrkdwn(countryName(view, code, locale))}: ${valueText(figure, locale)} · ${provenanceText(figure, locale)}`
        : noData(view, code, locale);
    });
    return sections([`*${escapeMrkdwn(series.name[locale])}*`, ...rows]);
  });
}

/** `/talent-gap`: the focus country's AI talent position, or several countries side by side. */
export function buildTalentGap(view: DatasetView, options: TalentOptions): Briefing {
  const { countries, locale } = options;
  const t = messages(locale);
  const [focus] = countries;
  if (focus === undefined) throw new Error('talent gap needs a country');
  const names = countries.map((c) => countryName(view, c, locale));
  const title = countries.length === 1 ? t.talentTitle(names[0] ?? focus) : t.talentCompareTitle(names.join(', '));
  const meta = t.datasetLine(view.version, formatDate(view.updatedAt.slice(0, 10), locale));
  const body = countries.length === 1 ? singleCountry(view, focus, locale) : comparison(view, countries, locale);
  return {
    text: title,
    blocks: [
      header(countries.length === 1 ? `${flag(focus)} ${title}` : title),
      context(meta),
      ...body,
      context(t.talentFooter),
    ],
  };
}
