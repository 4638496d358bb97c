import { describe, expect, it } from 'vitest';
import { section } from '../../../src/core/blocks/blocks.js';
import { answerReply, decodeShare, encodeShare, fitMessages, SHARE_ACTION_ID } from '../../../src/core/blocks/reply.js';
import { limitViolations, messageText } from '../../helpers/slack-message.js';

const many = (n: number, size: number) => Array.from({ length: n }, (_, i) => section(`${i}|${'w'.repeat(size)}`));

describe('fitMessages', () => {
  it('keeps a small briefing in one message', () => {
    const [only, ...rest] = fitMessages({ text: 'hello', blocks: many(3, 10) }, 'ko');
    expect(rest).toEqual([]);
    expect(only?.text).toBe('hello');
  });

  it('splits at block boundaries, marks each part, and loses no block', () => {
    const blocks = many(120, 300);
    const parts = fitMessages({ text: 'long', blocks }, 'en');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(limitViolations(part)).toEqual([]);
      expect(part.text).toContain(`(continued ${i + 1}/${parts.length})`);
    }
    const seen = parts.flatMap((p) => messageText(p).split('\n')).filter((l) => /^\d+\|/.test(l));
    expect(seen).toEqual(blocks.map((b) => b.text?.text));
  });

  it('shortens with a visible note instead of sending more than four messages', () => {
    const parts = fitMessages({ text: 'huge', blocks: many(400, 2000) }, 'ko');
    expect(parts).toHaveLength(4);
    expect(messageText(parts[3] ?? { text: '', blocks: [] })).toContain('생략');
    for (const part of parts) expect(limitViolations(part)).toEqual([]);
  });
});

describe('share button', () => {
  it('is added to the last message and carries the command to run again', () => {
    const reply = answerReply({ text: 't', blocks: many(2, 5) }, 'ko', { command: '/ai-rank', text: 'ceti --en' });
    const last = reply.messages.at(-1)?.blocks.at(-1);
    expect(last?.type).toBe('actions');
    const button = last?.type === 'actions' ? last.elements[0] : undefined;
    expect(button && 'action_id' in button ? button.action_id : '').toBe(SHARE_ACTION_ID);
    const value = button && 'value' in button ? button.value : undefined;
    expect(decodeShare(value)).toEqual({ v: 1, c: '/ai-rank', t: 'ceti --en' });
  });

  it('is left out when the command text is too long to carry', () => {
    expect(encodeShare('/ai-rank', 'x'.repeat(1600))).toBeNull();
    const reply = answerReply({ text: 't', blocks: many(1, 5) }, 'ko', { command: '/ai-rank', text: 'x'.repeat(1600) });
    expect(reply.messages[0]?.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('rejects tampered or foreign values', () => {
    expect(decodeShare('not json')).toBeNull();
    expect(decodeShare(JSON.stringify({ v: 1, c: 'ai-rank; rm -rf', t: '' }))).toBeNull();
    expect(decodeShare(undefined)).toBeNull();
  });
});
