import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../src/commands/execute.js';
import { openDatasetStore } from '../../src/store/dataset-store.js';
import { renderMessage } from '../../src/transport/render-text.js';
import { capturingLogger, DATASET_PATH } from '../helpers/services.js';
import { messageText, withoutSlackMarkup } from '../helpers/slack-message.js';

const EVIL = '<!here> <!channel> <@U999> <https://evil.example|Official> & >';

/** The shipped dataset with hostile text in every label a briefing shows. */
async function hostileStore() {
  const data = JSON.parse(readFileSync(DATASET_PATH, 'utf8'));
  const poison = (l: { en: string; ko: string }) => ({ en: `${l.en} ${EVIL}`, ko: `${l.ko} ${EVIL}` });
  for (const s of data.series) s.name = poison(s.name);
  for (const c of data.countries) c.name = poison(c.name);
  for (const f of data.figures) {
    f.metric = poison(f.metric);
    f.period = poison(f.period);
    f.source.publisher = `${f.source.publisher} ${EVIL}`;
    if (f.rankScope) f.rankScope = poison(f.rankScope);
    if (f.unit.note) f.unit.note = poison(f.unit.note);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'apb-hostile-')), 'dataset.json');
  writeFileSync(path, JSON.stringify(data));
  return openDatasetStore(path);
}

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
    const reply = await executeCommand(
      { command, text: words.join(' ') },
      { store, defaultLocale: 'ko', focusCountry: 'KR', logger },
    );
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
