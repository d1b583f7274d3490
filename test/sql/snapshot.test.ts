// The snapshot the repository ships (data/snapshot, built from data/raw = the five seeds):
// it must read with plain DuckDB SQL, and agree with its manifest.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../scripts/lib/ingest/run.ts';
import { TABLES } from '../../src/lib/snapshot/schema.ts';
import { REPO_ROOT, SEEDS_DIR, duck, parquetCount } from '../ingest/helpers.ts';

const SNAPSHOT = join(REPO_ROOT, 'data', 'snapshot');
const RAW = join(REPO_ROOT, 'data', 'raw');
const manifest = JSON.parse(readFileSync(join(SNAPSHOT, 'manifest.json'), 'utf8')) as Manifest;

describe('data/snapshot', () => {
  it('holds the five seed documents of five units', async () => {
    expect(readdirSync(RAW).sort()).toEqual(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort());
    for (const f of readdirSync(RAW)) expect(readFileSync(join(RAW, f)).equals(readFileSync(join(SEEDS_DIR, f))), f).toBe(true);
    expect(await parquetCount(join(SNAPSHOT, 'documents.parquet'))).toBe(5);
    expect(await parquetCount(join(SNAPSHOT, 'units.parquet'))).toBe(5);
  });

  it('has the row counts and checksums its manifest states', async () => {
    for (const t of TABLES) {
      const info = manifest.tables[t.name]!;
      expect(await parquetCount(join(SNAPSHOT, info.file)), t.name).toBe(info.rows);
      expect(createHash('sha256').update(readFileSync(join(SNAPSHOT, info.file))).digest('hex'), t.name).toBe(info.sha256);
    }
    for (const [name, info] of Object.entries(manifest.files))
      expect(createHash('sha256').update(readFileSync(join(SNAPSHOT, name))).digest('hex'), name).toBe(info.sha256);
    expect(manifest.inputs.map((i) => i.file).sort()).toEqual(readdirSync(RAW).sort());
  });

  it('answers plain SQL over read_parquet', async () => {
    const rows = await duck<{ name: string; fiscal_year: number; value: number; derived: boolean }>(
      `SELECT u.name, f.fiscal_year, f.value, f.derived
       FROM read_parquet($1) f JOIN read_parquet($2) u ON u.unit_id = f.unit_id
       WHERE f.key = 'sangong.total' AND f.basis = 'actual' AND u.unit_id = 'u_ccaf1aa47f56277a'
       ORDER BY f.fiscal_year`,
      [join(SNAPSHOT, 'facts.parquet'), join(SNAPSHOT, 'units.parquet')],
    );
    expect(rows.map((r) => [r.fiscal_year, r.value, r.derived])).toEqual([[2018, 1.52, true], [2019, 1.29, false]]);
  });

  it('is small', () => {
    const total = readdirSync(SNAPSHOT).reduce((n, f) => n + readFileSync(join(SNAPSHOT, f)).length, 0);
    expect(total).toBeLessThan(400 * 1024);
  });
});
