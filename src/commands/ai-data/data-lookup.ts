import { echo } from '../../core/command-input.js';
import type { Figure } from '../../core/dataset/dataset-schema.js';
import type { DatasetView } from '../../core/dataset/dataset-view.js';
import { UserError } from '../../core/errors.js';
import { messages } from '../../core/i18n/messages.js';
import { type Candidate, nearest } from '../../core/vocabulary/fuzzy.js';
import type { CommandContext } from '../context.js';

/** Figures by id for /ai-data, with the nearest ids suggested for a typo. */

export function unknownFigure(view: DatasetView, id: string, ctx: CommandContext): UserError {
  const t = messages(ctx.locale);
  const candidates: Candidate[] = view.allFigures().map((f) => ({ key: f.id.toLowerCase(), label: f.id }));
  const close = nearest(id.toLowerCase(), candidates, 5);
  return new UserError('unknown_figure', [
    t.dataUnknownFigure(echo(id)),
    ...(close.length ? [t.didYouMean(close.map(echo).join(', '))] : []),
  ]);
}

export function figureOrError(view: DatasetView, id: string, ctx: CommandContext): Figure {
  const figure = view.figure(id);
  if (!figure) throw unknownFigure(view, id, ctx);
  return figure;
}
