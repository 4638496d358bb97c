import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/commands/execute.js';
import { ReplyCache } from '../../../src/commands/reply-cache.js';
import type { DatasetView } from '../../../src/core/dataset/dataset-view.js';
import { openDatasetStore } from '../../../src/persistence/files/dataset-file.js';
import { DATASET_PATH, services } from '../../helpers/services.js';

async function versions(): Promise<[DatasetView, DatasetView]> {
  const dir = mkdtempSync(join(tmpdir(), 'apb-cache-'));
  copyFileSync(DATASET_PATH, join(dir, 'v1.json'));
  const data = JSON.parse(readFileSync(DATASET_PATH, 'utf8'));
  data.version += 1;
  data.figures.find((f: { id: string }) => f.id === 'ceti25_ai_KR').rank = 8;
  writeFileSync(join(dir, 'v2.json'), JSON.stringify(data));
  return [
    (await openDatasetStore(join(dir, 'v1.json'))).current(),
    (await openDatasetStore(join(dir, 'v2.json'))).current(),
  ];
}

describe('reply cache', () => {
  it('answers a repeated pure command from the cache, and a new dataset version afresh', async () => {
    const [v1, v2] = await versions();
    let view = v1;
    const s = await services({ store: { current: () => view }, replies: new ReplyCache() });
    const request = { command: '/ai-rank', text: 'ceti', userId: 'U1' };
    const first = await executeCommand(request, s);
    expect(await executeCommand({ ...request, userId: 'U2' }, s)).toBe(first);
    expect(await executeCommand({ ...request, text: 'ceti --en' }, s)).not.toBe(first);
    view = v2;
    const fresh = await executeCommand(request, s);
    expect(fresh).not.toBe(first);
    // The edited rank shows: the cached v1 reply was not reused.
    expect(JSON.stringify(fresh?.messages)).not.toBe(JSON.stringify(first?.messages));
  });

  it('never caches commands that depend on the user or state, nor failures', async () => {
    const cache = new ReplyCache();
    const s = await services({ replies: cache });
    await executeCommand({ command: '/ai-digest', text: 'list', userId: 'U1' }, s);
    await executeCommand({ command: '/ai-data', text: 'show kcci_netai_2024_KR', userId: 'U1' }, s);
    expect(cache.size).toBe(0);
    await executeCommand({ command: '/ai-rank', text: 'nowhere-land', userId: 'U1' }, s);
    await executeCommand({ command: '/ai-help', text: '', userId: 'U1' }, s);
    expect(cache.size).toBe(2);
  });
});
