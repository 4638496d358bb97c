import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localSurface } from '../../src/adapters/console/local-surface.js';
import { executeCommand } from '../../src/commands/execute.js';
import { hasControl } from '../../src/core/escape.js';
import { figuresToCsv } from '../../src/data-admin/csv.js';
import { confirmId, dataHarness } from '../helpers/data-harness.js';
import { digestHarness } from '../helpers/digest-harness.js';
import { DATASET_PATH } from '../helpers/services.js';
import { messageText } from '../helpers/slack-message.js';

/** /ai-data and the side paths as an admin's mistakes and a hostile file exercise them, through executeCommand. */

describe('CSV import and export', () => {
  it.each([
    // The classic: an opening quote in the last row used to swallow the rest of the file without a word.
    // The header is line 1, so the last of the 435 figures is line 436.
    ['an unterminated quote', (rows: string[]) => rows.splice(-2, 1, `${rows.at(-2)}"never closed`), /436번째 줄/],
    [
      'text after a closing quote',
      (rows: string[]) => rows.splice(2, 1, rows[2]?.replace(/^([^,]*),/, '$1,"x"y,') ?? ''),
      /3번째 줄, 2번째 열\(category\)/,
    ],
  ])('%s: refused with the line and column, nothing swallowed, nothing changed', async (_name, breakIt, where) => {
    const { run, store, dataDir, path: datasetPath } = await dataHarness();
    const before = readFileSync(datasetPath, 'utf8');
    const lines = figuresToCsv(store.current().allFigures()).split('\r\n');
    breakIt(lines);
    const path = join(dataDir, 'broken.csv');
    writeFileSync(path, lines.join('\r\n'));
    const { reply, text } = await run(`/ai-data import ${path} --yes`);
    expect(reply.kind).toBe('error');
    expect(text).toMatch(where);
    expect(readFileSync(datasetPath, 'utf8')).toBe(before);
  });

  it('exports CSV as UTF-8 with a byte order mark, so Excel shows Korean correctly', async () => {
    const { run, dataDir } = await dataHarness();
    await run('/ai-data export csv', 'U0ANYONE');
    const bytes = readFileSync(join(dataDir, 'exports', 'ai-policy-brief-dataset-v1.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('대한민국');
  });
});

describe('pending previews', () => {
  it('keep an import as its changes, expire, and stay few however many are made', async () => {
    const { run, store, dataAdmin, dataDir } = await dataHarness({ interactive: true });
    const figures = structuredClone([...store.current().allFigures()]);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const path = join(dataDir, `upload-${i}.csv`);
      writeFileSync(path, figuresToCsv(figures.map((f) => (f.id === 'ceti25_ai_KR' ? { ...f, value: 15 + i } : f))));
      ids.push(confirmId((await run(`/ai-data import ${path}`)).reply));
    }
    const file = join(dataDir, 'pending-edits.json');
    // Eight whole datasets were about 3 MB; their changes are one figure each.
    expect(statSync(file).size).toBeLessThan(50_000);
    const kept = JSON.parse(readFileSync(file, 'utf8')).pending as unknown[];
    expect(kept.length).toBeLessThanOrEqual(3);
    expect((await dataAdmin.confirm(ids[0] ?? '', 'U0ADMIN1')).status).toBe('expired');
    expect((await dataAdmin.confirm(ids[7] ?? '', 'U0ADMIN1')).status).toBe('applied');
    expect(store.current().figure('ceti25_ai_KR')?.value).toBe(22);
  });
});

describe('words shaped like object properties', () => {
  it.each([
    '/ai-data constructor',
    '/ai-data __proto__',
    '/ai-data toString',
    '/ai-digest constructor',
    '/ai-lang constructor',
    '/ai-timeline __proto__',
  ])('%s is an unknown word, not an unexpected error', async (line) => {
    const { run } = await dataHarness();
    const { reply, text } = await run(line);
    expect(reply.kind).toBe('error');
    expect(text).not.toContain('참조 번호');
    expect(text).not.toContain('처리 중 문제가 발생했습니다');
  });

  it('set … __proto__=1 is an unknown field, and changes nothing', async () => {
    const { run, stored } = await dataHarness();
    const before = await stored();
    const { reply, text } = await run('/ai-data set ceti25_ai_KR __proto__=1 --yes');
    expect(reply.kind).toBe('error');
    expect(text).toContain('__proto__');
    expect(await stored()).toBe(before);
  });

  it('a set that changes nothing says so and writes nothing: no version, no backup, no audit entry', async () => {
    const { run, store, dataDir, stored } = await dataHarness();
    const before = await stored();
    const { reply, text } = await run('/ai-data set ceti25_ai_KR value=14.1 --yes');
    expect(reply.kind).toBe('error');
    expect(text).toContain('바꿀 것이 없어');
    expect(await stored()).toBe(before);
    expect(store.current().version).toBe(1);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    expect((await store.audit.entries()).filter((e) => e.status === 'committed')).toEqual([]);
  });
});

describe('input limits', () => {
  const quotation =
    'Korea ranks ninth among the twenty five countries and the European bloc in the artificial intelligence ' +
    'sector of the Critical and Emerging Technologies Index published by the Belfer Center this year';

  it('a real quotation in quotes counts as one word', async () => {
    expect(quotation.split(' ').length).toBeGreaterThan(24);
    const { run, store } = await dataHarness();
    const { reply } = await run(`/ai-data set ceti25_ai_KR quote="${quotation}" --yes`);
    expect(reply.kind).toBe('answer');
    expect(store.current().figure('ceti25_ai_KR')?.source.quote).toBe(quotation);
  });

  it('more than 24 words outside quotes, or a quoted value beyond 2,000 characters, are refused', async () => {
    const { run, stored } = await dataHarness();
    const before = await stored();
    expect((await run(`/ai-rank ${'한국 '.repeat(25)}`)).text).toContain('단어 24개 이하');
    const long = await run(`/ai-data set ceti25_ai_KR quote="${'가'.repeat(2001)}" --yes`);
    expect(long.text).toContain('2000자 이하');
    expect(await stored()).toBe(before);
  });
});

describe('control characters', () => {
  it('are stripped where input enters: never echoed, never stored', async () => {
    const { run, store } = await dataHarness();
    const echoed = await run('/ai-rank nar\u0000nia\u0007\u009b');
    expect(echoed.text).toContain('narnia');
    expect(hasControl(echoed.text)).toBe(false);
    await run('/ai-data set ceti25_ai_KR notes="bell\u0007 and nul\u0000 here" --yes');
    expect(store.current().figure('ceti25_ai_KR')?.notes).toBe('bell and nul here');
  });

  it('are refused by the schema in an imported file', async () => {
    const { run, store, dataDir, stored } = await dataHarness();
    const before = await stored();
    const figures = store
      .current()
      .allFigures()
      .map((f) => (f.id === 'ceti25_ai_KR' ? { ...f, notes: 'hidden\u0000text' } : f));
    const path = join(dataDir, 'control.json');
    writeFileSync(path, JSON.stringify({ figures }));
    const { reply, text } = await run(`/ai-data import ${path} --yes`);
    expect(reply.kind).toBe('error');
    expect(text).toContain('control character');
    expect(await stored()).toBe(before);
  });
});

/** The harness with digests on the same DATA_DIR, driven as Slack drives it. */
async function withDigests(options: Parameters<typeof dataHarness>[0] = {}) {
  const harness = await dataHarness(options);
  const digests = await digestHarness({ dataDir: harness.dataDir });
  const run = async (line: string, userId = 'U0ADMIN1') => {
    const space = line.indexOf(' ');
    const reply = await executeCommand(
      {
        command: space < 0 ? line : line.slice(0, space),
        text: space < 0 ? '' : line.slice(space + 1),
        userId,
        channelId: 'C0DATA',
        surface: { ...localSurface(join(harness.dataDir, 'exports'), 'ko'), interactive: options.interactive ?? false },
      },
      { ...harness.services, digests: digests.service },
    );
    if (!reply) throw new Error('no such command');
    return { reply, text: reply.messages.map(messageText).join('\n') };
  };
  return { ...harness, digests, run, stop: () => digests.slack.stop() };
}

it('/ai-digest subscribe constructor is refused as an unknown word by a bot that has digests', async () => {
  const { run, stop } = await withDigests();
  try {
    const { reply, text } = await run('/ai-digest subscribe constructor');
    expect(reply.kind).toBe('error');
    expect(text).toContain('constructor');
    expect(text).not.toContain('참조 번호');
  } finally {
    await stop();
  }
});

/** A real full file system (tmpfs), where this machine lets the test mount one. */
function mountFull(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'apb-full-side-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}

function fill(dir: string): void {
  let size = 64 * 1024;
  for (let i = 0; size >= 1; i += 1) {
    try {
      writeFileSync(join(dir, `filler-${i}`), Buffer.alloc(size));
    } catch {
      size = Math.floor(size / 2);
    }
  }
}

describe('disk full on the side paths', () => {
  const dir = mountFull();
  afterAll(() => {
    if (dir) execFileSync('umount', [dir], { stdio: 'ignore' });
  });

  it.runIf(dir !== null)(
    'previews, subscriptions, /ai-lang and /ai-digest now say the disk is full; nothing changed',
    async () => {
      const dataDir = dir as string;
      copyFileSync(DATASET_PATH, join(dataDir, 'dataset.json'));
      const bot = await withDigests({ dataDir, interactive: true });
      try {
        expect((await bot.run('/ai-digest subscribe weekly mon 09:00')).reply.kind).toBe('answer');
        fill(dataDir);
        for (const line of [
          '/ai-data set ceti25_ai_KR value=15',
          '/ai-digest subscribe daily 08:00',
          '/ai-lang en',
          '/ai-digest now',
        ]) {
          const { reply, text } = await bot.run(line);
          expect(reply.kind, line).toBe('error');
          expect(text, line).toContain('디스크 공간 부족, ENOSPC');
          expect(text, line).toContain('바뀐 것은 없습니다');
        }
        expect(await bot.services.preferences.get('U0ADMIN1')).toBeUndefined();
        expect((await bot.digests.service.subscriptions.list()).map((x) => x.frequency)).toEqual(['weekly']);
        expect(bot.digests.slack.messages).toEqual([]);
        expect(bot.store.current().figure('ceti25_ai_KR')?.value).toBe(14.1);

        const refused = await bot.run('/ai-data set ceti25_ai_KR value=15 --yes', 'U0MALLORY');
        expect(refused.text).toContain('이 시도는 기록하지 못했습니다');
        expect(refused.text).not.toContain('기록했습니다');
      } finally {
        await bot.stop();
      }
    },
  );
});

describe('mrkdwn and fallback text', () => {
  it('/ai-digest now names the channel and links the message beside it (never a link inside a link label)', async () => {
    const bot = await withDigests();
    try {
      await bot.run('/ai-digest subscribe weekly mon 09:00');
      const { reply, text } = await bot.run('/ai-digest now');
      expect(reply.kind).toBe('answer');
      expect(text).toContain('<#C0DATA>');
      expect(text).toMatch(/<https:\/\/slack\.com\/archives\/C0DATA\/p\d+\|메시지 보기>/);
      expect(text).not.toMatch(/<[^<>]*\|<#/);
    } finally {
      await bot.stop();
    }
  });

  it.each([
    ['/ai-brief 한국 AI 순위는?', /AI 브리프 — 한국 AI 순위는\?: .*(위|점)/],
    ['/ai-brief Korea AI ranking --en', /AI brief — Korea AI ranking: .*(th|st|nd|rd)/],
    ['/ai-timeline', /AI 정책 일정: \d{4}/],
    ['/ai-timeline past --en', /AI policy milestones: .*\d{4}/],
  ])('%s carries its headline in the notification text', async (line, headline) => {
    const { run } = await dataHarness();
    const { reply } = await run(line);
    expect(reply.messages[0]?.text).toMatch(headline);
  });
});
