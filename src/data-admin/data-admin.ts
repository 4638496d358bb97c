import { type Dataset, datasetSchema } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import type { AuditEntry, FigureChange } from '../core/records/audit-records.js';
import { type EditableStore, EditInvalidError, type EditRequest } from './editable-store.js';
import {
  addFigure,
  applyImportChanges,
  EditRefused,
  figureHash,
  importFigures,
  removeFigure,
  restoreFigure,
  setFields,
  undoEntry,
} from './operations.js';
import type { PendingRecord, PendingStore } from './pending.js';

/** What the transport lets /ai-data do in this request beyond replying. */
export interface Surface {
  /** Buttons in the reply can be pressed (Slack); elsewhere edits need --yes. */
  interactive: boolean;
  /** Opens a modal (Slack, within 3 s of the command). */
  openModal?(view: unknown): Promise<void>;
  /** Delivers an exported file; returns where it went (a Slack file, a path). */
  deliverFile(file: { filename: string; content: string; title: string }): Promise<string>;
  /** The newest CSV or JSON file the user shared in this channel (Slack), or a local file by path. */
  readFile(path?: string): Promise<{ name: string; content: string } | null>;
}

export type ConfirmOutcome =
  | { status: 'applied'; entry: AuditEntry }
  | { status: 'duplicate' }
  | { status: 'expired' }
  | { status: 'not_yours' };

/** Dataset editing as the /ai-data command and its buttons and modal share it. */
export class DataAdmin {
  constructor(
    readonly store: EditableStore,
    /** Where previews wait for Confirm (a file in DATA_DIR, or PostgreSQL). */
    readonly pending: PendingStore,
  ) {}

  /** Runs an edit against a copy of the current data, to preview and validate without writing. */
  dryRun(request: EditRequest, view: DatasetView): FigureChange[] {
    const draft = structuredClone(view.dataset()) as Dataset;
    const ids = [...new Set(request.mutate(draft, view))];
    draft.version += 1;
    const parsed = datasetSchema.safeParse(draft);
    if (!parsed.success) throw new EditInvalidError(parsed.error.issues, draft);
    const after = new Map(parsed.data.figures.map((f) => [f.id, f]));
    return ids
      .map((id) => ({ id, before: view.figure(id) ?? null, after: after.get(id) ?? null }))
      .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  }

  /** The edit a pending confirmation stands for, refusing if its figure changed since the preview. */
  async requestFor(record: PendingRecord): Promise<EditRequest> {
    const { actor, summary, edit } = record;
    const view = this.store.current();
    const unchanged = (id: string, expected: string) => {
      if (figureHash(view.figure(id)) !== expected) throw new EditRefused('changed_since', id);
    };
    switch (edit.action) {
      case 'set':
        unchanged(edit.id, edit.base);
        return setFields(actor, edit.id, edit.fields, summary);
      case 'add':
        return addFigure(actor, edit.figure, summary);
      case 'remove':
        unchanged(edit.id, edit.base);
        return removeFigure(actor, edit.id, summary);
      case 'restore':
        return restoreFigure(actor, edit.id, await this.store.audit.entries(), summary);
      case 'undo':
        return undoEntry(
          actor,
          (await this.store.audit.entries()).find((e) => e.id === edit.entry),
          summary,
        );
      case 'import':
        if (view.version !== edit.baseVersion) throw new EditRefused('changed_since', `v${edit.baseVersion}`);
        return edit.changes
          ? applyImportChanges(actor, edit.changes, summary)
          : importFigures(actor, edit.figures ?? [], summary);
    }
  }

  async confirm(changeId: string, actor: string): Promise<ConfirmOutcome> {
    const record = await this.pending.get(changeId);
    if (!record) {
      const done = (await this.store.audit.entries()).some((e) => e.changeId === changeId && e.status === 'committed');
      return done ? { status: 'duplicate' } : { status: 'expired' };
    }
    if (record.actor !== actor) return { status: 'not_yours' };
    const request = await this.requestFor(record);
    const result = await this.store.edit({ ...request, changeId });
    await this.pending.drop(changeId);
    return result.duplicate ? { status: 'duplicate' } : { status: 'applied', entry: result.entry };
  }

  async cancel(changeId: string, actor: string): Promise<'cancelled' | 'expired' | 'not_yours'> {
    const record = await this.pending.get(changeId);
    if (!record) return 'expired';
    if (record.actor !== actor) return 'not_yours';
    await this.pending.drop(changeId);
    return 'cancelled';
  }
}
