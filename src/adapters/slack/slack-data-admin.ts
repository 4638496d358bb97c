import type { App, BlockButtonAction } from '@slack/bolt';
import * as z from 'zod';
import { buildApplied, CANCEL_ACTION_ID, CONFIRM_ACTION_ID } from '../../briefings/data/data-edits.js';
import { ADD_MODAL_CALLBACK, MODAL_BLOCKS, modalValues } from '../../briefings/data/data-modal.js';
import { refuseNonAdmin } from '../../commands/ai-data/data-actions.js';
import { fitMessages } from '../../core/blocks/reply.js';
import { type FieldValues, fieldOfIssue } from '../../core/dataset/figure-fields.js';
import { issueMessage } from '../../core/dataset/schema-issues.js';
import { describeError } from '../../core/describe-error.js';
import { EditInvalidError, EditRefused } from '../../core/errors.js';
import { isLocale, type Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { Logger } from '../../core/logger.js';
import type { DataAdmin } from '../../data-admin/data-admin.js';
import { addFigure, newFigure } from '../../data-admin/operations.js';

interface Deps {
  dataAdmin: DataAdmin;
  /** The presser's own reply language (/ai-lang), else the workspace's. */
  localeOf: (userId: string) => Promise<Locale>;
  isAdmin: (userId: string) => Promise<boolean>;
  logger: Logger;
}

const metadataSchema = z.object({ channelId: z.string().nullish(), locale: z.string().optional() });

/** The modal's private_metadata, which we wrote; anything unreadable counts as none (and is logged). */
function readMetadata(text: string, logger: Logger): z.infer<typeof metadataSchema> {
  if (!text) return {};
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: logged below
  }
  logger.warn('modal private_metadata unreadable; ignored');
  return {};
}

function errorText(error: unknown, locale: Locale, logger: Logger): string {
  const described = describeError(error, locale);
  if (described.kind === 'unexpected') logger.error('data action failed', { ref: described.ref, error });
  return described.lines.join('\n');
}

/** Confirm and Cancel on an /ai-data preview: applied once however often pressed, by the admin who asked. */
export function registerDataButtons(app: App, deps: Deps): void {
  for (const id of [CONFIRM_ACTION_ID, CANCEL_ACTION_ID]) {
    app.action<BlockButtonAction>(id, async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      const locale = await deps.localeOf(actor);
      const t = messages(locale);
      let text: string;
      try {
        if (!(await deps.isAdmin(actor))) text = await refuseNonAdmin(deps.dataAdmin, actor, `press ${id}`, locale);
        else if (id === CANCEL_ACTION_ID) {
          const outcome = await deps.dataAdmin.cancel(action.value ?? '', actor);
          text = { cancelled: t.dataCancelled, expired: t.dataExpired, not_yours: t.dataNotYours }[outcome];
        } else {
          const outcome = await deps.dataAdmin.confirm(action.value ?? '', actor);
          if (outcome.status === 'applied') {
            const [message] = fitMessages(buildApplied(deps.dataAdmin.store.current(), outcome.entry, locale), locale);
            await respond({ replace_original: true, text: message?.text ?? '', blocks: message?.blocks ?? [] });
            return;
          }
          text = { duplicate: t.dataDuplicate, expired: t.dataExpired, not_yours: t.dataNotYours }[outcome.status];
        }
      } catch (error) {
        text = errorText(error, locale, deps.logger);
      }
      await respond({ replace_original: true, text });
    });
  }
}

/** The add-a-figure modal: field errors go back onto the fields; a valid figure is added and confirmed privately. */
export function registerAddModal(app: App, deps: Deps): void {
  app.view(ADD_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
    const meta = readMetadata(view.private_metadata, deps.logger);
    const actor = body.user.id;
    const locale: Locale = isLocale(meta.locale) ? meta.locale : await deps.localeOf(actor);
    const { id, ...fields } = modalValues(view.state.values as never);
    if (!(await deps.isAdmin(actor))) {
      const text = await refuseNonAdmin(deps.dataAdmin, actor, 'add (form)', locale);
      await ack({ response_action: 'errors', errors: { value: text } });
      return;
    }
    const store = deps.dataAdmin.store;
    try {
      const figure = newFigure(store.current(), actor, { ...(fields as FieldValues), ...(id ? { id } : {}) });
      const request = addFigure(actor, figure, `add (form) ${figure.id}`);
      deps.dataAdmin.dryRun(request, store.current());
      await ack();
      const result = await store.edit(request);
      const [message] = fitMessages(buildApplied(store.current(), result.entry, locale), locale);
      if (meta.channelId && message) {
        await client.chat.postEphemeral({
          channel: meta.channelId,
          user: actor,
          text: message.text,
          blocks: message.blocks,
        });
      }
    } catch (error) {
      await ack({ response_action: 'errors', errors: fieldErrors(error, locale, deps.logger) });
    }
  });
}

function fieldErrors(error: unknown, locale: Locale, logger: Logger): Record<string, string> {
  const t = messages(locale);
  if (error instanceof EditRefused && error.code === 'missing_fields') {
    return Object.fromEntries(error.detail.split(', ').map((f) => [f, t.dataMissingFields(f)]));
  }
  if (error instanceof EditInvalidError) {
    const out: Record<string, string> = {};
    for (const issue of error.issues) {
      const where = fieldOfIssue(issue.path, error.draft as never);
      const block = where && MODAL_BLOCKS.has(where.field) ? where.field : 'value';
      out[block] ??= issueMessage(issue.message, locale);
    }
    return out;
  }
  if (error instanceof EditRefused && error.code === 'id_taken') return { id: t.dataIdTaken(error.detail) };
  return { value: errorText(error, locale, logger) };
}
