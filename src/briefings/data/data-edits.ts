import type { KnownBlock } from '@slack/types';
import { actions, button, context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { eventState } from '../../core/dataset/currency.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { supersededBy } from '../../core/dataset/editions.js';
import { changedFields } from '../../core/dataset/figure-fields.js';
import { escapeMrkdwn, mrkdwnLink, truncate } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { formatInstant, localDate } from '../../core/i18n/time.js';
import type { AuditEntry, FigureChange } from '../../core/records/audit-records.js';
import { stateLabel } from '../digest/digest-sections.js';
import {
  caveatText,
  entityName,
  figureNotes,
  provenanceText,
  sourceDateText,
  sourceLink,
  valueText,
} from '../figures.js';

/** Replies of /ai-data: figure cards, search results, previews with Confirm, history and the audit log. */

export const CONFIRM_ACTION_ID = 'data_confirm';
export const CANCEL_ACTION_ID = 'data_cancel';

export function actionName(action: string, locale: Locale): string {
  const pairs = messages(locale)
    .actionNames.split(',')
    .map((p) => p.split(':'));
  return pairs.find(([key]) => key === action)?.[1] ?? action;
}

function figureLine(view: DatasetView, f: Figure, locale: Locale): string {
  const who = escapeMrkdwn(`${f.metric[locale]} — ${entityName(view, f, locale)}`);
  return `\`${f.id}\` ${who}: ${valueText(f, locale)} · ${provenanceText(f, locale)}`;
}

/** A value's label from a catalog list ("high:높음,medium:중간"). */
function label(list: string, key: string): string {
  return (
    list
      .split(',')
      .find((pair) => pair.startsWith(`${key}:`))
      ?.slice(key.length + 1) ?? key
  );
}

const HANGUL = /[\uac00-\ud7a3]/;
/** English words read as prose: three in a row, two of them lower-case (names alone are capitalised). */
const ENGLISH_PROSE =
  /\b[A-Za-z]{2,}[ ,;:]+[a-z]{2,}[ ,;:]+[a-z]{2,}\b|\b[a-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[a-z]{2,}\b/;
/** Research placeholders, not headlines: a title the researcher could not read or worded himself. */
const NOT_A_TITLE = /title not captured|title paraphrased/i;

/**
 * The source's own headline, in the answer's language only: a Korean headline (no English prose in it) in Korean
 * answers, one without Korean in English answers. Quotes stay verbatim in both: they are the evidence.
 */
function titleFor(f: Figure, locale: Locale): string | null {
  const title = f.source.title;
  if (NOT_A_TITLE.test(title)) return null;
  const readable = locale === 'ko' ? HANGUL.test(title) && !ENGLISH_PROSE.test(title) : !HANGUL.test(title);
  return readable ? escapeMrkdwn(title) : null;
}

/** How the figure stands in time: what updated it, what it updates, the events that cite it and their state. */
function timeLines(view: DatasetView, f: Figure, locale: Locale, today: string): string[] {
  const t = messages(locale);
  const by = supersededBy(view, f.id);
  const events = view.events().filter((e) => e.figures.includes(f.id));
  return [
    by ? `*${t.fieldSupersededBy}*: \`${by.id}\` ${valueText(by, locale)} · ${escapeMrkdwn(by.period[locale])}` : '',
    f.supersedes ? `*${t.fieldSupersedes}*: \`${f.supersedes}\`` : '',
    events.length > 0
      ? `*${t.fieldEvents}*: ${events.map((e) => `${escapeMrkdwn(e.title[locale])} (${stateLabel(eventState(e, today), locale)})`).join('; ')}`
      : '',
  ];
}

export function buildFigureCard(
  view: DatasetView,
  f: Figure,
  locale: Locale,
  lastEdit: AuditEntry | undefined,
  now: { at: Date; timezone: string },
): Briefing {
  const t = messages(locale);
  const field = (name: string, value: string | null) => (value ? `*${name}*: ${value}` : '');
  const published = sourceDateText(f, locale);
  const source = locale === 'ko' ? sourceLink(f, locale) : mrkdwnLink(f.source.url, f.source.publisher);
  const notes =
    locale === 'ko' ? (f.notes ? t.notesInEnglish(f.id) : null) : f.notes ? escapeMrkdwn(truncate(f.notes, 800)) : null;
  const lines = [
    `${valueText(f, locale)}${caveatText(f, locale)}`,
    ...figureNotes(f, locale, view),
    field(t.fieldPeriod, escapeMrkdwn(f.period[locale])),
    field(
      t.fieldSeries,
      f.series ? `\`${f.series}\` ${escapeMrkdwn(view.series(f.series)?.name[locale] ?? '')}` : null,
    ),
    field(t.fieldSource, source),
    field(t.fieldTitle, titleFor(f, locale)),
    field(t.fieldPublished, published ? escapeMrkdwn(published) : null),
    field(t.fieldQuote, `“${escapeMrkdwn(truncate(f.source.quote, 600))}”`),
    field(t.fieldAlsoSeen, f.source.corroboratingUrls.map((u) => mrkdwnLink(u, new URL(u).hostname)).join(', ')),
    field(t.fieldConfidence, label(t.confidenceLevels, f.confidence)),
    field(t.fieldVerification, escapeMrkdwn(label(t.verificationLevels, f.verification))),
    field(t.fieldTags, f.tags.map((tag) => `\`${tag}\``).join(', ')),
    ...timeLines(view, f, locale, localDate(now.at, now.timezone)),
    field(t.fieldNotes, notes),
    lastEdit
      ? field(
          t.fieldLastEdit,
          `${actionName(lastEdit.action, locale)} · <@${lastEdit.actor}> · ${lastEdit.at.slice(0, 16).replace('T', ' ')} UTC`,
        )
      : '',
  ].filter(Boolean);
  const title = t.dataShowTitle(f.id);
  return {
    text: title,
    blocks: [
      header(title),
      section(`*${escapeMrkdwn(f.metric[locale])}* — ${escapeMrkdwn(entityName(view, f, locale))}`),
      ...sections(lines),
    ],
    figures: [f],
  };
}

export function buildSearch(
  view: DatasetView,
  query: string,
  found: readonly Figure[],
  locale: Locale,
  limit = 15,
): Briefing {
  const t = messages(locale);
  if (found.length === 0)
    return { text: t.dataSearchNone(query), blocks: [section(escapeMrkdwn(t.dataSearchNone(query)))] };
  const title = t.dataSearchTitle(query, found.length);
  const more = found.length - limit;
  const lines = found.slice(0, limit).map((f) => `• ${figureLine(view, f, locale)}`);
  return {
    text: title,
    blocks: [header(title), ...sections(lines), ...(more > 0 ? [context(t.dataSearchMore(more))] : [])],
  };
}

function changeLines(view: DatasetView, change: FigureChange, locale: Locale): string[] {
  const t = messages(locale);
  const { before, after } = change;
  if (before && after) {
    const diff = changedFields(before, after).map(
      (d) =>
        `• \`${d.field}\`: ${escapeMrkdwn(truncate(d.before || '∅', 200))} → *${escapeMrkdwn(truncate(d.after || '∅', 200))}*`,
    );
    return [
      `*${t.dataBefore}*: ${figureLine(view, before, locale)}`,
      `*${t.dataAfter}*: ${figureLine(view, after, locale)}`,
      ...diff,
    ];
  }
  if (after) return [`*${t.dataAfter}*: ${figureLine(view, after, locale)}`];
  return before ? [`*${t.dataBefore}*: ~${figureLine(view, before, locale)}~`] : [];
}

export interface PreviewOptions {
  action: string;
  changes: readonly FigureChange[];
  locale: Locale;
  /** With a pending change id and a surface that has buttons, Confirm/Cancel; otherwise the --yes hint. */
  changeId?: string;
  summary?: string;
}

export function buildEditPreview(view: DatasetView, options: PreviewOptions): Briefing {
  const t = messages(options.locale);
  const title = t.dataPreviewTitle(actionName(options.action, options.locale));
  const lines = options.changes.slice(0, 20).flatMap((c) => [...changeLines(view, c, options.locale), '']);
  const blocks: KnownBlock[] = [header(title)];
  if (options.summary) blocks.push(section(`*${escapeMrkdwn(options.summary)}*`));
  blocks.push(...sections(lines.length ? lines : ['∅']));
  if (options.changeId) {
    blocks.push(
      context(t.dataConfirmHint),
      actions(
        button(t.dataConfirm, CONFIRM_ACTION_ID, options.changeId, 'primary'),
        button(t.dataCancel, CANCEL_ACTION_ID, options.changeId),
      ),
    );
  } else blocks.push(context(t.dataYesHint));
  return { text: title, blocks };
}

export function buildApplied(view: DatasetView, entry: AuditEntry, locale: Locale): Briefing {
  const t = messages(locale);
  const text = t.dataApplied(entry.toVersion ?? view.version);
  const lines = entry.changes.slice(0, 20).flatMap((c) => changeLines(view, c, locale));
  return { text, blocks: [section(text), ...sections(lines.length ? lines : ['∅'])] };
}

function entryLine(entry: AuditEntry, locale: Locale): string {
  const when = formatInstant(new Date(entry.at), 'UTC', locale);
  const ids = entry.changes
    .map((c) => `\`${c.id}\``)
    .slice(0, 5)
    .join(', ');
  const version = entry.toVersion ? ` · v${entry.toVersion}` : '';
  return `• ${when} UTC · <@${entry.actor}> · *${actionName(entry.action, locale)}*${version} ${ids} — ${escapeMrkdwn(truncate(entry.summary, 200))}`;
}

export function buildHistory(id: string, entries: readonly AuditEntry[], locale: Locale): Briefing {
  const t = messages(locale);
  if (entries.length === 0)
    return { text: t.dataHistoryNone(id), blocks: [section(escapeMrkdwn(t.dataHistoryNone(id)))] };
  const lines = entries.flatMap((e) => [
    entryLine(e, locale),
    ...e.changes
      .filter((c) => c.id === id && c.before && c.after)
      .flatMap((c) => changedFields(c.before as Figure, c.after as Figure))
      .map(
        (d) =>
          `    \`${d.field}\`: ${escapeMrkdwn(truncate(d.before || '∅', 120))} → ${escapeMrkdwn(truncate(d.after || '∅', 120))}`,
      ),
  ]);
  const title = t.dataHistoryTitle(id);
  return { text: title, blocks: [header(title), ...sections(lines)] };
}

export function buildLog(entries: readonly AuditEntry[], locale: Locale): Briefing {
  const t = messages(locale);
  if (entries.length === 0) return { text: t.dataLogNone, blocks: [section(t.dataLogNone)] };
  const title = t.dataLogTitle(entries.length);
  return { text: title, blocks: [header(title), ...sections(entries.map((e) => entryLine(e, locale)))] };
}
