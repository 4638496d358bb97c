import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../escape.js';

/**
 * The one place that knows Slack's Block Kit limits. Builders compose these helpers and never produce a block
 * Slack would reject: long text is split or shortened here, not by each briefing.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Slack rejects messages at roughly 12–13k characters of block text (bolt-js #2509); stay below. */
  messageChars: 11_000,
  fallbackText: 3000,
} as const;

export interface Message {
  /** Notification and screen-reader text; always present. */
  text: string;
  blocks: KnownBlock[];
}

/** A header from plain (unescaped) text; & < > are escaped here, like everywhere else text reaches Slack. */
export function header(text: string): HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: escapeMrkdwn(truncate(text, LIMITS.headerText - 20)), emoji: true },
  };
}

export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

/** Packs lines into as few sections as fit, breaking only between lines. */
export function sections(lines: readonly string[]): SectionBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= LIMITS.sectionText) {
      current = next;
      continue;
    }
    if (current) chunks.push(current);
    current = line;
  }
  if (current) chunks.push(current);
  return chunks.map(section);
}

/** A monospaced table in a code block, split across sections between rows if long. */
export function codeSections(title: string, rows: readonly string[]): SectionBlock[] {
  const fence = '```';
  const budget = LIMITS.sectionText - title.length - fence.length * 2 - 4;
  const groups: string[][] = [[]];
  let size = 0;
  for (const row of rows) {
    const group = groups.at(-1) as string[];
    if (size + row.length + 1 > budget && group.length > 0) {
      groups.push([row]);
      size = row.length + 1;
    } else {
      group.push(row);
      size += row.length + 1;
    }
  }
  return groups.map((group, i) =>
    section(`${i === 0 && title ? `${title}\n` : ''}${fence}${group.join('\n')}${fence}`),
  );
}

export function fields(items: readonly string[]): SectionBlock {
  return {
    type: 'section',
    fields: items.slice(0, LIMITS.fields).map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.fieldText) })),
  };
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .filter((t) => t.length > 0)
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.contextText) })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, LIMITS.actionId),
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

export function actions(...buttons: Button[]): ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, 25) };
}

/** The characters of text a block carries: what Slack's undocumented per-message budget counts. */
export function blockChars(block: KnownBlock): number {
  switch (block.type) {
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'header':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + ('text' in e ? e.text.length : 0), 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + ('text' in e && e.text ? e.text.text.length : 0), 0);
    default:
      return 0;
  }
}

/** A section cut down to `max` characters in all, for the rare block that alone exceeds a message's budget. */
export function shrinkToFit(block: KnownBlock, max: number): KnownBlock {
  if (block.type !== 'section' || blockChars(block) <= max) return block;
  const parts = (block.text ? 1 : 0) + (block.fields?.length ?? 0);
  const each = Math.max(1, Math.floor(max / Math.max(1, parts)));
  return {
    ...block,
    ...(block.text ? { text: { ...block.text, text: truncate(block.text.text, each) } } : {}),
    ...(block.fields ? { fields: block.fields.map((f) => ({ ...f, text: truncate(f.text, each) })) } : {}),
  };
}
