// The ingest on the five seeds, end to end: worker threads, DuckDB Parquet files, manifest,
// dictionary and report, all read back with plain DuckDB SQL (read_parquet).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult, Manifest } from '../../scripts/lib/ingest/run.ts';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import type { IngestReport } from '../../src/lib/snapshot/plan.ts';
import { TABLES } from '../../src/lib/snapshot/schema.ts';
import { SEEDS_DIR, UNITS_CSV, cleanup, duck, parquetCount, seedFolder, seedSnapshot, tableFiles, tempDir } from './helpers.ts';

let snap: IngestResult;
let dir: string;
/** All files of a table: a glob over its partitions (units is one file). */
const pq = (t: string) => (t === 'units' ? join(dir, 'units.parquet') : join(dir, t, '**', '*.parquet'));

beforeAll(async () => {
  snap = await seedSnapshot('ingest', { jobs: 2 }); // worker threads, as the command runs
  dir = snap.out;
});
afterAll(cleanup);

describe('seed snapshot', () => {
  it('has 5 documents of 5 units', async () => {
    expect(await parquetCount(pq('documents'))).toBe(5);
    expect(await parquetCount(pq('units'))).toBe(5);
    const docs = await duck<{ status: string; encoding: string; synthetic: boolean }>('SELECT status, encoding, synthetic FROM read_parquet($1, hive_partitioning = false)', [pq('documents')]);
    for (const d of docs) expect(d).toMatchObject({ encoding: 'utf-8', synthetic: false, status: expect.stringMatching(/^(ok|partial)$/) });
  });

  it('row counts in the manifest equal the Parquet files, checksums match the bytes', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(Object.keys(manifest.tables)).toEqual(TABLES.map((t) => t.name));
    for (const t of TABLES) {
      const info = manifest.tables[t.name]!;
      expect(await parquetCount(pq(t.name)), t.name).toBe(info.rows);
      let bytes = 0;
      for (const p of info.parts) {
        const b = readFileSync(join(dir, ...p.file.split('/')));
        expect(b.length, p.file).toBe(p.bytes);
        expect(createHashHex(b), p.file).toBe(p.sha256);
        expect(await parquetCount(join(dir, ...p.file.split('/'))), p.file).toBe(p.rows);
        bytes += b.length;
      }
      expect(bytes, t.name).toBe(info.bytes);
    }
    expect(snap.report.inputs.map((i) => i.file)).toEqual(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort());
    expect(manifest.inputs.total).toBe(5);
    expect(manifest.tables.facts!.rows).toBeGreaterThan(300);
    expect(manifest.files['DATA_DICTIONARY.md']!.sha256).toBe(createHashHex(readFileSync(join(dir, 'DATA_DICTIONARY.md'))));
  });

  it('Parquet columns and types are those of schema.ts', async () => {
    for (const t of TABLES) {
      const cols = await duck<{ column_name: string; column_type: string }>('DESCRIBE SELECT * FROM read_parquet($1, hive_partitioning = false)', [pq(t.name)]);
      expect(cols.map((c) => [c.column_name, c.column_type])).toEqual(t.columns.map((c) => [c.name, c.type]));
    }
  });

  it('holds 水磨沟区网信办 三公 2019 = 1.29 and the derived 2018 = 1.52 with its sentence', async () => {
    const rows = await duck<{ fiscal_year: number; value: number; derived: boolean; source_text: string }>(
      `SELECT f.fiscal_year, f.value, f.derived, f.source_text
       FROM read_parquet($1, hive_partitioning = false) f JOIN read_parquet($2, hive_partitioning = false) u USING (unit_id)
       WHERE u.name = $3 AND f.key = 'sangong.total' AND f.basis = 'actual' ORDER BY f.fiscal_year`,
      [pq('facts'), pq('units'), '中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室'],
    );
    expect(rows.map((r) => [r.fiscal_year, r.value, r.derived])).toEqual([[2018, 1.52, true], [2019, 1.29, false]]);
    expect(rows[0]!.source_text).toContain('减少0.23');
  });

  it('derives only from final accounts', async () => {
    const [r] = await duck<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM read_parquet($1, hive_partitioning = false) WHERE derived AND (kind <> 'final' OR basis <> 'actual')`,
      [pq('facts')],
    );
    expect(r!.n).toBe(0);
    const budgetDerived = await duck(`SELECT 1 FROM read_parquet($1, hive_partitioning = false) WHERE derived AND fiscal_year = 2018 AND unit_id = 'u_1c5000c3cd686568'`, [pq('facts')]);
    expect(budgetDerived).toEqual([]); // seed 003 is a budget: its stated changes yield nothing
  });

  it('has the alias printed in the 绩效自评表 of seed 000 on its unit', async () => {
    const [u] = await duck<{ aliases: string[]; sector: string; level: string }>('SELECT aliases, sector, level FROM read_parquet($1, hive_partitioning = false) WHERE unit_id = $2', [pq('units'), 'u_ccaf1aa47f56277a']);
    expect(u).toEqual({ aliases: ['中共乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室'], sector: 'cyberspace', level: 'county' });
  });

  it('writes function lines with 类/款 and fund', async () => {
    const [l] = await duck<Record<string, unknown>>(`SELECT * FROM read_parquet($1, hive_partitioning = false) WHERE code = '2290402'`, [pq('function_lines')]);
    expect(l).toMatchObject({ fund: 'govfund', lei_code: '229', kuan_code: '22904', amount: 30374.42, fiscal_year: 2022 });
  });

  it('reports every input with its unit resolution', () => {
    const report = JSON.parse(readFileSync(join(dir, 'ingest-report.json'), 'utf8')) as IngestReport;
    expect(report.summary).toMatchObject({ inputs: 5, rejected: 0, documents: 5, units: 5, unresolved_units: 0 });
    expect(report.inputs.every((i) => i.unit?.resolution === 'known')).toBe(true);
    expect(report.inputs.every((i) => i.change === 'new')).toBe(true);
    for (const i of report.inputs) expect(i.warnings).toBe(i.warning_messages.length);
  });

  it('writes the data dictionary', () => {
    const md = readFileSync(join(dir, 'DATA_DICTIONARY.md'), 'utf8');
    for (const t of TABLES) for (const c of t.columns) expect(md).toContain(`\`${c.name}\``);
  });

  it('stays small', () => {
    const total = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((n, e) => n + readFileSync(join(e.parentPath, e.name)).length, 0);
    expect(total).toBeLessThan(400 * 1024);
  });
});

describe('incremental and deterministic', () => {
  it('re-extracts nothing unchanged, and writes the same tables', async () => {
    const raw = seedFolder('incremental');
    const out = join(tempDir('incremental-out'), 'snapshot');
    const cacheDir = join(tempDir('incremental-cache'), 'records');
    const first = await runIngest({ inputs: [raw], out, unitsCsv: UNITS_CSV, cacheDir, quiet: true, jobs: 0 });
    expect(first.cached).toBe(0);
    const second = await runIngest({ inputs: [raw], out, unitsCsv: UNITS_CSV, cacheDir, quiet: true, jobs: 0 });
    expect(second.cached).toBe(5);
    expect(second.manifest.tables).toEqual(first.manifest.tables);
    expect(second.manifest.version).toBe(first.manifest.version);
    expect(second.manifest.created).toBe(first.manifest.created); // same content, same date
    expect(second.report.inputs.map((i) => i.change)).toEqual(Array(5).fill('unchanged'));
    // And the same tables as the shared seed snapshot, built without a cache.
    expect(second.manifest.tables).toEqual(snap.manifest.tables);

    // A changed file is re-extracted; a damaged cache entry is a miss, not an error.
    const name = readdirSync(raw).sort()[0]!;
    writeFileSync(join(raw, name), readFileSync(join(raw, name), 'utf8') + '\n');
    writeFileSync(join(cacheDir, `${second.report.inputs[1]!.doc_id}.json`), '{ not json');
    const third = await runIngest({ inputs: [raw], out, unitsCsv: UNITS_CSV, cacheDir, quiet: true, jobs: 0 });
    expect(third.cached).toBe(3);
    expect(third.report.inputs.map((i) => i.change)).toEqual(['changed', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(third.report.summary.rejected).toBe(0);
  });

  it('lists a unit name missing from the registry as unresolved', async () => {
    const units = join(tempDir('units'), 'units.csv');
    writeFileSync(units, readFileSync(UNITS_CSV, 'utf8').split('\n').filter((l) => !l.includes('u_b68bc1129cc3e4b5')).join('\n'));
    const r = await runIngest({ inputs: [SEEDS_DIR], out: join(tempDir('units-out'), 's'), unitsCsv: units, cacheDir: null, quiet: true, jobs: 0 });
    expect(r.report.unresolved_units).toEqual([{ name: '乌鲁木齐市水磨沟区政府办公室', unit_id: 'u_b68bc1129cc3e4b5', files: ['002_8ea6cf5e3bc14dc5.txt'] }]);
    expect(r.report.inputs.find((i) => i.file.startsWith('002_'))!.unit!.resolution).toBe('new');
    expect(r.report.summary.units).toBe(5);
    expect(existsSync(join(r.out, 'manifest.json'))).toBe(true);
  });
});

/** The facts of a snapshot's Parquet files, by document. */
async function factsByDoc(dir: string): Promise<Map<string, { key: string; basis: string; value: number }[]>> {
  const files = tableFiles(dir, 'facts');
  const rows = await duck<{ doc_id: string; key: string; basis: string; value: number }>(`SELECT doc_id, key, basis, value FROM read_parquet([${files.map((_, i) => `$${i + 1}`).join(', ')}])`, files);
  const out = new Map<string, { key: string; basis: string; value: number }[]>();
  for (const r of rows) out.set(r.doc_id, [...(out.get(r.doc_id) ?? []), r]);
  return out;
}

function createHashHex(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

describe('a document that hangs or kills its worker', () => {
  // window 1: no file is read ahead of the oldest unfinished one, so the other worker waits out the hang.
  it.each([{ window: undefined }, { window: 1 }])('is reported, and the others are ingested (window $window)', async ({ window }) => {
    process.env.FISCALLENS_TEST_HANG_ON = '001_';
    process.env.FISCALLENS_TEST_DIE_ON = '003_';
    try {
      const r = await runIngest({ inputs: [SEEDS_DIR], out: join(tempDir('hang'), 's'), unitsCsv: UNITS_CSV, cacheDir: null, quiet: true, jobs: 2, timeoutMs: 1500, window });
      const by = Object.fromEntries(r.report.inputs.map((i) => [i.file.slice(0, 3), i]));
      expect(by['001']).toMatchObject({ status: 'rejected', reason_code: 'timeout' });
      expect(by['003']).toMatchObject({ status: 'rejected', reason_code: 'extractor_failed' });
      expect(by['003']!.reason).toMatch(/exited with code 3/);
      for (const k of ['000', '002', '004']) expect(by[k]!.status).not.toBe('rejected');
      // Both still have their row in documents, rejected with the reason.
      expect(r.report.summary.documents).toBe(5);
      expect(by['001']!.doc_id).toMatch(/^[0-9a-f]{64}$/);
      // The facts of the three others, staged in order behind the files that failed.
      const facts = await factsByDoc(r.out);
      expect([...facts.keys()].sort()).toEqual(['000', '002', '004'].map((k) => by[k]!.doc_id).sort());
      expect(facts.get(by['000']!.doc_id!)!.some((f) => f.key === 'sangong.total' && f.basis === 'actual' && f.value === 1.29)).toBe(true);
    } finally {
      delete process.env.FISCALLENS_TEST_HANG_ON;
      delete process.env.FISCALLENS_TEST_DIE_ON;
    }
  });
});
