import type { KnownBlock } from '@slack/types';
import { caveats, sourceLink } from '../briefings/figures.js';
import { context, header, section, sections } from '../core/blocks/blocks.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { defangLinks, escapeMrkdwn, stripInvisible, truncate, unescapeMrkdwn } from '../core/escape.js';
import { formatRank, formatValue } from '../core/i18n/format.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import { type ModelSentence, PLACEHOLDER } from './verifier.js';

/**
 * Verified sentences as Slack text: the model's words escaped, each placeholder filled from the dataset, numbered
 * citation markers, and the cited sources listed under the text.
 */

export interface RenderedText {
  /** One mrkdwn paragraph per sentence, with markers. */
  sentences: string[];
  /** The cited figures, in marker order. */
  cited: Figure[];
  /** Every value the renderer inserted (for the evaluation's uncited-number count). */
  inserted: string[];
}

const MAX_SENTENCES = 8;
const MAX_WORDS_RUN = 300;

function fill(kind: string, figure: Figure, locale: Locale): string {
  if (kind === 'rank') return formatRank(figure, locale) ?? messages(locale).noData;
  if (kind === 'period') return figure.period[locale];
  return formatValue(figure, locale);
}

function clean(words: string): string {
  return escapeMrkdwn(defangLinks(truncate(stripInvisible(words).replace(/\s+/g, ' '), MAX_WORDS_RUN)));
}

export function renderSentences(view: DatasetView, kept: readonly ModelSentence[], locale: Locale): RenderedText {
  const order: string[] = [];
  const inserted: string[] = [];
  const marker = (id: string) => {
    if (!order.includes(id)) order.push(id);
    return `[${order.indexOf(id) + 1}]`;
  };
  const sentences = kept.slice(0, MAX_SENTENCES).map((sentence) => {
    let out = '';
    let last = 0;
    for (const match of sentence.text.matchAll(PLACEHOLDER)) {
      const [whole, kind = 'fig', id = ''] = match;
      const figure = view.figure(id);
      out += clean(sentence.text.slice(last, match.index));
      const value = figure ? fill(kind, figure, locale) : messages(locale).noData;
      inserted.push(value);
      out += `*${escapeMrkdwn(value)}*`;
      last = (match.index ?? 0) + whole.length;
    }
    out += clean(sentence.text.slice(last));
    return `${out.trim()} ${sentence.cites.map(marker).join('')}`;
  });
  return { sentences, cited: order.map((id) => view.figure(id)).filter((f): f is Figure => !!f), inserted };
}

export function sourceLines(cited: readonly Figure[], locale: Locale): string[] {
  return cited.map((f, i) => {
    const flags = caveats(f, locale);
    const note = flags.length ? ` · ⚠️ _${flags.join(', ')}_` : '';
    return `[${i + 1}] ${sourceLink(f)} — ${escapeMrkdwn(`${f.metric[locale]} · ${f.period[locale]}`)}${note}`;
  });
}

/** A rendered sentence as plain text (the reply layer escapes fallback text itself): no bold, no markers. */
function plainSentence(sentence: string): string {
  return unescapeMrkdwn(sentence.replace(/\*/g, '').replace(/\s*(\[\d+\])+\s*$/, '')).trim();
}

export function renderBrief(view: DatasetView, text: RenderedText, locale: Locale, model: string): Briefing {
  const t = messages(locale);
  const blocks: KnownBlock[] = [
    header(t.briefSummaryTitle),
    ...sections(text.sentences),
    ...sections([`*${t.briefSources}*`, ...sourceLines(text.cited, locale)]),
    context(escapeMrkdwn(t.briefModelLine(model, view.version))),
  ];
  return { text: `${t.briefSummaryTitle}: ${plainSentence(text.sentences[0] ?? '')}`, blocks };
}

/** The digest's summary paragraph: the sentences, then their sources in one compact line. */
export function renderSummaryBlocks(
  view: DatasetView,
  text: RenderedText,
  locale: Locale,
  model: string,
): KnownBlock[] {
  const t = messages(locale);
  const sources = text.cited.map((f, i) => `[${i + 1}] ${sourceLink(f)}`).join(' ');
  return [
    section(`*${t.digestSummary}* — ${text.sentences.join(' ')}`),
    context(sources, escapeMrkdwn(t.briefModelLine(model, view.version))),
  ];
}
