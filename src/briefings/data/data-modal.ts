import type { InputBlock, View } from '@slack/types';
import type { FieldName } from '../../core/dataset/figure-fields.js';
import { cleanInput, truncate } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';

/** The "add a figure" modal: one input per field, block ids = field names, so errors land on the right field. */

export const ADD_MODAL_CALLBACK = 'data_add';

const MODAL_FIELDS: { field: FieldName | 'id'; optional: boolean; hint?: string }[] = [
  { field: 'series', optional: true, hint: 'ceti25_ai' },
  { field: 'country', optional: true, hint: 'KR' },
  { field: 'value', optional: false, hint: '14.1' },
  { field: 'rank', optional: true, hint: '9' },
  { field: 'period', optional: false, hint: '2025 edition' },
  { field: 'period_ko', optional: true, hint: '2025년판' },
  { field: 'metric', optional: true, hint: 'Belfer CETI 2025 — AI sector' },
  { field: 'metric_ko', optional: true },
  { field: 'category', optional: true, hint: 'ranking' },
  { field: 'unit', optional: true, hint: 'index_score' },
  { field: 'source_url', optional: false, hint: 'https://…' },
  { field: 'publisher', optional: false },
  { field: 'title', optional: true },
  { field: 'published', optional: true, hint: '2025-06-05' },
  { field: 'quote', optional: true },
  { field: 'confidence', optional: true, hint: 'high | medium | low' },
  { field: 'id', optional: true },
];

export const MODAL_BLOCKS: ReadonlySet<string> = new Set(MODAL_FIELDS.map((f) => f.field));

function input(field: string, optional: boolean, locale: Locale, hint?: string): InputBlock {
  const t = messages(locale);
  return {
    type: 'input',
    block_id: field,
    optional,
    label: { type: 'plain_text', text: optional ? `${field} (${t.dataModalOptional})` : field },
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: field === 'quote',
      ...(hint ? { placeholder: { type: 'plain_text', text: truncate(hint, 150) } } : {}),
    },
  };
}

export function buildAddModal(locale: Locale, channelId: string | undefined): View {
  const t = messages(locale);
  return {
    type: 'modal',
    callback_id: ADD_MODAL_CALLBACK,
    private_metadata: JSON.stringify({ channelId: channelId ?? null, locale }),
    title: { type: 'plain_text', text: t.dataModalTitle },
    submit: { type: 'plain_text', text: t.dataModalSubmit },
    close: { type: 'plain_text', text: t.dataModalClose },
    blocks: MODAL_FIELDS.map((f) => input(f.field, f.optional, locale, f.hint)),
  };
}

/** The typed values of a submitted add modal, by field name. */
export function modalValues(state: Record<string, Record<string, { value?: string | null }>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [block, actions] of Object.entries(state)) {
    const value = actions.value?.value;
    const clean = typeof value === 'string' ? cleanInput(value).trim() : '';
    if (clean !== '') out[block] = clean;
  }
  return out;
}
