import { describe, expect, it } from 'vitest';
import { annualSeries, investmentByYear } from '../../src/briefings/invest/invest-data.js';
import { currentRankings } from '../../src/briefings/rank/rank-entries.js';
import { executeCommand } from '../../src/commands/execute.js';
import type { Reply } from '../../src/core/blocks/reply.js';
import type { Figure } from '../../src/core/dataset/dataset-schema.js';
import { isCurrent } from '../../src/core/dataset/editions.js';
import { LOCALES } from '../../src/core/i18n/locale.js';
import { messages } from '../../src/core/i18n/messages.js';
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

/** Every figure the reply says it shows (as the present or as history) carries its source link. */
function expectAllSourced(reply: Reply, text: string, label: string): void {
  const shown = [...(reply.figures ?? []), ...(reply.history ?? [])];
  expect(shown.length, label).toBeGreaterThan(0);
  expectSourced(text, shown, label);
}

describe.each(LOCALES)('every combination in %s', (locale) => {
  const flag = `--${locale}`;

  it(`/ai-rank for every country (${countries.length})`, async () => {
    for (const country of countries) {
      const { reply, text } = await run('/ai-rank', `${country} ${flag}`);
      expect(reply.kind).toBe('answer');
      // The newest edition of every line that ranks the country (currency.test.ts checks which ones).
      const newest = currentRankings(view, country).map((e) => e.figure);
      expectSourced(text, newest, `/ai-rank ${country}`);
      if (newest.length > 0) expectAllSourced(reply, text, `/ai-rank ${country}`);
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
      expectAllSourced(compared.reply, compared.text, `/talent-gap ${country}`);
    }
  });

  it('/talent-gap with the most countries allowed', async () => {
    const { reply } = await run('/talent-gap', `US JP CN GB DE ${flag}`);
    expect(reply.kind).toBe('answer');
  });

  it('/ai-invest for every year × every country, with the figures it shows sourced', async () => {
    for (const { year, series } of annualSeries(view)) {
      for (const country of ['', ...countries]) {
        const { reply, text } = await run('/ai-invest', `${year} ${country} ${flag}`);
        expect(reply.kind, `${year} ${country}`).toBe('answer');
        const shown = view
          .observations(series.id)
          .filter((f, i) => i < 10 || f.country === 'KR' || f.country === country);
        expectSourced(text, shown, `/ai-invest ${year} ${country}`);
        const trend = investmentByYear(view, country || 'KR').map((y) => y.figure);
        expectSourced(text, trend, `/ai-invest ${year} ${country} trend`);
        expectAllSourced(reply, text, `/ai-invest ${year} ${country}`);
        expect(reply.charts?.length ?? 0).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('/ai-compare of Korea with every country, and of every country with the focus on it', async () => {
    for (const country of countries.filter((c) => c !== 'KR')) {
      const { reply, text } = await run('/ai-compare', `KR ${country} ${flag}`);
      expect(reply.kind).toBe('answer');
      // A pair that shares no measure says so; any other shows (and sources) the measures they share.
      if ([...(reply.figures ?? []), ...(reply.history ?? [])].length === 0) {
        expect(text).toContain(messages(locale).compareNone);
      } else expectAllSourced(reply, text, `/ai-compare KR ${country}`);
    }
    const { reply } = await run('/ai-compare', `US CN JP DE FR ${flag}`);
    expect(reply.kind).toBe('answer');
  });

  it('/sovereign-ai and /ai-timeline (past, upcoming, every count shape)', async () => {
    const sovereign = await run('/sovereign-ai', flag);
    expect(sovereign.reply.kind).toBe('answer');
    // Every current programme figure is shown (older ones only where they are history), each sourced.
    expectSourced(
      sovereign.text,
      view.byCategory('sovereign_ai').filter((f) => isCurrent(view, f)),
      '/sovereign-ai',
    );
    expectAllSourced(sovereign.reply, sovereign.text, '/sovereign-ai');
    for (const text of ['', 'past', 'upcoming', 'past 30', 'upcoming 1', '지난 3']) {
      const { reply, text: shown } = await run('/ai-timeline', `${text} ${flag}`);
      expect(reply.kind, text).toBe('answer');
      expect(shown).toMatch(/<https?:\/\//);
    }
    const all = await run('/ai-timeline', `past 30 ${flag}`);
    const upcoming = await run('/ai-timeline', `upcoming 30 ${flag}`);
    for (const event of view.events()) {
      const first = view.figure(event.figures[0] ?? '');
      if (first) expect(all.text + upcoming.text, event.id).toContain(`<${first.source.url}|`);
    }
  });

  it('/ai-help and help for every command', async () => {
    for (const command of [
      '/ai-rank',
      '/talent-gap',
      '/ai-invest',
      '/ai-compare',
      '/sovereign-ai',
      '/ai-timeline',
      '/ai-help',
    ]) {
      expect((await run(command, `help ${flag}`)).reply.kind).toBe('answer');
    }
    expect((await run('/ai-help', flag)).reply.kind).toBe('answer');
  });
});
