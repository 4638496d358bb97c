import type { KnownBlock } from '@slack/types';
import { codeSections, context, divider, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { bar, fitColumns, padStart } from '../../core/blocks/text-table.js';
import type { Figure, Series } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import {
  chainsOf,
  historyReason,
  isCurrent,
  latestObservation,
  latestObservations,
} from '../../core/dataset/editions.js';
import { escapeMrkdwn } from '../../core/escape.js';
import { formatFixedSigned } from '../../core/i18n/format.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { claimFiguresShown, claimSection } from '../claims.js';
import {
  countryName,
  entityName,
  Footnotes,
  figureLine,
  flag,
  notesBelow,
  provenanceText,
  valueText,
} from '../figures.js';

export interface TalentOptions {
  /** The focus country first, then any countries to compare with. */
  countries: readonly string[];
  locale: Locale;
}

const MIGRATION_TAG = 'talent_migration';

/** Collects what an answer shows, so it can say how current it is and tell current figures from history. */
class Shown {
  readonly all: Figure[] = [];
  add(...figures: Figure[]): Figure[] {
    this.all.push(...figures);
    return figures;
  }
}

/** The lines of editions among talent series, headline lines first. */
function talentChains(view: DatasetView): Series[][] {
  const talent = view.allSeries().filter((s) => s.category === 'talent');
  const chains = chainsOf(view, talent);
  const tier = (chain: Series[]) => (chain.at(-1)?.tier === 'headline' ? 0 : 1);
  return chains.sort((a, b) => tier(a) - tier(b));
}

function migrationChain(view: DatasetView): Series[] | undefined {
  return talentChains(view).find((chain) =>
    chain.some((s) => view.observations(s.id).some((f) => f.tags.includes(MIGRATION_TAG))),
  );
}

function noData(view: DatasetView, code: string, locale: Locale): string {
  return `• ${escapeMrkdwn(countryName(view, code, locale))}: _${messages(locale).noData}_`;
}

/** "ℹ️ 이전 판 자료입니다. 최신판(…)에는 이 나라 값이 없습니다" when the figure is from an older edition. */
function olderNote(view: DatasetView, figure: Figure, locale: Locale): string {
  const reason = historyReason(view, figure);
  if (reason?.kind !== 'older_edition') return '';
  return `\n      ℹ️ ${escapeMrkdwn(messages(locale).olderEdition(reason.newest.name[locale]))}`;
}

/** Net migration of every country in one edition, as a diverging text bar chart. */
function migrationChart(view: DatasetView, figures: readonly Figure[], marked: readonly string[], locale: Locale) {
  const notes = new Footnotes(locale, view);
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

/** The focus country's value from the newest edition that has it, then that edition's peers, then newer values. */
function migrationBlocks(view: DatasetView, country: string, locale: Locale, shown: Shown): KnownBlock[] {
  const t = messages(locale);
  const chain = migrationChain(view);
  const blocks: KnownBlock[] = [section(`*${t.talentMigration}*`)];
  const own = chain ? latestObservation(view, chain, country) : undefined;
  const series = own?.series ? view.series(own.series) : chain?.at(-1);
  if (chain && series) {
    const ownText = own
      ? `${escapeMrkdwn(countryName(view, country, locale))}: ${valueText(own, locale)}\n${provenanceText(own, locale)}${notesBelow(own, locale, view)}${olderNote(view, own, locale)}`
      : noData(view, country, locale);
    blocks.push(section(`*${escapeMrkdwn(series.name[locale])}*\n${ownText}`));
    const peers = shown.add(...view.observations(series.id).filter((f) => typeof f.value === 'number'));
    const { rows, notes } = migrationChart(view, peers, [country], locale);
    blocks.push(...codeSections(`_${t.talentPeers}_`, rows), ...sections([notes.title(), ...notes.lines()]));
    const newest = chain.at(-1);
    if (newest && newest.id !== series.id) {
      const newer = shown.add(...view.observations(newest.id));
      blocks.push(
        ...sections([
          `*${escapeMrkdwn(newest.name[locale])}*`,
          ...newer.map((f) => figureLine(entityName(view, f, locale), f, locale, view)),
        ]),
      );
    }
  }
  const inChain = new Set(chain?.map((s) => s.id) ?? []);
  const related = shown.add(
    ...view
      .byTag(MIGRATION_TAG)
      .filter((f) => f.country === country && !(f.series && inChain.has(f.series)) && isCurrent(view, f)),
  );
  if (related.length > 0) {
    blocks.push(
      ...sections([`*${t.talentRelatedFlows}*`, ...related.map((f) => figureLine(f.metric[locale], f, locale, view))]),
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
  shown: Shown,
  note?: string,
) {
  const figures = shown.add(...view.byTag(tag).filter((f) => f.country === country && isCurrent(view, f)));
  const lines =
    figures.length > 0
      ? figures.map((f) => figureLine(f.metric[locale], f, locale, view))
      : [noData(view, country, locale)];
  const blocks: KnownBlock[] = [divider(), ...sections([`*${title}*`, ...lines])];
  if (note && figures.length > 1) blocks.push(context(`⚠️ ${note}`));
  return blocks;
}

/** Each country's concentration from the newest edition that has it; older ones say so. */
function concentrationBlocks(view: DatasetView, country: string, locale: Locale, shown: Shown): KnownBlock[] {
  const t = messages(locale);
  const chain = talentChains(view).find((c) =>
    c.some((s) => view.observations(s.id).some((f) => f.tags.includes('talent_concentration'))),
  );
  const figures = shown.add(...(chain ? latestObservations(view, chain) : []));
  const lines = figures.map((f) => {
    const mine = f.country === country ? ' ◀' : '';
    return `${figureLine(`${f.metric[locale]} — ${entityName(view, f, locale)}${mine}`, f, locale, view)}${olderNote(view, f, locale)}`;
  });
  const body = lines.length > 0 ? lines : [noData(view, country, locale)];
  return [divider(), ...sections([`*${t.talentConcentration}*`, ...body])];
}

function singleCountry(view: DatasetView, country: string, locale: Locale, shown: Shown): KnownBlock[] {
  const t = messages(locale);
  return [
    ...migrationBlocks(view, country, locale, shown),
    ...concentrationBlocks(view, country, locale, shown),
    ...tagBlocks(view, 'talent_supply', t.talentSupply, country, locale, shown, t.talentDifferentBases),
    ...tagBlocks(view, 'talent_policy', t.talentPolicy, country, locale, shown),
  ];
}

/** The edition of a line that holds the most of the countries (the newest among equals): like is compared with like. */
function commonEdition(view: DatasetView, chain: readonly Series[], countries: readonly string[]): Series | undefined {
  const held = (s: Series) => countries.filter((c) => view.observation(s.id, c)).length;
  return [...chain]
    .reverse()
    .reduce<Series | undefined>((best, s) => (!best || held(s) > held(best) ? s : best), undefined);
}

/** One section per line of talent editions, a line per country from one edition: value and source, or "no data". */
function comparison(view: DatasetView, countries: readonly string[], locale: Locale, shown: Shown): KnownBlock[] {
  const t = messages(locale);
  return talentChains(view).flatMap((chain) => {
    const series = commonEdition(view, chain, countries);
    const newest = chain.at(-1);
    if (!series || !newest) return [];
    const rows = countries.map((code) => {
      const figure = view.observation(series.id, code);
      if (!figure) return noData(view, code, locale);
      shown.add(figure);
      return `• ${escapeMrkdwn(countryName(view, code, locale))}: ${valueText(figure, locale)} · ${provenanceText(figure, locale)}${notesBelow(figure, locale, view)}`;
    });
    const older = newest.id !== series.id ? [`ℹ️ ${escapeMrkdwn(t.olderEditionShown(newest.name[locale]))}`] : [];
    return sections([`*${escapeMrkdwn(series.name[locale])}*`, ...rows, ...older]);
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
  const shown = new Shown();
  const body =
    countries.length === 1 ? singleCountry(view, focus, locale, shown) : comparison(view, countries, locale, shown);
  const claims = claimSection(view, shown.all, locale);
  const all = [...new Map([...shown.all, ...claimFiguresShown(view, shown.all)].map((f) => [f.id, f])).values()];
  return {
    text: title,
    blocks: [
      header(countries.length === 1 ? `${flag(focus)} ${title}` : title),
      ...body,
      ...(claims.length > 0 ? sections(claims) : []),
      context(t.talentFooter),
    ],
    figures: all.filter((f) => isCurrent(view, f)),
    history: all.filter((f) => !isCurrent(view, f)),
  };
}
