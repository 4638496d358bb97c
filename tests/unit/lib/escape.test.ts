import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defangLinks,
  escapeMrkdwn,
  mrkdwnLink,
  stripInvisible,
  truncate,
  unescapeMrkdwn,
} from '../../../src/core/escape.js';

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

describe('defangLinks', () => {
  it('breaks schemes and domains so no client turns them into links', () => {
    expect(defangLinks('see https://evil.example/x and www.evil.co.kr or mailto:a@b.example')).toBe(
      'see https[:]//evil[.]example/x and www[.]evil[.]co[.]kr or mailto:a@b[.]example',
    );
  });

  it('leaves ordinary prose alone, in both languages', () => {
    for (const text of [
      'Korea ranks below the U.S. and Japan, e.g. in talent.',
      '한국은 미국보다 낮습니다. 인재 유출도 큽니다.',
    ]) {
      expect(defangLinks(text)).toBe(text);
    }
  });

  it('never leaves a URL a linkifier would find', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.string(), (url, prose) => {
        expect(defangLinks(`${prose} ${url} ${prose}`)).not.toMatch(/\b[a-z][a-z0-9+.-]*:\/\/|[a-z0-9-]\.[a-z]{2,}\b/i);
      }),
      { numRuns: 3000 },
    );
    // Found by the property above: a hyphen on its own as the first label.
    expect(defangLinks('-.AA http://a.aa -.AA')).toBe('-[.]AA http[:]//a[.]aa -[.]AA');
  });
});
