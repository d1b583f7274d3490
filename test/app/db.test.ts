// The pure parts of the browser's database layer: SQL file order, manifest checks, Arrow rows.
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { checkManifest, emptyViewSql, fileUrl, manifestLocation } from '../../src/lib/db/manifest.ts';
import { toRows } from '../../src/lib/db/rows.ts';
import { orderSqlFiles } from '../../src/lib/db/sql-order.ts';
import { seedKey, seedMap } from '../../src/lib/db/seed.ts';
import { table } from '../../src/lib/snapshot/schema.ts';
import { SQL_FILES } from '../../src/lib/sql/index.ts';

describe('SQL files run in the order of src/lib/sql/index.ts', () => {
  it('known files first in dependency order, then extra files by name', () => {
    const files = Object.fromEntries([...SQL_FILES].reverse().map((f) => [`../sql/${f}`, `-- ${f}`]));
    files['../sql/zz_app.sql'] = '-- app';
    files['../sql/aa_app.sql'] = '-- app';
    const { ordered, missing } = orderSqlFiles(files);
    expect(ordered.map((o) => o.name)).toEqual([...SQL_FILES, 'aa_app.sql', 'zz_app.sql']);
    expect(missing).toEqual([]);
  });

  it('reports a file the list names but the build lacks', () => {
    const { missing } = orderSqlFiles({ '../sql/base.sql': '' });
    expect(missing).toEqual(SQL_FILES.filter((f) => f !== 'base.sql'));
  });
});

describe('manifest', () => {
  const m = { format: 1, version: 'abc', created: '', tables: { facts: { file: 'facts.parquet', rows: 1, bytes: 1, sha256: 'ff' } } };

  it('accepts a plain manifest, refuses paths in file names', () => {
    expect(checkManifest(m).tables.facts!.file).toBe('facts.parquet');
    expect(() => checkManifest({ ...m, tables: { facts: { file: '../../etc/passwd' } } })).toThrow(/bad file/);
    expect(() => checkManifest({ ...m, tables: { 'x"; DROP': { file: 'a.parquet' } } })).toThrow(/bad table/);
    expect(() => checkManifest(null)).toThrow();
  });

  it('files next to the manifest, versioned by checksum', () => {
    expect(fileUrl('http://h/app/snapshot/manifest.json', 'facts.parquet', 'abcdef0123456789xyz')).toBe('http://h/app/snapshot/facts.parquet?v=abcdef0123456789');
  });

  it('opens the embedded snapshot unless ?snapshot= names an http(s) manifest', () => {
    const page = 'http://h/app/sangong?x=1';
    expect(manifestLocation(null, './snapshot/manifest.json', page)).toEqual({ url: 'http://h/app/snapshot/manifest.json', external: false });
    expect(manifestLocation('https://other/s/manifest.json', './snapshot/manifest.json', page)).toEqual({ url: 'https://other/s/manifest.json', external: true });
    expect(manifestLocation('javascript:alert(1)', './snapshot/manifest.json', page).external).toBe(false);
  });

  it('an absent table becomes an empty view with its columns', () => {
    const sql = emptyViewSql(table('units'));
    expect(sql).toMatch(/^CREATE OR REPLACE VIEW "units" AS SELECT CAST\(NULL AS VARCHAR\) AS "unit_id"/);
    expect(sql).toContain('CAST(NULL AS VARCHAR[]) AS "aliases"');
    expect(sql).toMatch(/WHERE false$/);
  });
});

describe('Arrow → rows', () => {
  it('plain objects with numbers for BigInts', () => {
    const t = tableFromArrays({ a: new Float64Array([1.5, 2]), b: ['x', 'y'], c: new BigInt64Array([3n, 4n]) });
    expect(toRows(t)).toEqual([
      { a: 1.5, b: 'x', c: 3 },
      { a: 2, b: 'y', c: 4 },
    ]);
  });
});

describe('seed', () => {
  it('answers exact SQL and parameters only, and only for its own snapshot version', () => {
    const seed = { version: 'v1', entries: [{ sql: 'SELECT 1', params: [2019], rows: [{ a: 1 }] }] };
    const m = seedMap(seed, 'v1')!;
    expect(m.get(seedKey('SELECT 1', [2019]))).toEqual([{ a: 1 }]);
    expect(m.get(seedKey('SELECT 1', [2020]))).toBeUndefined();
    expect(m.get(seedKey('SELECT  1', [2019]))).toBeUndefined();
    expect(seedMap(seed, 'v2')).toBeNull();
    expect(seedMap(null, 'v1')).toBeNull();
  });
});
