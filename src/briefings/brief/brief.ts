import { context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { escapeMrkdwn, truncate } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { BriefResult } from '../../core/records/brief-records.js';
import { entityName, figureLine, plainFigure, splitShown } from '../figures.js';
import { renderBrief } from './summary.js';

const SHOWN = 10;

/** The deterministic answer: the figures that bear on the question, each with its source. */
export function buildFiguresBrief(
  view: DatasetView,
  question: string,
  figures: readonly Figure[],
  locale: Locale,
  note: string,
): Briefing {
  const t = messages(locale);
  const label = (f: Figure) => `${f.metric[locale]} — ${entityName(view, f, locale)}`;
  const shown = figures.slice(0, SHOWN);
  const lines = shown.map((f) => figureLine(label(f), f, locale, view));
  const first = figures[0];
  const headline = first ? plainFigure(label(first), first, locale) : note;
  return {
    text: `${t.briefTitle} — ${truncate(question, 80)}: ${headline}`,
    blocks: [
      header(t.briefTitle),
      section(escapeMrkdwn(t.briefQuestion(truncate(question, 300)))),
      ...(lines.length > 0 ? sections([t.briefFiguresIntro, ...lines]) : []),
      context(note),
    ],
    ...splitShown(view, shown),
  };
}

export function fallbackNote(reason: string, locale: Locale): string {
  const t = messages(locale);
  const notes: Record<string, string> = {
    off: t.briefOff,
    no_data: t.briefNoData,
    unanswerable: t.briefUnanswerable,
    all_rejected: t.briefAllRejected,
    timeout: t.briefTimeout,
    user_limit: t.briefUserLimit,
    budget: t.briefBudget,
  };
  return notes[reason] ?? t.briefFailed(reason);
}

/** What follows the deterministic answer: the verified summary, or one line saying why there is none. */
export function buildEngineBriefing(view: DatasetView, result: BriefResult, locale: Locale): Briefing {
  if (result.kind === 'brief') return renderBrief(view, result.text, locale, result.model);
  const note = fallbackNote(result.reason, locale);
  return { text: note, blocks: [context(`ℹ️ ${note}`)] };
}
