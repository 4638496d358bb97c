import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/adapters/console/render-text.js';
import { executeCommand } from '../../src/commands/execute.js';
import { EVIL, hostileStore } from '../helpers/hostile.js';
import { capturingLogger, services } from '../helpers/services.js';
import { messageText, withoutSlackMarkup } from '../helpers/slack-message.js';

describe('hostile text in the dataset', () => {
  it.each([
    '/ai-rank',
    '/ai-rank ceti',
    '/ai-rank vibrancy 2025 japan',
    '/talent-gap',
    '/talent-gap us jp',
    '/ai-rank --en',
  ])('%s shows it literally and pings no one', async (line) => {
    const store = await hostileStore();
    const [command = '', ...words] = line.split(' ');
    const logger = capturingLogger();
    const reply = await executeCommand({ command, text: words.join(' ') }, await services({ store, logger }));
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    const text = reply?.messages.map(messageText).join('\n') ?? '';
    expect(text).toContain('&lt;!here&gt;');
    expect(withoutSlackMarkup(text)).not.toMatch(/[<>]/);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example');
    // The terminal shows the same characters the dataset holds.
    expect(reply?.messages.map(renderMessage).join('\n')).toContain(EVIL);
  });
});
