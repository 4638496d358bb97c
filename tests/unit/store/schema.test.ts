import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../../src/core/dataset/dataset-schema.js';
import { describeIssues } from '../../../src/core/dataset/dataset-validation.js';
import { DATASET_PATH } from '../../helpers/services.js';

const shipped = JSON.parse(readFileSync(DATASET_PATH, 'utf8'));

function problems(mutate: (d: typeof shipped) => void): string {
  const copy = structuredClone(shipped);
  mutate(copy);
  const parsed = datasetSchema.safeParse(copy);
  if (parsed.success) return '';
  return describeIssues(parsed.error, copy);
}

const ceti = (d: typeof shipped) => d.figures.find((f: { id: string }) => f.id === 'ceti25_ai_KR');

describe('dataset schema rejects', () => {
  it.each([
    [
      'a duplicate figure id',
      (d: typeof shipped) => d.figures.push(structuredClone(d.figures[0])),
      'duplicate id "ceti25_ai_KR"',
    ],
    [
      'text where a number belongs',
      (d: typeof shipped) => Object.assign(ceti(d), { value: '14.1점' }),
      'value: must be a number',
    ],
    [
      'a bad URL',
      (d: typeof shipped) => Object.assign(ceti(d).source, { url: 'ftp://x' }),
      'source.url: must be an http(s) URL',
    ],
    [
      'an unknown country code',
      (d: typeof shipped) => Object.assign(ceti(d), { country: 'XX' }),
      'not an ISO 3166-1 alpha-2 country code',
    ],
    [
      'a lower-case country code',
      (d: typeof shipped) => Object.assign(ceti(d), { country: 'kr' }),
      'two upper-case letters',
    ],
    [
      'a country the dataset does not list',
      (d: typeof shipped) => Object.assign(ceti(d), { country: 'BR' }),
      'country "BR" is not listed',
    ],
    [
      'a rank beyond its field',
      (d: typeof shipped) => Object.assign(ceti(d), { rank: 27 }),
      'rank 27 is beyond its field of 26',
    ],
    [
      'a rank beyond the series field',
      (d: typeof shipped) => Object.assign(ceti(d), { rank: 27, rankOf: null }),
      'beyond the field of 26',
    ],
    [
      'a malformed date',
      (d: typeof shipped) =>
        Object.assign(
          d.figures.find((f: { id: string }) => f.id === 'aibasicact_passed'),
          { value: '26/12/2024' },
        ),
      'must be a date (YYYY-MM-DD)',
    ],
    ['an unknown series', (d: typeof shipped) => Object.assign(ceti(d), { series: 'nope' }), 'unknown series "nope"'],
    [
      'two observations of a country in a series',
      (d: typeof shipped) => d.figures.push({ ...structuredClone(ceti(d)), id: 'ceti25_ai_KR_2' }),
      'a second observation',
    ],
    [
      'an event citing a missing figure',
      (d: typeof shipped) => d.events[0].figures.push('ghost'),
      'unknown figure "ghost"',
    ],
    [
      'an impossible event date',
      (d: typeof shipped) => Object.assign(d.events[0], { date: '2025-13' }),
      'must be YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [
      'an index without a default edition',
      (d: typeof shipped) => {
        for (const s of d.series) s.default = false;
      },
      'needs exactly one default',
    ],
    [
      'a count without a noun',
      (d: typeof shipped) => Object.assign(ceti(d).unit, { code: 'count' }),
      'a count unit needs a noun',
    ],
    ['an unknown field', (d: typeof shipped) => Object.assign(ceti(d), { colour: 'red' }), 'colour'],
    [
      'a figure updating one that does not exist',
      (d: typeof shipped) => Object.assign(ceti(d), { supersedes: 'ghost' }),
      'unknown figure "ghost"',
    ],
    [
      'figures that update each other in a loop',
      (d: typeof shipped) => {
        const a = d.figures.find((f: { id: string }) => f.id === 'aii25_privinv2024_KR');
        Object.assign(a, { supersedes: 'aii26_privinv2025_KR' });
      },
      'supersedes itself in a loop',
    ],
    [
      'a milestone with a value, or a value missing from a quantity',
      (d: typeof shipped) => Object.assign(ceti(d), { value: null }),
      'value: must not be null',
    ],
    [
      'an event that happened otherwise without saying how',
      (d: typeof shipped) => {
        const e = d.events.find((x: { status?: string }) => x.status === 'happened_differently');
        delete e.outcome;
      },
      'say what happened instead',
    ],
    [
      'a claim checked against a missing figure',
      (d: typeof shipped) => Object.assign(d.claims[0].parts[0].check, { figure: 'ghost' }),
      'unknown figure "ghost"',
    ],
    [
      'a conflict naming a missing figure',
      (d: typeof shipped) => d.conflicts[0].figures.push('ghost'),
      'unknown figure "ghost"',
    ],
    [
      'an edition that is not a year, half or quarter',
      (d: typeof shipped) =>
        Object.assign(
          d.series.find((s: { id: string }) => s.id === 'msdiff26q1'),
          { edition: '2026 Q1' },
        ),
      'edition',
    ],
    ['a null dataset', (d: typeof shipped) => Object.assign(d, { figures: null }), 'figures'],
  ])('%s', (_name, mutate, expected) => {
    expect(problems(mutate)).toContain(expected);
  });

  it('accepts the shipped dataset', () => {
    expect(problems(() => {})).toBe('');
  });
});
