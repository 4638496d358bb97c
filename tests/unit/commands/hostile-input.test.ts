import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/commands/execute.js';
import { commands } from '../../../src/commands/registry.js';
import { capturingLogger, services } from '../../helpers/services.js';
import { limitViolations, messageText, withoutSlackMarkup } from '../../helpers/slack-message.js';

const HOSTILE = [
  '',
  '   \t\n ',
  'CeTi',
  'KoReA',
  '한국 --en',
  'x'.repeat(5000),
  'korea '.repeat(900),
  '<!channel>',
  '<!here|here> korea',
  '<@U123>',
  '<@U123|bob> ceti',
  '<https://evil.example|official>',
  '&amp; &lt;b&gt;',
  '&lt;!channel&gt;',
  '😀 🇰🇷 👍🏽',
  '\u200b\u200bkorea\u200d',
  '\u202ekorea\u202c',
  'ceti\u2066 2025\u2069',
  'ＣＥＴＩ　２０２５',
  '"ceti" \'2025\'',
  '`ceti`',
  '*bold* _it_ ~s~',
  'help --en',
  'lang:en lang:ko',
  '\u0000\u0007',
];

async function check(command: string, text: string) {
  const logger = capturingLogger();
  const reply = await executeCommand({ command, text, userId: 'U1', channelId: 'C1' }, await services({ logger }));
  expect(reply).toBeDefined();
  expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  for (const message of reply?.messages ?? []) {
    expect(limitViolations(message)).toEqual([]);
    const visible = withoutSlackMarkup(messageText(message));
    expect(visible).not.toMatch(/[<>]/);
    expect(message.text).not.toMatch(/<[!@#]/);
  }
  return reply;
}

describe('hostile command text', () => {
  for (const command of commands) {
    it.each(HOSTILE.map((t) => [JSON.stringify(t).slice(0, 40), t]))(
      `${command.name} %s: a private, escaped reply`,
      async (_label, text) => {
        const reply = await check(command.name, text);
        expect(reply?.visibility).toBe('ephemeral');
      },
    );
  }

  it('echoes nothing that could ping or link', async () => {
    const reply = await check('/ai-rank', '<!channel> <@U123> <https://evil.example|x>');
    const text = reply?.messages.map(messageText).join('\n') ?? '';
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('never throws or fails on arbitrary text for any command (property)', async () => {
    const base = await services();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands.map((c) => c.name)),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        async (command, text) => {
          const logger = capturingLogger();
          const reply = await executeCommand({ command, text }, { ...base, logger });
          expect(reply).toBeDefined();
          expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
          for (const message of reply?.messages ?? []) {
            expect(limitViolations(message)).toEqual([]);
            expect(withoutSlackMarkup(messageText(message))).not.toMatch(/[<>]/);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('parses words that mix the vocabulary with noise (property)', async () => {
    const base = await services();
    const words = fc.constantFrom(
      'ceti',
      '벨퍼',
      'korea',
      '일본',
      '2024',
      'tortoise',
      'overall',
      '인재',
      'us',
      'zz',
      '--en',
      'help',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands.map((c) => c.name)),
        fc.array(words, { maxLength: 8 }),
        async (command, list) => {
          const logger = capturingLogger();
          const reply = await executeCommand({ command, text: list.join(' ') }, { ...base, logger });
          expect(reply?.messages.length).toBeGreaterThan(0);
          expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
