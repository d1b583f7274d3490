// The snapshot the repository ships (data/snapshot, built from data/raw = the five seeds):
// it must read with plain DuckDB SQL, and agree with its manifest.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../scripts/lib/ingest/run.ts';
import { TABLES } from '../../src/lib/snapshot/schema.ts';
import { AGGREGATES } from '../../src/lib/sql/index.ts';
import { openSnapshot } from '../../scripts/lib/sql.ts';
import type { IngestReport } from '../../src/lib/snapshot/plan.ts';
import { REPO_ROOT, SEEDS_DIR, duck, parquetCount, tableCount, tableFiles } from '../ingest/helpers.ts';

const SNAPSHOT = join(REPO_ROOT, 'data', 'snapshot');
const RAW = join(REPO_ROOT, 'data', 'raw');
const manifest = JSON.parse(readFileSync(join(SNAPSHOT, 'manifest.json'), 'utf8')) as Manifest;

describe('data/snapshot', () => {
  it('holds the five seed documents of five units', async () => {
    expect(readdirSync(RAW).sort()).toEqual(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort());
    for (const f of readdirSync(RAW)) expect(readFileSync(join(RAW, f)).equals(readFileSync(join(SEEDS_DIR, f))), f).toBe(true);
    expect(await tableCount(SNAPSHOT, 'documents')).toBe(5);
    expect(await tableCount(SNAPSHOT, 'units')).toBe(5);
  });

  it('has the row counts and checksums its manifest states', async () => {
    for (const t of TABLES) {
      const info = manifest.tables[t.name]!;
      expect(info.parts.length, t.name).toBeGreaterThan(0);
      for (const p of info.parts) {
        const path = join(SNAPSHOT, ...p.file.split('/'));
        expect(await parquetCount(path), p.file).toBe(p.rows);
        expect(createHash('sha256').update(readFileSync(path)).digest('hex'), p.file).toBe(p.sha256);
      }
      expect(info.parts.reduce((n, p) => n + p.rows, 0), t.name).toBe(info.rows);
    }
    for (const [name, info] of Object.entries(manifest.files))
      expect(createHash('sha256').update(readFileSync(join(SNAPSHOT, name))).digest('hex'), name).toBe(info.sha256);
    const report = JSON.parse(readFileSync(join(SNAPSHOT, 'ingest-report.json'), 'utf8')) as IngestReport;
    expect(report.inputs.map((i) => i.file).sort()).toEqual(readdirSync(RAW).sort());
    expect(manifest.inputs).toEqual({ total: 5, ok: 2, partial: 3, rejected: 0, synthetic: 0 });
  });

  it('is partitioned by year and province in the Hive layout, keys kept in the files', async () => {
    const facts = manifest.tables.facts!;
    expect(facts.partition_by).toEqual(['fiscal_year', 'province']);
    expect(facts.parts.map((p) => p.file)).toContain('facts/fiscal_year=2019/province=新疆维吾尔自治区/part-0.parquet');
    expect(facts.parts.map((p) => p.fiscal_year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(manifest.tables.units!.parts.map((p) => p.file)).toEqual(['units.parquet']);
    // Any Hive-aware reader prunes by the path: one year's facts are one file.
    const rows = await duck<{ n: number; y: number }>(
      `SELECT count(*)::INTEGER AS n, min(fiscal_year)::INTEGER AS y FROM read_parquet($1, hive_partitioning = true) WHERE fiscal_year = 2021`,
      [join(SNAPSHOT, 'facts', '**', '*.parquet')],
    );
    expect(rows[0]).toEqual({ n: facts.parts.find((p) => p.fiscal_year === 2021)!.rows, y: 2021 });
  });

  it('has region-level aggregates equal to the live views of aggregates.sql', async () => {
    const db = await openSnapshot(SNAPSHOT);
    try {
      for (const name of AGGREGATES) {
        const file = join(SNAPSHOT, ...manifest.aggregates[name]!.file.split('/'));
        const stored = await db.query(`SELECT * FROM read_parquet(?) ORDER BY ALL`, [file]);
        const live = await db.query(`SELECT * FROM ${name} ORDER BY ALL`);
        expect(stored, name).toEqual(live);
        expect(stored.length, name).toBe(manifest.aggregates[name]!.rows);
      }
      // Xinjiang's 2019 final accounts: 三公 of 水磨沟区网信办 (1.29) and of 自治区政府办公厅, 5 units in all.
      const [s] = await db.query<{ total: number; documents: number }>(
        "SELECT sum(total) AS total, sum(documents)::INTEGER AS documents FROM agg_figures WHERE key = 'sangong.total' AND fiscal_year = 2019 AND kind = 'final'",
      );
      const [u] = await db.query<{ total: number }>("SELECT sum(value) AS total FROM v_figures WHERE key = 'sangong.total' AND fiscal_year = 2019 AND kind = 'final'");
      expect(s!.total).toBeCloseTo(u!.total, 6);
      expect(s!.documents).toBe(2);
      const [c] = await db.query<{ documents: number; units: number }>('SELECT sum(documents)::INTEGER AS documents, sum(units)::INTEGER AS units FROM agg_coverage');
      expect(c).toEqual({ documents: 5, units: 5 });
    } finally {
      db.close();
    }
  });

  it('answers plain SQL over read_parquet', async () => {
    const rows = await duck<{ name: string; fiscal_year: number; value: number; derived: boolean }>(
      `SELECT u.name, f.fiscal_year::INTEGER AS fiscal_year, f.value, f.derived
       FROM read_parquet($1, hive_partitioning = true) f JOIN read_parquet($2) u ON u.unit_id = f.unit_id
       WHERE f.key = 'sangong.total' AND f.basis = 'actual' AND u.unit_id = 'u_ccaf1aa47f56277a'
       ORDER BY f.fiscal_year`,
      [join(SNAPSHOT, 'facts', '**', '*.parquet'), ...tableFiles(SNAPSHOT, 'units')],
    );
    expect(rows.map((r) => [r.fiscal_year, r.value, r.derived])).toEqual([[2018, 1.52, true], [2019, 1.29, false]]);
  });

  it('is small', () => {
    const total = readdirSync(SNAPSHOT, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((n, e) => n + readFileSync(join(e.parentPath, e.name)).length, 0);
    expect(total).toBeLessThan(400 * 1024);
  });
});
