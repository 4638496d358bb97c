import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink, stripInvisible, truncate, unescapeMrkdwn } from '../../../src/lib/escape.js';

describe('escapeMrkdwn', () => {
  it('neutralises mentions, links and entities', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <https://x|y> &amp;')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x|y&gt; &amp;amp;',
    );
  });

  it('never leaves a raw < or > and round-trips (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const escaped = escapeMrkdwn(s);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        expect(unescapeMrkdwn(escaped)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mrkdwnLink', () => {
  it('keeps the URL and escapes a hostile label', () => {
    expect(mrkdwnLink('https://a.example/x?y=1&z=2', 'A <!here> | B')).toBe(
      '<https://a.example/x?y=1&z=2|A &lt;!here&gt; ¦ B>',
    );
  });

  it('cannot be broken out of by the URL', () => {
    expect(mrkdwnLink('https://a.example/<!channel>|x', 'ok')).toBe('<https://a.example/%3C!channel%3E%7Cx|ok>');
  });
});

describe('stripInvisible and truncate', () => {
  it('removes zero-width and direction controls', () => {
    expect(stripInvisible('K\u200bR\u202e\u2066')).toBe('KR');
  });

  it('truncates by code point with an ellipsis', () => {
    expect(truncate('대한민국만세', 4)).toBe('대한민…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(Array.from(truncate('😀'.repeat(10), 5))).toHaveLength(5);
  });
});
