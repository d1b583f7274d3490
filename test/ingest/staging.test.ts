// Staged rows (scripts/lib/ingest/staging.ts) read back by DuckDB exactly as the worker wrote
// them: the real rows of a seed record, and the strings CSV is easy to get wrong.
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, listStaged, openStaging, readStagedSql, stagedColumns } from '../../scripts/lib/ingest/staging.ts';
import { extract } from '../../src/lib/extract/index.ts';
import { formatReport } from '../../src/lib/snapshot/plan.ts';
import type { IngestReport } from '../../src/lib/snapshot/plan.ts';
import type { Row } from '../../src/lib/snapshot/rows.ts';
import { emptyTables, recordRows } from '../../src/lib/snapshot/rows.ts';
import { readSeeds } from '../../scripts/lib/seeds.ts';
import { cleanup, tempDir } from './helpers.ts';

afterAll(cleanup);

async function readBack(files: string[], name: Parameters<typeof readStagedSql>[0]): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(`SELECT * FROM ${readStagedSql(name, files)} ORDER BY __doc, __seq`)).getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('staging', () => {
  const seed = readSeeds().find((s) => s.name.startsWith('000_'))!;
  const record = extract(seed.text, seed.name);
  const rows = recordRows(record, { doc_id: 'd'.repeat(64), unit_id: null });

  it('gives back every value of a real record, by year and input', async () => {
    const dir = tempDir('staging');
    const w = openStaging(dir, 'w0');
    w.add(7, record.fiscal_year, rows);
    w.close();
    expect(readdirSync(dir)).toContain('facts.y2019.w0.csv');
    const files = listStaged(dir, 'facts');
    expect([...files.keys()]).toEqual([2019]);
    const back = await readBack(files.get(2019)!, 'facts');
    expect(back).toHaveLength(rows.facts.length);
    const own = stagedColumns('facts').slice(0, -2).map((c) => c.name);
    back.forEach((r, i) => {
      expect(r.__doc).toBe(7);
      expect(r.__seq).toBe(i);
      for (const c of own) expect(r[c], `${c} of fact ${i}`).toEqual(rows.facts[i]![c] ?? null);
    });
    // The figure the seed prints for 三公 in 2019, with its sentence.
    const sangong = back.find((r) => r.key === 'sangong.total' && r.basis === 'actual')!;
    expect(sangong.value).toBe(1.29);
    expect(sangong.source_text).toContain('1.29万元');
    // Indicators carry free text from the tables (quotes, commas, line breaks in notes).
    const ind = await readBack(listStaged(dir, 'indicators').get(2019)!, 'indicators');
    expect(ind.map((r) => r.level3)).toEqual(rows.indicators.map((r) => r.level3));
  });

  it('keeps empty strings, NULLs, quotes, commas and line breaks apart', async () => {
    const dir = tempDir('staging-text');
    const tricky = ['', '"', 'a,b', 'line\nbreak', 'say "hi"', '\r\n', '中文，逗号', ' NULL ', 'null'];
    const w = openStaging(dir, 'w1');
    const t = emptyTables();
    t.facts = [...tricky, null].map((text, i) => ({
      doc_id: 'x', unit_id: null, fiscal_year: null, kind: 'final', province: null, key: `k${i}`, basis: 'actual',
      value: i === 0 ? 0.1 + 0.2 : -i * 1e-7, derived: i % 2 === 0, source_line: i, source_end_line: null, source_text: text,
    }));
    w.add(0, null, t);
    w.close();
    const back = await readBack(listStaged(dir, 'facts').get(null)!, 'facts');
    expect(back.map((r) => r.source_text)).toEqual([...tricky, null]);
    expect(back.map((r) => r.value)).toEqual(t.facts.map((r) => r.value));
    expect(back.map((r) => r.derived)).toEqual(t.facts.map((r) => r.derived));
    expect(back[0]!.province).toBeNull();
    expect(back[0]!.fiscal_year).toBeNull();
  });

  it('refuses values CSV cannot carry', () => {
    expect(() => csvField(Number.NaN)).toThrow(/finite/);
    expect(() => csvField(['a'])).toThrow(/lists/);
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
  });
});

describe('formatReport', () => {
  it('is the report as JSON, one input a line', () => {
    const report: IngestReport = {
      format: 1,
      extractor_version: 'v',
      summary: { inputs: 2, ok: 1, partial: 0, rejected: 1, documents: 1, units: 1, unresolved_units: 1, facts: 3, derived_facts: 0 },
      inputs: [
        { file: 'a.txt', doc_id: 'a', bytes: 3, encoding: 'utf-8', status: 'ok', reason_code: null, reason: null, warnings: 0, warning_messages: [], fiscal_year: 2019, kind: 'final', unit: null, change: 'new' },
        { file: 'b "x".txt', doc_id: null, bytes: 0, encoding: null, status: 'rejected', reason_code: 'empty', reason: '文件为空', warnings: 0, warning_messages: [], fiscal_year: null, kind: null, unit: null, change: 'new' },
      ],
      unresolved_units: [],
      registry_problems: [],
      notes: ['one note'],
    };
    const text = formatReport(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text.split('\n').filter((l) => l.includes('"file"'))).toHaveLength(2);
    expect(JSON.parse(formatReport({ ...report, inputs: [] })).inputs).toEqual([]);
  });
});

