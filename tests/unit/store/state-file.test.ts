import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StateFile } from '../../../src/persistence/files/state-file.js';

const schema = z.strictObject({ items: z.array(z.strictObject({ n: z.number().int().nonnegative() })) });
type State = z.infer<typeof schema>;

function file(): StateFile<State> {
  return new StateFile(join(mkdtempSync(join(tmpdir(), 'apb-state-')), 'state.json'), schema, () => ({ items: [] }));
}

describe('StateFile', () => {
  it('commits hundreds of concurrent changes, each resolving with its own result once on disk', async () => {
    const state = file();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, n) =>
        state.update((draft) => {
          draft.items.push({ n });
          return draft.items.length;
        }),
      ),
    );
    expect(new Set(results).size).toBe(300);
    const onDisk = JSON.parse(readFileSync(state.path, 'utf8')) as State;
    expect(onDisk.items.map((i) => i.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, n) => n));
  });

  it('rejects only the change that failed or broke the schema; the others in its batch are kept', async () => {
    const state = file();
    const outcomes = await Promise.allSettled([
      state.update((d) => d.items.push({ n: 1 })),
      state.update(() => {
        throw new Error('refused');
      }),
      state.update((d) => d.items.push({ n: -5 })),
      state.update((d) => d.items.push({ n: 2 })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((await state.read()).items).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('sees another process’s write (a new file) rather than its cached copy', async () => {
    const state = file();
    await state.update((d) => d.items.push({ n: 1 }));
    const other = new StateFile(state.path, schema, () => ({ items: [] }));
    await other.update((d) => d.items.push({ n: 2 }));
    expect((await state.read()).items).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
