import type { KnownBlock } from '@slack/types';
import type { Message } from '../../core/blocks/blocks.js';
import { unescapeMrkdwn } from '../../core/escape.js';

/** Slack mrkdwn as a terminal shows it: links become "label (url)", markup is dropped, entities decoded. */
export function mrkdwnToText(mrkdwn: string): string {
  const plain = mrkdwn
    .replace(/```/g, '')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => `${label} (${url})`)
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#([A-Z0-9]+)\|([^>]+)>/g, '#$2')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2');
  return unescapeMrkdwn(plain);
}

function renderBlock(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return ['', `■ ${block.text.text}`, ''];
    case 'section':
      return [
        ...(block.text ? mrkdwnToText(block.text.text).split('\n') : []),
        ...(block.fields ?? []).map((f) => `  ${mrkdwnToText(f.text)}`),
      ];
    case 'context':
      return block.elements.map((e) => `  · ${'text' in e ? mrkdwnToText(e.text) : ''}`);
    case 'divider':
      return ['─'.repeat(40)];
    case 'actions':
      return [block.elements.map((e) => ('text' in e && e.text ? `[ ${e.text.text} ]` : '[ … ]')).join(' ')];
    case 'image':
      return [`[image: ${block.alt_text}]`];
    default:
      return [];
  }
}

export function renderMessage(message: Message): string {
  return message.blocks.flatMap(renderBlock).join('\n').trim();
}
