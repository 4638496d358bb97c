import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echo, parseCommandText, splitWords } from '../../../src/core/command-input.js';

describe('parseCommandText', () => {
  it('lower-cases, splits and reads language and help flags anywhere', () => {
    expect(parseCommandText('  CETI   2025 --EN ')).toEqual({
      tokens: ['ceti', '2025'],
      raw: 'CETI   2025 --EN',
      locale: 'en',
      help: false,
    });
    expect(parseCommandText('lang:ko help')).toMatchObject({ tokens: [], locale: 'ko', help: true });
    expect(parseCommandText('도움말')).toMatchObject({ tokens: [], help: true });
  });

  it('folds full-width letters and drops invisible characters', () => {
    expect(parseCommandText('ＫＲ').tokens).toEqual(['kr']);
    expect(parseCommandText('K\u200bR\u202e').tokens).toEqual(['kr']);
  });

  it('decodes Slack entities so that &amp; is one character', () => {
    expect(parseCommandText('a&amp;b &lt;x&gt;').tokens).toEqual(['a&b', '<x>']);
  });

  it('never throws and only yields non-empty, space-free tokens (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        const input = parseCommandText(s);
        for (const token of input.tokens) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).not.toMatch(/\s/u);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('splitWords', () => {
  it('keeps quoted phrases together, with straight or curly quotes, and keeps case', () => {
    expect(splitWords('set X period="2025 edition" publisher=“Dong-A Ilbo” value=3')).toEqual([
      'set',
      'X',
      'period=2025 edition',
      'publisher=Dong-A Ilbo',
      'value=3',
    ]);
  });
});

describe('echo', () => {
  it('shows user words short and inert', () => {
    expect(echo('<!channel>')).toBe('&lt;!channel&gt;');
    expect(Array.from(echo('x'.repeat(100)))).toHaveLength(40);
  });
});
