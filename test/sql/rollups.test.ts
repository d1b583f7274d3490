// The province-level rollups (src/lib/db/rollups.ts) give the same figures as the aggregates
// they sum: every aggregate query of the pages, run over the aggregates (`sql`, what the seed
// answers) and over the rollups (`live`, what the browser's database runs when no prefecture or
// level is chosen), on the seed snapshot with its aggregate files as the browser reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSnapshot } from '../../scripts/lib/sql.ts';
import { openSnapshot } from '../../scripts/lib/sql.ts';
import type { Filters } from '../../src/lib/app/filters.ts';
import { EMPTY_FILTERS, withFilters } from '../../src/lib/app/filters.ts';
import { ruleCountsAggQuery } from '../../src/lib/app/queries/findings-sql.ts';
import type { Query } from '../../src/lib/app/queries/overview-sql.ts';
import { headlineAggQuery, sangongScopeQuery, totalsByYearAggQuery } from '../../src/lib/app/queries/overview-sql.ts';
import { binsAggQuery, cellsAggQuery } from '../../src/lib/app/queries/performance-sql.ts';
import { functionLinesAggQuery } from '../../src/lib/app/queries/spending-sql.ts';
import { ROLLUPS, rollupName, rollupSql, withRollups } from '../../src/lib/db/rollups.ts';
import { AGGREGATES, quoteIdent, sqlString } from '../../src/lib/sql/index.ts';
import { REPO_ROOT } from '../ingest/helpers.ts';

const SNAPSHOT = join(REPO_ROOT, 'data', 'snapshot');
let db: OpenSnapshot;

beforeAll(async () => {
  db = await openSnapshot(SNAPSHOT);
  const manifest = JSON.parse(readFileSync(join(SNAPSHOT, 'manifest.json'), 'utf8')) as { aggregates: Record<string, { file: string }> };
  for (const name of AGGREGATES)
    await db.conn.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet(${sqlString(join(SNAPSHOT, ...manifest.aggregates[name]!.file.split('/')))})`);
  for (const name of Object.keys(ROLLUPS)) await db.conn.run(rollupSql(name));
});
afterAll(() => db?.close());

const run = (q: { sql: string; params: Query['params'] }) => db.query<Record<string, unknown>>(q.sql, q.params as (string | number | boolean | null)[]);

function same(a: Record<string, unknown>[], b: Record<string, unknown>[], what: string): void {
  expect(b.length, what).toBe(a.length);
  a.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) {
      const w = b[i]![k];
      if (typeof v === 'number' || typeof v === 'bigint') expect(Number(w), `${what} row ${i} ${k}`).toBeCloseTo(Number(v), 6);
      else expect(w, `${what} row ${i} ${k}`).toEqual(v);
    }
  });
}

const province = '新疆维吾尔自治区';
const FILTERS: [string, Filters][] = [
  ['no filter', EMPTY_FILTERS],
  ['a year', withFilters(EMPTY_FILTERS, { yearFrom: 2019, yearTo: 2019 })],
  ['years and kind', withFilters(EMPTY_FILTERS, { yearFrom: 2018, yearTo: 2020, kind: 'final' })],
  ['a province', withFilters(EMPTY_FILTERS, { province })],
];

describe('province-level rollups', () => {
  it('sum every measure of each aggregate over prefecture and level', async () => {
    for (const [name, measures] of Object.entries(ROLLUPS)) {
      const [a] = await run({ sql: `SELECT ${measures.map((m) => `sum(${m}) AS ${m}`).join(', ')}, count(DISTINCT province) AS p FROM ${name}`, params: [] });
      const [b] = await run({ sql: `SELECT ${measures.map((m) => `sum(${m}) AS ${m}`).join(', ')}, count(DISTINCT province) AS p FROM ${rollupName(name)}`, params: [] });
      same([a!], [b!], name);
    }
  });

  it('answer the pages’ aggregate queries as the aggregates do, and are not used with a prefecture or level', async () => {
    const queries = (f: Filters) => ({
      totals: totalsByYearAggQuery(f),
      headline: headlineAggQuery(f),
      sangong: sangongScopeQuery(f),
      functions: functionLinesAggQuery(f),
      bins: binsAggQuery(f),
      cells: cellsAggQuery(f),
      findings: ruleCountsAggQuery(f, {}),
    });
    for (const [label, f] of FILTERS)
      for (const [page, q] of Object.entries(queries(f))) {
        expect(q.live, `${label} ${page}`).toBeTruthy();
        same(await run(q), await run(q.live!), `${label} ${page}`);
      }
    for (const f of [withFilters(EMPTY_FILTERS, { prefecture: 'x' }), withFilters(EMPTY_FILTERS, { level: 'county' })])
      for (const q of Object.values(queries(f))) expect(q.live).toBeUndefined();
    expect(withRollups({ sql: 'SELECT * FROM agg_coverage', params: [] }, EMPTY_FILTERS).live).toBeUndefined();
  });
});
