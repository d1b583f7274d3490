// The derived-figure rule (src/lib/snapshot/derive.sql) in DuckDB, as the ingest runs it: over
// rule_facts rows loaded by loadRows, with the change keys the staging noted.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DERIVE_SQL } from '../../scripts/lib/ingest/assemble.ts';
import { loadRows, type LoadColumn } from '../../scripts/lib/ingest/load-rows.ts';
import { extract } from '../../src/lib/extract/index.ts';
import { recordRows, type Row } from '../../src/lib/snapshot/rows.ts';
import { table } from '../../src/lib/snapshot/schema.ts';
import { readSeeds } from '../../scripts/lib/seeds.ts';
import { cleanup, memoryDb, tempDir } from './helpers.ts';

const COLUMNS: LoadColumn[] = [...table('facts').columns, { name: '__rank', type: 'INTEGER' }, { name: '__seq', type: 'INTEGER' }];
let db: Awaited<ReturnType<typeof memoryDb>>;
let dir: string;

beforeAll(async () => {
  db = await memoryDb();
  dir = tempDir('derive');
});
afterAll(() => {
  db?.close();
  cleanup();
});

/** Runs derive.sql over `facts` (each given its __rank from its document's order of appearance, __seq from its place in it). */
async function derive(facts: Row[]): Promise<Row[]> {
  await db.conn.run('DROP VIEW IF EXISTS derived_facts; DROP TABLE IF EXISTS rule_facts; DROP TABLE IF EXISTS change_keys');
  await db.conn.run(`CREATE TABLE rule_facts (${COLUMNS.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  await db.conn.run('CREATE TABLE change_keys (key VARCHAR)');
  const rank = new Map<unknown, number>();
  const seq = new Map<unknown, number>();
  const rows = facts.map((f) => {
    if (!rank.has(f.doc_id)) rank.set(f.doc_id, rank.size);
    const n = seq.get(f.doc_id) ?? 0;
    seq.set(f.doc_id, n + 1);
    return { ...f, __rank: rank.get(f.doc_id)!, __seq: n };
  });
  await loadRows(db.conn, 'rule_facts', COLUMNS, rows, dir);
  const keys = [...new Set(facts.filter((f) => f.basis === 'prior_change' && f.kind === 'final').map((f) => f.key as string))];
  await loadRows(db.conn, 'change_keys', [{ name: 'key', type: 'VARCHAR' }], keys.map((key) => ({ key })), dir);
  await db.conn.run(DERIVE_SQL);
  return (await db.conn.runAndReadAll('SELECT * FROM derived_facts ORDER BY __seq')).getRowObjectsJS() as Row[];
}

const fact = (o: Partial<Row>): Row => ({
  doc_id: 'd', unit_id: 'u', fiscal_year: 2019, kind: 'final', province: '新疆维吾尔自治区', key: 'sangong.total', basis: 'actual', value: 1,
  derived: false, source_line: 1, source_end_line: 1, source_text: 't', ...o,
});

describe('derive.sql', () => {
  it('turns the stated change of seed 000 into the 2018 三公 figure', async () => {
    const s = readSeeds().find((x) => x.name.startsWith('000_'))!;
    const rows = recordRows(extract(s.text, s.name), { doc_id: 'd0', unit_id: 'u0' }).facts;
    const d = (await derive(rows)).find((f) => f.key === 'sangong.total')!;
    expect(d).toMatchObject({ fiscal_year: 2018, basis: 'actual', value: 1.52, derived: true, kind: 'final', doc_id: 'd0', source_line: 65, __seq: expect.any(Number) });
    expect(d.source_text).toContain('减少0.23');
  });
  it('never overrides a real figure, never derives from budgets, derives once', async () => {
    const base = [fact({ value: 10 }), fact({ basis: 'prior_change', value: 2, source_text: '比上年增加2万元' })];
    expect(await derive(base)).toMatchObject([{ fiscal_year: 2018, value: 8, derived: true, source_text: '比上年增加2万元', __rank: 0, __seq: 1_000_000 }]);
    expect(await derive([...base, fact({ doc_id: 'old', fiscal_year: 2018, value: 7.5 })])).toEqual([]);
    // A budget's stated 2018 figure is no real final figure: the derived one still comes.
    expect(await derive([...base, fact({ doc_id: 'old', fiscal_year: 2018, kind: 'budget', value: 7.5 })])).toHaveLength(1);
    expect(await derive(base.map((f) => ({ ...f, kind: 'budget' })))).toEqual([]);
    expect(await derive(base.map((f) => ({ ...f, unit_id: null })))).toEqual([]);
    expect(await derive([fact({ basis: 'prior_change', value: 2 })])).toEqual([]); // no actual to start from
  });
  it('lets the first document in order win, and starts from a document\'s first actual', async () => {
    const copy = [fact({ doc_id: 'a', value: 10 }), fact({ doc_id: 'a', value: 99 }), fact({ doc_id: 'a', basis: 'prior_change', value: 2 })];
    const other = [fact({ doc_id: 'b', value: 20 }), fact({ doc_id: 'b', basis: 'prior_change', value: 5 })];
    expect(await derive([...copy, ...other])).toMatchObject([{ doc_id: 'a', value: 8 }]);
    expect(await derive([...other, ...copy])).toMatchObject([{ doc_id: 'b', value: 15 }]);
    // Two units, two keys: one each, numbered in document order.
    const two = [...copy, fact({ doc_id: 'c', unit_id: 'v', value: 3 }), fact({ doc_id: 'c', unit_id: 'v', basis: 'prior_change', value: -1 }),
      fact({ doc_id: 'c', unit_id: 'v', key: 'admin.running_cost', value: 4 }), fact({ doc_id: 'c', unit_id: 'v', key: 'admin.running_cost', basis: 'prior_change', value: 1 })];
    expect((await derive(two)).map((r) => [r.doc_id, r.key, r.value, r.__seq])).toEqual([
      ['a', 'sangong.total', 8, 1_000_000],
      ['c', 'sangong.total', 4, 1_000_001],
      ['c', 'admin.running_cost', 3, 1_000_002],
    ]);
  });
  it('rounds to six decimals as Math.round does (halves up, also below zero)', async () => {
    const cents = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((n) => n / 1e7);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cents, cents), { minLength: 1, maxLength: 40 }), async (pairs) => {
        const facts = pairs.flatMap(([start, change], i) => [fact({ doc_id: `d${i}`, unit_id: `u${i}`, value: start }), fact({ doc_id: `d${i}`, unit_id: `u${i}`, basis: 'prior_change', value: change })]);
        const got = (await derive(facts)).map((r) => r.value);
        expect(got).toEqual(pairs.map(([start, change]) => Math.round((start - change) * 1e6) / 1e6));
      }),
      { numRuns: 30 },
    );
  });
});
