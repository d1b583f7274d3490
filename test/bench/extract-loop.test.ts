import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTexts, runRound, sampleFiles } from '../../scripts/lib/bench/extract-loop.ts';
import { recordRows } from '../../src/lib/snapshot/rows.ts';
import { extract } from '../../src/lib/extract/index.ts';
import { placeOf } from '../../src/lib/snapshot/units.ts';
import { stageRecord } from '../../scripts/lib/ingest/staging.ts';
import { SEEDS_DIR, readSeeds } from '../../scripts/lib/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'fl-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench:threads sample and loop', () => {
  it('samples every step-th file by name, at most the count asked', () => {
    // Written out of order: the sample follows the sorted names, not the directory's order.
    for (const n of [7, 2, 9, 0, 4, 1, 8, 3, 6, 5]) writeFileSync(join(dir, `d${n}.txt`), String(n));
    expect(sampleFiles(dir, 3).files.map((f) => f.slice(dir.length + 1))).toEqual(['d0.txt', 'd3.txt', 'd6.txt']);
    expect(sampleFiles(dir, 3)).toMatchObject({ step: 3, of: 10 });
    expect(sampleFiles(dir, 4).files.map((f) => f.slice(dir.length + 1))).toEqual(['d0.txt', 'd2.txt', 'd4.txt', 'd6.txt']);
    expect(sampleFiles(dir, 50).files).toHaveLength(10);
  });

  it('times the ingest worker’s own steps on a document: extract, rows, CSV', () => {
    const seeds = readSeeds();
    const texts = readTexts(seeds.map((s) => join(SEEDS_DIR, s.name)));
    expect(texts).toEqual(seeds.map((s) => s.text));
    const round = runRound(texts);
    // The bytes it counts are the staged CSV the ingest's workers would send for these documents.
    const expected = texts.reduce((n, t) => {
      const r = extract(t, 'bench.txt');
      const s = stageRecord(recordRows(r, { doc_id: 'bench', unit_id: null }), { doc_id: 'bench', unit_id: null, fiscal_year: r.fiscal_year, province: placeOf(r.region).province });
      return n + Object.values(s.csv).reduce((m, b) => m + b.length, 0);
    }, 0);
    expect(round.bytes).toBe(expected);
    expect(round.bytes).toBeGreaterThan(100_000);
    expect(round.total_ms).toBeGreaterThanOrEqual(round.extract_ms);
  });
});
