import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPass, sampleFiles } from '../../scripts/lib/bench/extract-loop.ts';
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

  it('runs a worker’s own steps on each file: read, hash, decode, extract, rows, CSV', () => {
    const seeds = readSeeds();
    const pass = runPass(seeds.map((s) => join(SEEDS_DIR, s.name)));
    // The bytes it counts are the staged CSV an ingest worker sends for these files (the same
    // document id, so the same bytes).
    const expected = seeds.reduce((n, s) => {
      const r = extract(s.text, s.name);
      const doc_id = createHash('sha256').update(s.bytes).digest('hex');
      const staged = stageRecord(recordRows(r, { doc_id, unit_id: null }), { doc_id, unit_id: null, fiscal_year: r.fiscal_year, province: placeOf(r.region).province });
      return n + Object.values(staged.csv).reduce((m, b) => m + b.length, 0);
    }, 0);
    expect(pass.docs).toBe(5);
    expect(pass.bytes).toBe(expected);
    expect(pass.bytes).toBeGreaterThan(100_000);
    expect(pass.total_ms).toBeGreaterThanOrEqual(pass.extract_ms);
  });
});
