import { buildApplied, buildEditPreview } from '../../briefings/data/data-edits.js';
import { buildAddModal } from '../../briefings/data/data-modal.js';
import { section } from '../../core/blocks/blocks.js';
import type { Briefing } from '../../core/blocks/reply.js';
import { echo } from '../../core/command-input.js';
import { EditInvalidError, UserError } from '../../core/errors.js';
import { escapeMrkdwn, truncate } from '../../core/escape.js';
import { messages } from '../../core/i18n/messages.js';
import type { FigureChange } from '../../core/records/audit-records.js';
import type { DataAdmin } from '../../data-admin/data-admin.js';
import type { EditRequest } from '../../data-admin/editable-store.js';
import type { ImportPreview } from '../../data-admin/import-file.js';
import { previewImportOffThread } from '../../data-admin/off-thread.js';
import {
  addFigure,
  applyImportChanges,
  figureHash,
  lastUndoable,
  newFigure,
  removeFigure,
  restoreFigure,
  setFields,
  undoEntry,
} from '../../data-admin/operations.js';
import type { PendingEdit } from '../../data-admin/pending.js';
import type { CommandContext } from '../context.js';
import type { DataArgs } from './data-args.js';
import { figureOrError } from './data-lookup.js';

/** The changing side of /ai-data: build the edit, dry-run it, then preview with Confirm or apply with --yes. */

type Editing = Extract<DataArgs, { action: 'set' | 'add' | 'remove' | 'restore' | 'undo' }>;

function admin(ctx: CommandContext): DataAdmin {
  return ctx.dataAdmin;
}

async function editFor(
  args: Editing,
  summary: string,
  ctx: CommandContext,
): Promise<{ request: EditRequest; pending: PendingEdit }> {
  const view = ctx.data;
  const actor = ctx.userId ?? 'unknown';
  const history = () => admin(ctx).store.audit.entries();
  switch (args.action) {
    case 'set': {
      const base = figureHash(figureOrError(view, args.id, ctx));
      return {
        request: setFields(actor, args.id, args.fields, summary),
        pending: { action: 'set', id: args.id, fields: args.fields, base },
      };
    }
    case 'add': {
      const figure = newFigure(view, actor, args.fields);
      return { request: addFigure(actor, figure, summary), pending: { action: 'add', figure } };
    }
    case 'remove': {
      const base = figureHash(figureOrError(view, args.id, ctx));
      return { request: removeFigure(actor, args.id, summary), pending: { action: 'remove', id: args.id, base } };
    }
    case 'restore':
      return {
        request: restoreFigure(actor, args.id, await history(), summary),
        pending: { action: 'restore', id: args.id },
      };
    case 'undo': {
      const entry = lastUndoable(await history(), actor);
      return { request: undoEntry(actor, entry, summary), pending: { action: 'undo', entry: entry?.id ?? '' } };
    }
  }
}

/** `checked`: changes already dry-run elsewhere (an import, on a worker thread). */
async function previewOrApply(
  request: EditRequest,
  pending: PendingEdit,
  yes: boolean,
  summary: string,
  ctx: CommandContext,
  checked?: FigureChange[],
) {
  const data = admin(ctx);
  const changes = checked ?? data.dryRun(request, ctx.data);
  // The same value again: no new version, no backup, no audit entry with nothing in it.
  if (changes.length === 0) {
    const id = 'id' in pending ? pending.id : '';
    throw new UserError('nothing_to_change', [messages(ctx.locale).nothingToChange(echo(id))]);
  }
  if (yes) {
    const result = await data.store.edit(request);
    return buildApplied(data.store.current(), result.entry, ctx.locale);
  }
  const base = { action: request.action, changes, locale: ctx.locale, summary };
  if (!ctx.surface?.interactive) return buildEditPreview(ctx.data, base);
  const changeId = await data.pending.put(ctx.userId ?? 'unknown', summary, pending);
  return buildEditPreview(ctx.data, { ...base, changeId });
}

export async function applyEdit(args: Editing, text: string, ctx: CommandContext): Promise<Briefing> {
  if (args.action === 'add' && Object.keys(args.fields).length === 0) {
    if (!ctx.surface?.openModal) throw new UserError('no_modal', [messages(ctx.locale).dataModalUnavailable]);
    await ctx.surface.openModal(buildAddModal(ctx.locale, ctx.channelId));
    return { text: messages(ctx.locale).dataModalOpened, blocks: [section(messages(ctx.locale).dataModalOpened)] };
  }
  const summary = truncate(text, 300);
  const { request, pending } = await editFor(args, summary, ctx);
  return previewOrApply(request, pending, args.yes, summary, ctx);
}

/** What went wrong reading an import file, as the admin reads it. */
function importProblem(
  read: Exclude<ImportPreview, { kind: 'changes' | 'invalid_dataset' }>,
  locale: CommandContext['locale'],
): UserError {
  const t = messages(locale);
  switch (read.kind) {
    case 'unreadable':
      return new UserError('bad_import', [t.dataImportUnreadable(escapeMrkdwn(read.detail))]);
    case 'csv_syntax': {
      const column = read.column === null ? null : { number: read.column, name: read.columnName };
      return new UserError('bad_import', [t.dataImportUnreadable(t.csvProblemAt(read.line, column, read.problem))]);
    }
    case 'invalid':
      return new UserError('invalid_import', [
        t.dataInvalid,
        ...read.problems.map(
          (p) => `• ${p.row} (${echo(p.id)}) \`${escapeMrkdwn(p.path)}\`: ${escapeMrkdwn(p.message)}`,
        ),
      ]);
  }
}

export async function importData(
  args: Extract<DataArgs, { action: 'import' }>,
  text: string,
  ctx: CommandContext,
): Promise<Briefing> {
  const t = messages(ctx.locale);
  const file = await ctx.surface?.readFile(args.path);
  if (!file) throw new UserError('no_file', [ctx.surface?.interactive ? t.dataImportNoFile : t.dataImportPath]);
  const preview = await previewImportOffThread(file.name, file.content, ctx.data.dataset());
  if (preview.kind === 'invalid_dataset') {
    throw new EditInvalidError(preview.issues as never, { ...ctx.data.dataset(), figures: preview.figures });
  }
  if (preview.kind !== 'changes') throw importProblem(preview, ctx.locale);
  const { changes } = preview;
  if (changes.length === 0) return { text: t.dataImportNoChanges, blocks: [section(t.dataImportNoChanges)] };
  const summary = truncate(`${text} (${file.name})`, 300);
  const request = applyImportChanges(ctx.userId ?? 'unknown', changes, summary);
  const counts = t.dataImportSummary(
    changes.filter((c) => !c.before).length,
    changes.filter((c) => c.before && c.after).length,
    changes.filter((c) => !c.after).length,
  );
  const pending: PendingEdit = {
    action: 'import',
    changes: changes.map((c) => ({ id: c.id, after: c.after })),
    baseVersion: ctx.data.version,
  };
  return previewOrApply(request, pending, args.yes, `${t.dataImportTitle}: ${counts}`, ctx, changes);
}

export async function exportData(format: 'csv' | 'json', ctx: CommandContext): Promise<Briefing> {
  const t = messages(ctx.locale);
  const view = ctx.data;
  // The CSV writer is loaded when an export asks for it, not with every command.
  const csv = format === 'csv' ? await import('../../data-admin/csv.js') : null;
  const content = csv ? csv.figuresToCsv(view.allFigures()) : `${JSON.stringify(view.dataset(), null, 2)}\n`;
  const filename = `ai-policy-brief-dataset-v${view.version}.${format}`;
  if (!ctx.surface) throw new UserError('no_surface', [t.digestUnavailable]);
  const where = await ctx.surface.deliverFile({ filename, content, title: filename });
  const text = `${t.dataExported(view.figureCount, format.toUpperCase())} ${where}`;
  return { text, blocks: [section(text)] };
}

/** A non-admin's attempt to change data, audited; the refusal says whether the audit entry could be written. */
export async function refuseNonAdmin(
  dataAdmin: DataAdmin,
  actor: string,
  summary: string,
  locale: CommandContext['locale'],
): Promise<string> {
  const t = messages(locale);
  const logged = await dataAdmin.store.deny(actor, summary).then(
    () => true,
    () => false,
  );
  return logged ? t.dataNotAdmin : t.dataNotAdminUnlogged;
}
