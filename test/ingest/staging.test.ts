// Staged rows (scripts/lib/ingest/staging.ts): written by the main thread in input order, one
// file per table and partition, and read back by DuckDB exactly as they were staged: the real
// rows of a seed record, and the strings CSV is easy to get wrong.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { csvField, csvLines, openStaging, readStagedSql, stageRecord, stagedBuffers, stagedColumns } from '../../scripts/lib/ingest/staging.ts';
import type { StagedDoc } from '../../scripts/lib/ingest/staging.ts';
import { extract } from '../../src/lib/extract/index.ts';
import { formatReport } from '../../src/lib/snapshot/plan.ts';
import type { IngestReport } from '../../src/lib/snapshot/plan.ts';
import type { Row } from '../../src/lib/snapshot/rows.ts';
import { emptyTables, recordRows } from '../../src/lib/snapshot/rows.ts';
import { readSeeds } from '../../scripts/lib/seeds.ts';
import { cleanup, tempDir } from './helpers.ts';

afterAll(cleanup);

/** The rows of staged files as DuckDB reads them, in file order. */
async function readBack(files: string[], name: Parameters<typeof readStagedSql>[0]): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(`SELECT * FROM ${readStagedSql(name, files)}`)).getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('staging', () => {
  const seed = readSeeds().find((s) => s.name.startsWith('000_'))!;
  const record = extract(seed.text, seed.name);
  const rows = recordRows(record, { doc_id: 'd'.repeat(64), unit_id: 'u_1' });
  const doc = (doc_id: string, fiscal_year: number | null, province: string | null): StagedDoc =>
    stageRecord(recordRows(record, { doc_id, unit_id: 'u_1' }), { doc_id, unit_id: 'u_1', fiscal_year, province });

  it('gives back every value of a real record, with its order in the document', async () => {
    const w = openStaging(tempDir('staging'));
    w.put(0, doc('d'.repeat(64), record.fiscal_year, '新疆维吾尔自治区'));
    const staged = w.close();
    const parts = staged.parts.get('facts')!;
    expect(parts.map((p) => [p.fiscal_year, p.province])).toEqual([[2019, '新疆维吾尔自治区']]);
    const back = await readBack([parts[0]!.path], 'facts');
    expect(back).toHaveLength(rows.facts.length);
    const own = stagedColumns('facts').slice(0, -1).map((c) => c.name);
    back.forEach((r, i) => {
      expect(r.__seq).toBe(i);
      for (const c of own) expect(r[c], `${c} of fact ${i}`).toEqual(rows.facts[i]![c] ?? null);
    });
    // The figure the seed prints for 三公 in 2019, with its sentence.
    const sangong = back.find((r) => r.key === 'sangong.total' && r.basis === 'actual')!;
    expect(sangong.value).toBe(1.29);
    expect(sangong.source_text).toContain('1.29万元');
    // Indicators carry free text from the tables (quotes, commas, line breaks in notes).
    const ind = await readBack([staged.parts.get('indicators')![0]!.path], 'indicators');
    expect(ind.map((r) => r.level3)).toEqual(rows.indicators.map((r) => r.level3));
  });

  it('writes documents in input order whatever order they finish in, one file per partition, a second copy once', async () => {
    const w = openStaging(tempDir('staging-order'));
    const a = doc('a'.repeat(64), 2019, 'P');
    const b = doc('b'.repeat(64), 2019, 'P');
    const c = doc('c'.repeat(64), 2020, 'P');
    // Inputs 0..4 finish out of order; 2 has no record; 4 is a copy of 0's bytes.
    w.put(3, c);
    w.put(1, b);
    w.put(4, { ...a });
    w.put(2, null);
    w.put(0, a);
    const staged = w.close();
    expect(staged.docs.map((d) => [d.input, d.doc_id[0]])).toEqual([[0, 'a'], [1, 'b'], [3, 'c']]);
    const parts = staged.parts.get('facts')!;
    expect(parts.map((p) => p.fiscal_year)).toEqual([2019, 2020]);
    const back = await readBack([parts[0]!.path], 'facts');
    expect(back.map((r) => (r.doc_id as string)[0]).join('')).toBe('a'.repeat(rows.facts.length) + 'b'.repeat(rows.facts.length));
  });

  it('refuses an input given twice, and closing with one missing', () => {
    const w = openStaging(tempDir('staging-gaps'));
    w.put(1, null);
    expect(() => w.put(1, null)).toThrow(/twice/);
    expect(() => w.close()).toThrow(/input 0 never came/);
  });

  it('keeps empty strings, NULLs, quotes, commas and line breaks apart', async () => {
    const tricky = ['', '"', 'a,b', 'line\nbreak', 'say "hi"', '\r\n', '中文，逗号', ' NULL ', 'null'];
    const t = emptyTables();
    t.facts = [...tricky, null].map((text, i) => ({
      doc_id: 'x', unit_id: null, fiscal_year: null, kind: 'final', province: null, key: `k${i}`, basis: 'actual',
      value: i === 0 ? 0.1 + 0.2 : -i * 1e-7, derived: i % 2 === 0, source_line: i, source_end_line: null, source_text: text,
    }));
    const w = openStaging(tempDir('staging-text'));
    w.put(0, stageRecord(t, { doc_id: 'x', unit_id: null, fiscal_year: null, province: null }));
    const back = await readBack([w.close().parts.get('facts')![0]!.path], 'facts');
    expect(back.map((r) => r.source_text)).toEqual([...tricky, null]);
    expect(back.map((r) => r.value)).toEqual(t.facts.map((r) => r.value));
    expect(back.map((r) => r.derived)).toEqual(t.facts.map((r) => r.derived));
    expect(back[0]!.province).toBeNull();
    expect(back[0]!.fiscal_year).toBeNull();
    expect(back[0]!.unit_id).toBeNull();
  });

  it('writes a value repeated from the row before, or back after another, as the row has it', () => {
    // csvLines reuses the field of a value equal to the row before's: a change, a return, null after a value.
    const cells: (string | number | null)[][] = [['a', 1, null], ['a', 1, null], ['b', 1, 'x'], ['a', 2, null], ['a', 2, 'x'], ['', 0, '']];
    const rows = cells.map(([text, line, key]) => ({ doc_id: 'x', key, basis: 'actual', value: line, source_line: line, source_text: text }));
    const lines = csvLines('facts', rows as Row[]).split('\n').slice(0, -1);
    expect(lines).toEqual(
      cells.map(([text, line, key], i) => `"x",,,,,${key === null ? '' : `"${key}"`},"actual",${line},,${line},,"${text}",${i}`),
    );
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


describe('stagedBuffers', () => {
  it('moves a staged document to another thread without copying its bytes', async () => {
    const seed = readSeeds().find((s) => s.name.startsWith('000_'))!;
    const record = extract(seed.text, seed.name);
    const doc = stageRecord(recordRows(record, { doc_id: 'd'.repeat(64), unit_id: 'u_1' }), { doc_id: 'd'.repeat(64), unit_id: 'u_1', fiscal_year: 2019, province: 'P' });
    const text = new TextDecoder().decode(doc.csv.facts);
    const { port1, port2 } = new MessageChannel();
    const got = new Promise<StagedDoc>((r) => port2.once('message', r));
    port1.postMessage(doc, stagedBuffers(doc));
    const back = await got;
    port1.close();
    // Transferred: the sender's buffers are emptied, the receiver has the bytes.
    expect(doc.csv.facts!.byteLength).toBe(0);
    expect(new TextDecoder().decode(back.csv.facts)).toBe(text);
    expect(text.startsWith(`"${'d'.repeat(64)}","u_1",2019,`)).toBe(true);
  });
});
