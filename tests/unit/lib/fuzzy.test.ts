import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../src/core/vocabulary/fuzzy.js';

describe('editDistance', () => {
  it('counts edits, including a transposition as one', () => {
    expect(editDistance('korea', 'korea')).toBe(0);
    expect(editDistance('kroea', 'korea')).toBe(1);
    expect(editDistance('ceti', 'cetti')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('compares Hangul by jamo, so a one-letter slip is close', () => {
    expect(editDistance('한국', '한궁')).toBe(1);
  });

  it('stops early past the budget', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });
});

describe('nearest', () => {
  const candidates = [
    { key: 'korea', label: 'South Korea' },
    { key: 'southkorea', label: 'South Korea' },
    { key: 'ceti', label: 'ceti' },
    { key: 'tortoise', label: 'tortoise' },
  ];

  it('suggests close and prefix matches once each, closest first', () => {
    expect(nearest('kroea', candidates)).toEqual(['South Korea']);
    expect(nearest('tort', candidates)).toEqual(['tortoise']);
  });

  it('suggests nothing for unrelated text', () => {
    expect(nearest('zzzzzz', candidates)).toEqual([]);
  });
});
