import { buildFigureCard, buildHistory, buildLog, buildSearch } from '../briefings/data/data-edits.js';
import type { Briefing } from '../core/blocks/reply.js';
import type { Figure } from '../core/dataset/dataset-schema.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import { derived } from '../core/dataset/derived.js';
import { UserError } from '../core/errors.js';
import { keyOf } from '../core/vocabulary/terms.js';
import { applyEdit, exportData, importData, refuseNonAdmin } from './ai-data/data-actions.js';
import { CHANGING, type DataArgs, parseDataArgs } from './ai-data/data-args.js';
import { figureOrError, unknownFigure } from './ai-data/data-lookup.js';
import { type CommandContext, defineCommand } from './context.js';

/**
 * What /ai-data search looks in, per figure: id, names, series, source, country and tags, as one key. Keys of
 * the parts many figures share (metric, series, country, publisher) are made once.
 */
function searchKeys(view: DatasetView): string[] {
  const memo = new Map<string, string>();
  const key = (text: string) => {
    let k = memo.get(text);
    if (k === undefined) {
      k = keyOf(text);
      memo.set(text, k);
    }
    return k;
  };
  const seriesName = (id: string) => {
    const name = view.series(id)?.name;
    return `${id} ${name?.en} ${name?.ko}`;
  };
  const countryName = (code: string) => {
    const name = view.country(code)?.name;
    return `${code} ${name?.en} ${name?.ko}`;
  };
  return view
    .allFigures()
    .map(
      (f) =>
        keyOf(f.id) +
        key(`${f.metric.en} ${f.metric.ko}`) +
        key(`${f.entity.en} ${f.entity.ko}`) +
        (f.series ? key(seriesName(f.series)) : '') +
        key(f.source.publisher) +
        (f.country ? key(countryName(f.country)) : '') +
        key(f.tags.join(' ')),
    );
}

interface SearchIndex {
  keys: string[];
  /** Every key, each followed by a separator, so one native scan finds a word in all of them. */
  text: string;
  starts: Int32Array;
}

const SEPARATOR = '\u0001';

function searchIndex(view: DatasetView): SearchIndex {
  const keys = searchKeys(view);
  const starts = new Int32Array(keys.length + 1);
  let offset = 0;
  keys.forEach((k, i) => {
    starts[i] = offset;
    offset += k.length + 1;
  });
  starts[keys.length] = offset;
  return { keys, text: keys.join(SEPARATOR) + SEPARATOR, starts };
}

/** Indices of the figures whose key contains `word`, in dataset order. */
function containing(index: SearchIndex, word: string): number[] {
  const found: number[] = [];
  let from = 0;
  for (let at = index.text.indexOf(word, from); at !== -1; at = index.text.indexOf(word, from)) {
    let lo = 0;
    let hi = index.keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((index.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    found.push(lo);
    from = index.starts[lo + 1] ?? index.text.length;
  }
  return found;
}

/** Figures matching every word of the query in any of their names, ids, sources or countries. */
export function searchFigures(view: DatasetView, query: string): Figure[] {
  const words = query
    .split(/\s+/)
    .map((w) => keyOf(w).replaceAll(SEPARATOR, ''))
    .filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return [...view.allFigures()];
  const index = derived(view, 'search-index', searchIndex);
  const figures = view.allFigures();
  return containing(index, first)
    .filter((i) => rest.every((w) => index.keys[i]?.includes(w)))
    .flatMap((i) => (figures[i] ? [figures[i]] : []));
}

async function read(args: DataArgs, ctx: CommandContext): Promise<Briefing> {
  const view = ctx.data;
  const audit = () => ctx.dataAdmin.store.audit.entries();
  switch (args.action) {
    case 'show': {
      const figure = figureOrError(view, args.id, ctx);
      const last = (await audit())
        .filter((e) => e.status === 'committed' && e.changes.some((c) => c.id === figure.id))
        .at(-1);
      return buildFigureCard(view, figure, ctx.locale, last, { at: ctx.now, timezone: ctx.timezone });
    }
    case 'search':
      return buildSearch(view, args.query, searchFigures(view, args.query), ctx.locale);
    case 'history': {
      const entries = (await audit()).filter(
        (e) => e.status === 'committed' && e.changes.some((c) => c.id === args.id),
      );
      if (entries.length === 0 && !view.figure(args.id)) throw unknownFigure(view, args.id, ctx);
      return buildHistory(args.id, entries.reverse(), ctx.locale);
    }
    case 'log':
      return buildLog(
        (await audit())
          .filter((e) => e.status !== 'pending')
          .slice(-args.count)
          .reverse(),
        ctx.locale,
      );
    case 'export':
      return exportData(args.format, ctx);
    default:
      throw new Error(`not a reading action: ${args.action}`);
  }
}

function isChanging(args: DataArgs): args is Extract<DataArgs, { yes: boolean }> {
  return CHANGING.has(args.action);
}

export const aiData = defineCommand<{ args: DataArgs; text: string }>({
  name: '/ai-data',
  description: {
    ko: '데이터셋 수치를 보고 검색하며, 관리자는 출처와 함께 수정·추가·삭제·되돌리기·가져오기를 합니다',
    en: 'Look up and search the dataset; admins edit, add, remove, undo, export and import figures, with sources',
  },
  usageHint: {
    ko: 'show <id> | search <검색어> | set <id> 항목=값 … | add | remove <id> | history <id> | undo | log | export | import',
    en: 'show <id> | search <text> | set <id> field=value … | add | remove <id> | history <id> | undo | log | export | import',
  },
  examples: [
    'show ceti25_ai_KR',
    'search 인재',
    'set ceti25_ai_KR value=14.2',
    'history ceti25_ai_KR',
    'log 5',
    'export csv',
  ],
  shareable: false,
  parse: (input, ctx) => ({ args: parseDataArgs(input.raw, ctx.locale), text: input.raw }),
  async run({ args, text }, ctx) {
    if (!isChanging(args)) return read(args, ctx);
    if (!ctx.isAdmin) {
      throw new UserError('not_admin', [
        await refuseNonAdmin(ctx.dataAdmin, ctx.userId ?? 'unknown', text, ctx.locale),
      ]);
    }
    return args.action === 'import' ? importData(args, text, ctx) : applyEdit(args, text, ctx);
  },
  canonical: () => '',
});
