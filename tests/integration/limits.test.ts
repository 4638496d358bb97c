import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/briefings/reply.js';
import { executeCommand } from '../../src/commands/execute.js';
import { LOCALES } from '../../src/i18n/locale.js';
import type { Figure } from '../../src/store/schema.js';
import { capturingLogger, services, shippedStore } from '../helpers/services.js';
import { limitViolations, messageText, withoutSlackMarkup } from '../helpers/slack-message.js';

/**
 * Every command over every index edition and every country in the shipped dataset, in both languages: each
 * reply fits Slack's limits, escapes what it echoes, and names the source of every figure it shows.
 */

const view = (await shippedStore()).current();
const countries = view.countries().map((c) => c.code);
const editions = view.allSeries().filter((s) => s.index !== null);

async function run(command: string, text: string, focusCountry = 'KR'): Promise<{ reply: Reply; text: string }> {
  const logger = capturingLogger();
  const reply = await executeCommand(
    { command, text, userId: 'U1', channelId: 'C1' },
    await services({ focusCountry, logger }),
  );
  expect(reply, `${command} ${text}`).toBeDefined();
  expect(
    logger.entries.filter((e) => e.level === 'error'),
    `${command} ${text}`,
  ).toEqual([]);
  for (const message of reply?.messages ?? []) {
    expect(limitViolations(message), `${command} ${text}`).toEqual([]);
    expect(withoutSlackMarkup(messageText(message)), `${command} ${text}`).not.toMatch(/[<>]/);
  }
  return { reply: reply as Reply, text: (reply?.messages ?? []).map(messageText).join('\n') };
}

function expectSourced(text: string, figures: readonly Figure[], label: string): void {
  for (const f of figures) expect(text, `${label}: source of ${f.id}`).toContain(`<${f.source.url}|`);
}

describe.each(LOCALES)('every combination in %s', (locale) => {
  const flag = `--${locale}`;

  it(`/ai-rank for every country (${countries.length})`, async () => {
    for (const country of countries) {
      const { reply, text } = await run('/ai-rank', `${country} ${flag}`);
      expect(reply.kind).toBe('answer');
      const shown = editions.map((s) => view.observation(s.id, country)).filter((f): f is Figure => f !== undefined);
      expectSourced(text, shown, `/ai-rank ${country}`);
    }
  });

  it(`/ai-rank for every index edition (${editions.length}) × every country (${countries.length})`, async () => {
    for (const series of editions) {
      const words = [series.index, series.edition, series.variantAliases[0]].filter(Boolean).join(' ');
      for (const country of ['', ...countries]) {
        const { reply, text } = await run('/ai-rank', `${words} ${country} ${flag}`);
        expect(reply.kind, `${words} ${country}`).toBe('answer');
        expect(text).toContain(series.name[locale]);
        const rows = view
          .observations(series.id)
          .filter((f, i) => i < 10 || f.country === 'KR' || f.country === country);
        expectSourced(text, rows, `/ai-rank ${words} ${country}`);
      }
    }
  });

  it('/talent-gap with every focus country, and comparing with every country', async () => {
    for (const country of countries) {
      const alone = await run('/talent-gap', flag, country);
      expect(alone.reply.kind).toBe('answer');
      expectSourced(
        alone.text,
        view.byTag('talent_supply').filter((f) => f.country === country),
        `/talent-gap focus ${country}`,
      );
      const compared = await run('/talent-gap', `${country} ${flag}`);
      expect(compared.reply.kind).toBe('answer');
      const comparable = view.allSeries().filter((s) => s.category === 'talent');
      const shown = comparable.flatMap((s) =>
        ['KR', country].map((c) => view.observation(s.id, c)).filter((f): f is Figure => !!f),
      );
      expectSourced(compared.text, shown, `/talent-gap ${country}`);
    }
  });

  it('/talent-gap with the most countries allowed', async () => {
    const { reply } = await run('/talent-gap', `US JP CN GB DE ${flag}`);
    expect(reply.kind).toBe('answer');
  });

  it('/ai-help and help for every command', async () => {
    for (const command of ['/ai-rank', '/talent-gap', '/ai-help']) {
      expect((await run(command, `help ${flag}`)).reply.kind).toBe('answer');
    }
    expect((await run('/ai-help', flag)).reply.kind).toBe('answer');
  });
});
