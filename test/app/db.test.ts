// The pure parts of the browser's database layer: SQL file order, manifest checks, Arrow rows.
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { checkManifest, fileUrl, manifestLocation, partsFor } from '../../src/lib/db/manifest.ts';
import { toRows } from '../../src/lib/db/rows.ts';
import { orderSqlFiles } from '../../src/lib/db/sql-order.ts';
import { seedKey, seedMap } from '../../src/lib/db/seed.ts';
import { SQL_FILES, baseViewSql } from '../../src/lib/sql/index.ts';

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
  const part = (file: string, fiscal_year: number | null, province: string | null) => ({ file, rows: 1, bytes: 1, sha256: 'ff', fiscal_year, province });
  const facts = {
    rows: 3, bytes: 3, sha256: 'ff', partition_by: ['fiscal_year', 'province'],
    parts: [
      part('facts/fiscal_year=2019/province=新疆维吾尔自治区/part-0.parquet', 2019, '新疆维吾尔自治区'),
      part('facts/fiscal_year=2020/province=新疆维吾尔自治区/part-0.parquet', 2020, '新疆维吾尔自治区'),
      part('facts/fiscal_year=2020/province=甘肃省/part-0.parquet', 2020, '甘肃省'),
      part('facts/fiscal_year=__HIVE_DEFAULT_PARTITION__/province=__HIVE_DEFAULT_PARTITION__/part-0.parquet', null, null),
    ],
  };
  const m = { format: 2, version: 'abc', created: '', tables: { facts } };

  it('accepts Hive partition paths, refuses paths out of the folder and old formats', () => {
    expect(checkManifest(m).tables.facts!.parts).toHaveLength(4);
    const bad = (file: string) => ({ ...m, tables: { facts: { ...facts, parts: [part(file, 2019, null)] } } });
    expect(() => checkManifest(bad('../../etc/passwd.parquet'))).toThrow(/bad file/);
    expect(() => checkManifest(bad('/etc/x.parquet'))).toThrow(/bad file/);
    expect(() => checkManifest(bad('facts/../../x.parquet'))).toThrow(/bad file/);
    expect(() => checkManifest(bad('facts/a?b.parquet'))).toThrow(/bad file/);
    expect(() => checkManifest(bad('facts/x.json'))).toThrow(/bad file/);
    expect(() => checkManifest({ ...m, tables: { 'x"; DROP': facts } })).toThrow(/bad table/);
    expect(() => checkManifest({ ...m, format: 1 })).toThrow(/format 1/);
    expect(() => checkManifest(null)).toThrow();
  });

  it('prunes partitions to the years and province of the filters', () => {
    const files = (s: Parameters<typeof partsFor>[1]) => partsFor(facts, s).map((p) => `${p.fiscal_year}:${p.province}`);
    expect(files({ yearFrom: null, yearTo: null, province: null })).toHaveLength(4);
    expect(files({ yearFrom: 2020, yearTo: 2020, province: null })).toEqual(['2020:新疆维吾尔自治区', '2020:甘肃省']);
    expect(files({ yearFrom: null, yearTo: 2019, province: '新疆维吾尔自治区' })).toEqual(['2019:新疆维吾尔自治区']);
    expect(files({ yearFrom: 2021, yearTo: null, province: null })).toEqual([]);
    const units = { rows: 1, bytes: 1, sha256: 'ff', partition_by: [], parts: [part('units.parquet', null, null)] };
    expect(partsFor(units, { yearFrom: 2020, yearTo: 2020, province: '甘肃省' })).toHaveLength(1);
  });

  it('files next to the manifest, path segments encoded, versioned by checksum', () => {
    expect(fileUrl('http://h/app/snapshot/manifest.json', 'units.parquet', 'abcdef0123456789xyz')).toBe('http://h/app/snapshot/units.parquet?v=abcdef0123456789');
    expect(fileUrl('http://h/s/manifest.json', 'facts/fiscal_year=2019/province=A%2FB/part-0.parquet')).toBe(
      'http://h/s/facts/fiscal_year%3D2019/province%3DA%252FB/part-0.parquet',
    );
  });

  it('opens the embedded snapshot unless ?snapshot= names an http(s) manifest', () => {
    const page = 'http://h/app/sangong?x=1';
    expect(manifestLocation(null, './snapshot/manifest.json', page)).toEqual({ url: 'http://h/app/snapshot/manifest.json', external: false });
    expect(manifestLocation('https://other/s/manifest.json', './snapshot/manifest.json', page)).toEqual({ url: 'https://other/s/manifest.json', external: true });
    expect(manifestLocation('javascript:alert(1)', './snapshot/manifest.json', page).external).toBe(false);
  });

  it('a table with no file in scope becomes an empty view with its columns', () => {
    const sql = baseViewSql('units', []);
    expect(sql).toMatch(/^CREATE OR REPLACE VIEW "units" AS SELECT CAST\(NULL AS VARCHAR\) AS "unit_id"/);
    expect(sql).toContain('CAST(NULL AS VARCHAR[]) AS "aliases"');
    expect(sql).toMatch(/WHERE false$/);
    expect(baseViewSql('facts', ['a.parquet', "b'.parquet"])).toBe(`CREATE OR REPLACE VIEW "facts" AS SELECT * FROM read_parquet(['a.parquet', 'b''.parquet'], hive_partitioning = false)`);
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
