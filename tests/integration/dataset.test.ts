import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDataset, readResearch } from '../../scripts/import-research.js';
import { datasetSchema } from '../../src/core/dataset/dataset-schema.js';
import { isoCountries } from '../../src/core/vocabulary/countries.js';
import { DATASET_PATH } from '../helpers/services.js';

const dataset = datasetSchema.parse(JSON.parse(readFileSync(DATASET_PATH, 'utf8')));
const byId = new Map(dataset.figures.map((f) => [f.id, f]));
const { records, byFile, curation } = readResearch();

describe('the committed dataset', () => {
  it('passes the schema', () => {
    expect(datasetSchema.safeParse(JSON.parse(readFileSync(DATASET_PATH, 'utf8'))).success).toBe(true);
  });

  it('has unique ids everywhere', () => {
    for (const list of [dataset.figures, dataset.series, dataset.events, dataset.indices]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('uses valid http(s) URLs and ISO 3166 country codes', () => {
    for (const f of dataset.figures) {
      for (const url of [f.source.url, ...f.source.corroboratingUrls])
        expect(new URL(url).protocol).toMatch(/^https?:$/);
      if (f.country) expect(isoCountries.isValid(f.country), f.id).toBe(true);
    }
    for (const c of dataset.countries) expect(isoCountries.isValid(c.code)).toBe(true);
  });

  it('keeps numbers numeric and ranks within their field', () => {
    for (const f of dataset.figures) {
      const numeric = !['text', 'date', 'none'].includes(f.unit.code);
      expect(typeof f.value === 'number', f.id).toBe(numeric);
      expect(f.value === null, f.id).toBe(f.unit.code === 'none');
      const series = f.series ? dataset.series.find((s) => s.id === f.series) : undefined;
      const field = f.rankOf ?? series?.field?.size ?? null;
      if (f.rank !== null && field !== null) expect(f.rank, f.id).toBeLessThanOrEqual(field);
    }
  });

  it('ranks every observation of a ranking series', () => {
    for (const series of dataset.series.filter((s) => s.category === 'ranking')) {
      const observations = dataset.figures.filter((f) => f.series === series.id);
      expect(observations.length, series.id).toBeGreaterThan(0);
      for (const f of observations) expect(f.rank, f.id).not.toBeNull();
    }
  });

  it('dates every event and sources it through existing figures', () => {
    for (const e of dataset.events) {
      expect(e.figures.length).toBeGreaterThan(0);
      for (const id of e.figures) expect(byId.get(id)?.source.url, `${e.id} → ${id}`).toMatch(/^https?:/);
    }
  });
});

describe('provenance from the research file', () => {
  it('imports every record of both research files under its own id', () => {
    expect(byFile['figures-research.json']).toHaveLength(220);
    expect(byFile['figures-2026.json']).toHaveLength(215);
    for (const r of records) expect(byId.has(r.id), r.id).toBe(true);
    expect(dataset.figures).toHaveLength(records.length);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('keeps what each record updates and the Korean publisher names the research gave', () => {
    for (const r of records) {
      const f = byId.get(r.id);
      expect(f?.supersedes, r.id).toBe(r.supersedes);
      if (r.supersedes) expect(byId.has(r.supersedes), `${r.id} → ${r.supersedes}`).toBe(true);
      if (r.source_publisher_ko) expect(f?.source.shortName?.ko, r.id).toBe(r.source_publisher_ko);
      expect(f?.source.shortName?.en, r.id).toBeTruthy();
    }
    expect(records.filter((r) => r.supersedes)).toHaveLength(63);
  });

  it('keeps each value, rank, source, quote, confidence and verification as researched', () => {
    for (const r of records) {
      const f = byId.get(r.id);
      expect(f?.value, r.id).toEqual(r.value);
      expect(f?.rank, r.id).toEqual(r.rank);
      expect(f?.source, r.id).toEqual({
        publisher: r.source_publisher,
        shortName: f?.source.shortName,
        title: r.source_title,
        url: r.url,
        publishedOn: r.publication_date,
        quote: r.snippet,
        corroboratingUrls: r.corroborating_urls,
      });
      expect([f?.confidence, f?.verification, f?.notes, f?.unit.source], r.id).toEqual([
        r.confidence,
        r.verification,
        r.notes,
        r.unit ?? 'none',
      ]);
      // English wording differs only where the curation removes a Korean gloss, and says so.
      expect(f?.metric, r.id).toEqual({ en: curation.englishFixes[r.id]?.metric ?? r.metric_en, ko: r.metric_ko });
    }
  });

  it('is what the import script builds from the research file and the curation', () => {
    const built = buildDataset(records, curation, dataset.updatedAt);
    expect(built.figures).toEqual(dataset.figures);
    expect(built.series).toEqual(dataset.series);
    expect(built.events).toEqual(dataset.events);
    expect(built.claims).toEqual(dataset.claims);
    expect(built.conflicts).toEqual(dataset.conflicts);
  });

  it('respects the known caveats', () => {
    const ceti = byId.get('ceti25_ai_KR');
    expect([ceti?.rank, ceti?.rankOf, ceti?.value]).toEqual([9, 26, 14.1]);
    expect(ceti?.rankScope?.en).toContain('Europe');
    expect(byId.get('ratio_CN_KR_2023')?.value).toBe(5.6);
    const claim = byId.get('article_unverified_cn_multiple');
    expect([claim?.confidence, claim?.verification]).toEqual(['low', 'unverified_from_article']);
    expect(byId.get('kcci_netai_2024_KR')).toMatchObject({ value: -0.36, rank: 35, rankOf: 38 });
  });

  it('documents what was left out in data/README.md', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../data/README.md', import.meta.url)), 'utf8');
    expect(readme).toMatch(/## Left out/);
  });
});
