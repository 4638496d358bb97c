import type { KnownBlock } from '@slack/types';
import { actions, button, context, header, section, sections } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { changedFields } from '../../core/dataset/figure-fields.js';
import { escapeMrkdwn, mrkdwnLink, truncate } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { formatInstant } from '../../core/i18n/time.js';
import type { AuditEntry, FigureChange } from '../../core/records/audit-records.js';
import { caveatText, entityName, provenanceText, valueText } from '../figures.js';

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

export function buildFigureCard(view: DatasetView, f: Figure, locale: Locale, lastEdit?: AuditEntry): Briefing {
  const t = messages(locale);
  const field = (label: string, value: string | null) => (value ? `*${label}*: ${value}` : '');
  const lines = [
    `${valueText(f, locale)}${caveatText(f, locale)}`,
    field(t.fieldPeriod, escapeMrkdwn(f.period[locale])),
    field(
      t.fieldSeries,
      f.series ? `\`${f.series}\` ${escapeMrkdwn(view.series(f.series)?.name[locale] ?? '')}` : null,
    ),
    field(t.fieldSource, mrkdwnLink(f.source.url, f.source.publisher)),
    field(t.fieldTitle, escapeMrkdwn(f.source.title)),
    field(t.fieldPublished, f.source.publishedOn ? escapeMrkdwn(f.source.publishedOn) : null),
    field(t.fieldQuote, `“${escapeMrkdwn(truncate(f.source.quote, 600))}”`),
    field(t.fieldAlsoSeen, f.source.corroboratingUrls.map((u) => mrkdwnLink(u, new URL(u).hostname)).join(', ')),
    field(t.fieldConfidence, f.confidence),
    field(t.fieldVerification, escapeMrkdwn(f.verification)),
    field(t.fieldTags, f.tags.join(', ')),
    field(t.fieldNotes, f.notes ? escapeMrkdwn(truncate(f.notes, 800)) : null),
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
