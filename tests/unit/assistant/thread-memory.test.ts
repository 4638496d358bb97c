import { describe, expect, it } from 'vitest';
import { ThreadMemory } from '../../../src/commands/assistant/threads.js';
import { questionLocale } from '../../../src/commands/assistant/turn.js';

describe('ThreadMemory', () => {
  it('keeps each thread apart and merges updates', () => {
    const memory = new ThreadMemory();
    memory.update('D1', '1.1', { figureIds: ['a'] });
    memory.update('D1', '1.2', { figureIds: ['b'], locale: 'en' });
    memory.update('D1', '1.1', { context: { channel_id: 'C1' } });
    expect(memory.get('D1', '1.1')).toEqual({ figureIds: ['a'], context: { channel_id: 'C1' } });
    expect(memory.get('D1', '1.2')?.locale).toBe('en');
    expect(memory.get('D2', '1.1')).toBeUndefined();
  });

  it('forgets threads after a week and holds at most five thousand', () => {
    let now = 0;
    const memory = new ThreadMemory(() => now);
    memory.update('D1', 'old', { figureIds: ['a'] });
    now = 7 * 24 * 3600_000 + 1;
    expect(memory.get('D1', 'old')).toBeUndefined();
    for (let i = 0; i < 5001; i += 1) memory.update('D1', String(i), {});
    expect(memory.size).toBe(5000);
    expect(memory.get('D1', '0')).toBeUndefined();
    expect(memory.get('D1', '5000')).toBeDefined();
  });
});

describe('questionLocale', () => {
  it('follows a flag, then the script of the question, then the thread', () => {
    expect(questionLocale('한국 AI 순위 --en', 'ko')).toBe('en');
    expect(questionLocale('Korea AI rank', 'ko')).toBe('en');
    expect(questionLocale('한국의 AI 순위는?', 'en')).toBe('ko');
    expect(questionLocale('??', 'en')).toBe('en');
    expect(questionLocale('KR AI GPU', 'ko')).toBe('ko');
    expect(questionLocale('KR AI GPU', 'en')).toBe('en');
  });
});
