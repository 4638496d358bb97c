import type { KnownBlock } from '@slack/types';
import type { Message } from '../../src/core/blocks/blocks.js';

/** All text a message carries, in block order (what a reader sees, as mrkdwn). */
export function messageText(message: Message): string {
  return message.blocks.map(blockText).join('\n');
}

export function blockText(block: KnownBlock): string {
  switch (block.type) {
    case 'section':
      return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)].join('\n');
    case 'header':
      return block.text.text;
    case 'context':
      return block.elements.map((e) => ('text' in e ? e.text : '')).join('\n');
    case 'actions':
      return block.elements.map((e) => ('text' in e && e.text ? e.text.text : '')).join('\n');
    default:
      return '';
  }
}

/** Every limit Slack enforces on a message, as a list of violations (empty when the message is valid). */
export function limitViolations(message: Message): string[] {
  const problems: string[] = [];
  if (!message.text || message.text.trim() === '') problems.push('missing fallback text');
  if (message.blocks.length > 50) problems.push(`${message.blocks.length} blocks`);
  let total = 0;
  for (const block of message.blocks) {
    const text = blockText(block);
    total += text.length;
    if (block.type === 'header' && block.text.text.length > 150) problems.push('header over 150');
    if (block.type === 'section') {
      if (block.text && (block.text.text.length > 3000 || block.text.text.length === 0))
        problems.push('section text length');
      if ((block.fields ?? []).length > 10) problems.push('more than 10 fields');
      if ((block.fields ?? []).some((f) => f.text.length > 2000)) problems.push('field over 2000');
      if (!block.text && !block.fields) problems.push('empty section');
    }
    if (block.type === 'context' && (block.elements.length === 0 || block.elements.length > 10))
      problems.push('context elements');
    if (block.type === 'actions') {
      for (const e of block.elements) {
        if (
          e.type === 'button' &&
          (e.text.text.length > 75 || (e.value ?? '').length > 2000 || e.action_id === undefined)
        )
          problems.push('button limits');
      }
    }
  }
  if (total > 12_000) problems.push(`${total} characters of block text`);
  return problems;
}

/** Text with links, user mentions and special mentions removed: what must never contain raw < or >. */
export function withoutSlackMarkup(text: string): string {
  return text
    .replace(/<https?:\/\/[^|>\s]+\|[^<>]*>/g, '')
    .replace(/<@[A-Z0-9]+>/g, '')
    .replace(/<#[A-Z0-9]+>/g, '');
}
