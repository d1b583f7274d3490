// loadRows: rows → a DuckDB table through CSV, every value back exactly as it went in.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRows, type LoadColumn } from '../../scripts/lib/ingest/load-rows.ts';
import { cleanup, memoryDb, tempDir } from './helpers.ts';

let db: Awaited<ReturnType<typeof memoryDb>>;
let dir: string;
const COLS: LoadColumn[] = [
  { name: 's', type: 'VARCHAR' },
  { name: 'i', type: 'INTEGER' },
  { name: 'd', type: 'DOUBLE' },
  { name: 'b', type: 'BOOLEAN' },
  { name: 'l', type: 'VARCHAR[]' },
];

beforeAll(async () => {
  db = await memoryDb();
  dir = tempDir('load-rows');
});
afterAll(() => {
  db?.close();
  cleanup();
});

const fresh = async () => db.conn.run(`CREATE OR REPLACE TABLE t (s VARCHAR, i INTEGER, d DOUBLE, b BOOLEAN, l VARCHAR[])`);

describe('loadRows', () => {
  it('keeps strings, nulls, empty strings, doubles and lists exactly, in order', async () => {
    await fresh();
    const rows = [
      { s: '三公经费"合计",\n第二行', i: -7, d: 0.1 + 0.2, b: true, l: ['a,"b"', '', '换\n行', '[]'] },
      { s: '', i: 0, d: -0, b: false, l: [] },
      { s: null, i: null, d: 5e-324, b: null, l: null },
      { s: ' 前后空格 ', i: 2147483647, d: 123456789.12345679, b: true, l: ['null'] },
    ];
    await loadRows(db.conn, 't', COLS, rows, dir);
    const back = (await db.conn.runAndReadAll('SELECT * FROM t')).getRowObjectsJS();
    expect(back).toEqual(rows.map((r) => ({ ...r, i: r.i === null ? null : r.i })));
    expect(Object.is(back[1]!.d, -0)).toBe(true);
    // The CSV is removed once read.
    expect(readdirSync(dir).filter((f) => f.startsWith('load-'))).toEqual([]);
  });
  it('rejects a value of the wrong type or an unknown column, naming where, and loads nothing', async () => {
    await fresh();
    await expect(loadRows(db.conn, 't', COLS, [{ s: 'x', i: 1.5 }], dir)).rejects.toThrow('t[0].i: 1.5 is not a INTEGER');
    await expect(loadRows(db.conn, 't', COLS, [{ s: 'x' }, { s: 1 }], dir)).rejects.toThrow('t[1].s: 1 is not a VARCHAR');
    await expect(loadRows(db.conn, 't', COLS, [{ d: Number.NaN }], dir)).rejects.toThrow('t[0].d');
    await expect(loadRows(db.conn, 't', COLS, [{ l: ['a', 2] as never }], dir)).rejects.toThrow('t[0].l');
    await expect(loadRows(db.conn, 't', COLS, [{ s: 'x', extra: 1 }], dir)).rejects.toThrow('t[0]: no column extra');
    expect((await db.conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM t')).getRowObjectsJS()).toEqual([{ n: 0 }]);
    expect(readdirSync(dir).filter((f) => f.startsWith('load-'))).toEqual([]);
  });
  it('writes more rows than one block', async () => {
    await fresh();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ s: `第${i}行`, i, d: i / 3, b: i % 2 === 0, l: [String(i)] }));
    await loadRows(db.conn, 't', COLS, rows, dir);
    const r = (await db.conn.runAndReadAll('SELECT count(*)::INTEGER AS n, sum(i)::DOUBLE AS total, min(s) AS first, max(d) AS top FROM t')).getRowObjectsJS();
    expect(r).toEqual([{ n: 20_000, total: (19_999 * 20_000) / 2, first: '第0行', top: 19_999 / 3 }]);
  });
});
