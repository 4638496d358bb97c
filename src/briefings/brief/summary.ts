import type { KnownBlock } from '@slack/types';
import { context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { escapeMrkdwn, unescapeMrkdwn } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { RenderedText } from '../../core/records/brief-records.js';
import { caveats, sourceLink } from '../figures.js';

/** A verified LLM answer laid out: the sentences, then the sources they cite, then the model and dataset version. */

export function sourceLines(cited: readonly Figure[], locale: Locale): string[] {
  return cited.map((f, i) => {
    const flags = caveats(f, locale);
    const note = flags.length ? ` · ⚠️ _${flags.join(', ')}_` : '';
    return `[${i + 1}] ${sourceLink(f, locale)} — ${escapeMrkdwn(`${f.metric[locale]} · ${f.period[locale]}`)}${note}`;
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
  return { text: `${t.briefSummaryTitle}: ${plainSentence(text.sentences[0] ?? '')}`, blocks, figures: text.cited };
}

/** The digest's summary paragraph: the sentences, then their sources in one compact line. */
export function renderSummaryBlocks(
  view: DatasetView,
  text: RenderedText,
  locale: Locale,
  model: string,
): KnownBlock[] {
  const t = messages(locale);
  const sources = text.cited.map((f, i) => `[${i + 1}] ${sourceLink(f, locale)}`).join(' ');
  return [
    section(`*${t.digestSummary}* — ${text.sentences.join(' ')}`),
    context(sources, escapeMrkdwn(t.briefModelLine(model, view.version))),
  ];
}
