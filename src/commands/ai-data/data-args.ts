import { echo, splitWords } from '../../core/command-input.js';
import { FIELD_NAMES, type FieldValues, readFields } from '../../core/dataset/figure-fields.js';
import { UserError } from '../../core/errors.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import { wordTable } from '../../core/vocabulary/word-table.js';

/** The text of `/ai-data …`, read with case and quotes kept (URLs, names and quotations are free text). */

export type DataArgs =
  | { action: 'show' | 'history'; id: string }
  | { action: 'search'; query: string }
  | { action: 'log'; count: number }
  | { action: 'set'; id: string; fields: FieldValues; yes: boolean }
  | { action: 'add'; fields: FieldValues & { id?: string }; yes: boolean }
  | { action: 'remove' | 'restore'; id: string; yes: boolean }
  | { action: 'undo'; yes: boolean }
  | { action: 'export'; format: 'csv' | 'json' }
  | { action: 'import'; path?: string; yes: boolean };

export const CHANGING = new Set(['set', 'add', 'remove', 'restore', 'undo', 'import']);

const ACTIONS = wordTable<DataArgs['action']>({
  show: 'show',
  보기: 'show',
  search: 'search',
  검색: 'search',
  set: 'set',
  수정: 'set',
  add: 'add',
  추가: 'add',
  remove: 'remove',
  삭제: 'remove',
  restore: 'restore',
  복구: 'restore',
  history: 'history',
  이력: 'history',
  undo: 'undo',
  되돌리기: 'undo',
  log: 'log',
  기록: 'log',
  export: 'export',
  내보내기: 'export',
  import: 'import',
  가져오기: 'import',
});

const FLAGS = /^(?:--?(?:ko|en|kr|kor|eng)|lang[:=](?:ko|en)|help|--help|-h|\?|도움말)$/i;
const YES = /^(?:--yes|-y|--confirm)$/i;

function need(word: string | undefined, locale: Locale): string {
  if (!word) throw new UserError('missing_id', [messages(locale).dataUsage]);
  return word;
}

export function parseDataArgs(raw: string, locale: Locale): DataArgs {
  const t = messages(locale);
  const all = splitWords(raw).filter((w) => !FLAGS.test(w));
  const yes = all.some((w) => YES.test(w));
  const [first, ...rest] = all.filter((w) => !YES.test(w));
  const action = ACTIONS[(first ?? 'search').toLowerCase()];
  if (!first) throw new UserError('usage', [t.dataUsage]);
  if (!action) throw new UserError('unknown_action', [t.unknownTerm(echo(first)), t.dataUsage]);
  const { fields, unknown, positional, id: idField } = readFields(rest);
  if (unknown.length > 0 && (action === 'set' || action === 'add')) {
    throw new UserError('unknown_fields', [t.dataUnknownFields(unknown.map(echo).join(', '), FIELD_NAMES.join(', '))]);
  }
  switch (action) {
    case 'show':
    case 'history':
      return { action, id: need(positional[0], locale) };
    case 'search':
      return { action, query: need(rest.join(' ').trim() || undefined, locale) };
    case 'log':
      return { action, count: Math.min(50, Math.max(1, Number.parseInt(positional[0] ?? '10', 10) || 10)) };
    case 'set': {
      if (Object.keys(fields).length === 0) throw new UserError('no_fields', [t.dataNoFields]);
      return { action, id: need(positional[0], locale), fields, yes };
    }
    case 'add':
      return { action, fields: idField ? { ...fields, id: idField } : fields, yes };
    case 'remove':
    case 'restore':
      return { action, id: need(positional[0], locale), yes };
    case 'undo':
      return { action, yes };
    case 'export':
      return { action, format: positional[0]?.toLowerCase() === 'json' ? 'json' : 'csv' };
    case 'import':
      return positional[0] ? { action, path: positional[0], yes } : { action, yes };
  }
}
