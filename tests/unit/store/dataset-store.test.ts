import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatasetStore } from '../../../src/persistence/files/dataset-file.js';
import { DataFileError } from '../../../src/persistence/files/json-file.js';
import { DATASET_PATH } from '../../helpers/services.js';

const dir = mkdtempSync(join(tmpdir(), 'apb-store-'));
const shipped = JSON.parse(readFileSync(DATASET_PATH, 'utf8'));

function fileWith(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(path: string): Promise<DataFileError> {
  const before = (() => {
    try {
      return { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
    } catch {
      return null;
    }
  })();
  const error = await openDatasetStore(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataFileError);
  if (before) {
    // Never overwritten: the bytes and the modification time are as they were.
    expect(readFileSync(path)).toEqual(before.bytes);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
  }
  return error as DataFileError;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the dataset', () => {
  it('loads, validates and indexes the shipped file', async () => {
    const view = (await openDatasetStore(DATASET_PATH)).current();
    expect(view.figure('ceti25_ai_KR')?.rank).toBe(9);
    expect(view.observations('ceti25_ai').map((f) => f.rank)).toEqual(
      [...view.observations('ceti25_ai').map((f) => f.rank)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(view.byCountry('KR').length).toBeGreaterThan(50);
    expect(view.byTag('talent_policy').map((f) => f.id)).toContain('talent_plan_aiforall_total');
    expect(view.editions('tortoise').map((s) => s.edition)).toEqual([
      ...Array(4).fill('2025'),
      ...Array(5).fill('2024'),
      '2023',
    ]);
    // Half-year and quarter editions order as time does.
    expect(view.editions('msdiff').map((s) => s.edition)).toEqual(['2026-Q1', '2025-H2']);
  });

  it('stops on a missing file, naming it', async () => {
    const error = await failure(join(dir, 'absent.json'));
    expect(error.message).toBe(`${join(dir, 'absent.json')}: file not found`);
  });

  it('stops on a directory', async () => {
    const path = join(dir, 'a-directory');
    mkdirSync(path);
    expect((await failure(path)).reason).toBe('is a directory, not a file');
  });

  it('stops on invalid JSON with the line and column', async () => {
    const error = await failure(fileWith('broken.json', '{\n  "schemaVersion": 1,\n}\n'));
    expect(error.reason).toMatch(/^invalid JSON: .*\(line 3, column 1\)$/);
  });

  it('stops on null and on an empty file instead of using defaults', async () => {
    expect((await failure(fileWith('null.json', 'null'))).reason).toBe('the file holds null instead of data');
    expect((await failure(fileWith('empty.json', '  \n'))).reason).toBe('the file is empty');
  });

  it('stops on schema errors, naming the record and the field', async () => {
    const bad = structuredClone(shipped);
    bad.figures[0].value = 'fourteen';
    bad.figures[3].source.url = 'not a url';
    const error = await failure(fileWith('invalid.json', JSON.stringify(bad)));
    expect(error.reason).toContain('figures[0] (ceti25_ai_KR).value: must be a number');
    expect(error.reason).toContain(`figures[3] (${shipped.figures[3].id}).source.url`);
  });
});
