import { describe, expect, it } from 'vitest';
import {
  button,
  codeSections,
  context,
  fields,
  header,
  LIMITS,
  section,
  sections,
} from '../../../src/core/blocks/blocks.js';
import { fitMessages } from '../../../src/core/blocks/reply.js';
import { limitViolations } from '../../helpers/slack-message.js';

describe('block helpers enforce Slack limits', () => {
  it('shortens over-long headers, sections, fields, context and buttons with a visible ellipsis', () => {
    const long = 'x'.repeat(5000);
    const blocks = [
      header(long),
      section(long),
      fields(Array(12).fill(long)),
      context(long),
      { type: 'actions' as const, elements: [button(long, 'a'.repeat(300), long)] },
    ];
    // Each block is within its own limits; fitting several into messages is fitMessages' job.
    for (const part of fitMessages({ text: 't', blocks }, 'ko')) expect(limitViolations(part)).toEqual([]);
    expect(header(long).text.text.endsWith('…')).toBe(true);
    expect(fields(Array(12).fill('a')).fields).toHaveLength(LIMITS.fields);
  });

  it('packs lines into sections without splitting a line', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i}:${'y'.repeat(200)}`);
    const packed = sections(lines);
    expect(packed.length).toBeGreaterThan(1);
    const rejoined = packed.map((s) => s.text?.text).join('\n');
    expect(rejoined).toBe(lines.join('\n'));
    for (const s of packed) expect(s.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('splits a long code table between rows, each part fenced', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${i} ${'z'.repeat(40)}`);
    const parts = codeSections('title', rows);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const text = part.text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(text.match(/```/g)).toHaveLength(2);
    }
    expect(parts[0]?.text?.text.startsWith('title\n```')).toBe(true);
  });
});
