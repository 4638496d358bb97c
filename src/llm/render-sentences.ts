import type { Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { defangLinks, escapeMrkdwn, stripInvisible, truncate } from '../core/escape.js';
import { formatRank, formatValue } from '../core/i18n/format.js';
import type { Locale } from '../core/i18n/locale.js';
import { messages } from '../core/i18n/messages.js';
import type { RenderedText } from '../core/records/brief-records.js';
import { type ModelSentence, PLACEHOLDER } from './verifier.js';

/**
 * Verified sentences as the reader will see them: the model's words escaped, each placeholder filled from the
 * dataset, numbered citation markers. Laying them out (sources under the text) is a briefing's job.
 */

export type { RenderedText };

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
