// The pages' two ways to the same figures: from the detail views (what a downloaded snapshot,
// or a county, sector or unit filter, uses) and from the region-level aggregates (what a
// province-scale snapshot read in place uses). Both SQL texts come from the pages' own query
// modules and run here in Node's DuckDB over the same snapshot, the aggregates read from the
// Parquet files the ingest wrote (as the browser reads them): the seed snapshot (data/snapshot)
// and a small synthetic one. Every total, tree node, bin and count must agree.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../scripts/lib/ingest/run.ts';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import type { OpenSnapshot } from '../../scripts/lib/sql.ts';
import { openSnapshot } from '../../scripts/lib/sql.ts';
import type { Filters } from '../../src/lib/app/filters.ts';
import { EMPTY_FILTERS, withFilters } from '../../src/lib/app/filters.ts';
import type { FindingsQuery, RuleCount } from '../../src/lib/app/queries/findings-sql.ts';
import { ruleCountsAggQuery, ruleCountsQuery } from '../../src/lib/app/queries/findings-sql.ts';
import type { Query } from '../../src/lib/app/queries/overview-sql.ts';
import { totalsByYearAggQuery, totalsByYearQuery } from '../../src/lib/app/queries/overview-sql.ts';
import type { Bin, Cell, ProjectRow } from '../../src/lib/app/queries/performance-sql.ts';
import { binsAggQuery, binsQuery, cellsAggQuery, cellsOf, isFlagged, isFlaggedCell, projectsQuery } from '../../src/lib/app/queries/performance-sql.ts';
import type { ProcurementRow } from '../../src/lib/app/queries/procurement-sql.ts';
import { RANKING_TOP, procurementAggQuery, procurementQuery, rankingAggQuery } from '../../src/lib/app/queries/procurement-sql.ts';
import type { DocSplit, FunctionLine, TreeNode } from '../../src/lib/app/queries/spending-sql.ts';
import { docSplitsAggQuery, docSplitsQuery, functionLinesAggQuery, functionLinesQuery, functionTree } from '../../src/lib/app/queries/spending-sql.ts';
import { generate } from '../../src/lib/synth/index.ts';
import { AGGREGATES, quoteIdent, sqlString } from '../../src/lib/sql/index.ts';
import { REPO_ROOT } from '../ingest/helpers.ts';

type Num = number | null | undefined;

/** Opens a snapshot with its aggregate views read from the stored files, as the browser does at scale. */
async function open(dir: string): Promise<OpenSnapshot> {
  const db = await openSnapshot(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  for (const name of AGGREGATES) {
    const a = manifest.aggregates?.[name];
    expect(a, `${dir}: ${name} in the manifest`).toBeTruthy();
    await db.conn.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet(${sqlString(join(dir, ...a!.file.split('/')))})`);
  }
  return db;
}

const rows = <T>(db: OpenSnapshot, q: Query) => db.query<T>(q.sql, q.params as (string | number | boolean | null)[]);

/** Sums that keep SQL's null for "no value at all". */
const add = (a: Num, b: Num): number | null => (b == null ? (a ?? null) : (a ?? 0) + b);

function close(a: Num, b: Num, what: string): void {
  if (a == null || b == null) expect(b ?? null, what).toBe(a ?? null);
  else expect(b, what).toBeCloseTo(a, 6);
}

function sameTree(a: TreeNode, b: TreeNode, path = 'root'): void {
  close(a.amount, b.amount, path);
  expect(b.children.map((c) => [c.id, c.name]), path).toEqual(a.children.map((c) => [c.id, c.name]));
  a.children.forEach((c, i) => sameTree(c, b.children[i]!, `${path}/${c.id}`));
}

const byYearKind = <T extends { fiscal_year: number; kind: string }>(xs: T[]) => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = `${x.fiscal_year}:${x.kind}`;
    m.set(k, [...(m.get(k) ?? []), x]);
  }
  return m;
};

/** Every comparison of the two paths under one set of filters; returns what it compared (for sanity). */
async function comparePaths(db: OpenSnapshot, f: Filters): Promise<{ docs: number; lines: number; procurement: number; projects: number; findings: number }> {
  // 功能分类 tree, in amounts and per staff member.
  const detailLines = await rows<FunctionLine>(db, functionLinesQuery(f));
  const aggLines = await rows<FunctionLine>(db, functionLinesAggQuery(f));
  for (const perStaff of [false, true]) sameTree(functionTree(detailLines, perStaff), functionTree(aggLines, perStaff));

  // 基本/项目, 人员/公用, 301/302/303 and headcounts: every document of a year and kind summed.
  const docs = await rows<DocSplit>(db, docSplitsQuery(f));
  const scopeDocs = await rows<DocSplit>(db, docSplitsAggQuery(f));
  const grouped = byYearKind(docs);
  expect(scopeDocs.map((r) => `${r.fiscal_year}:${r.kind}`)).toEqual([...grouped.keys()].sort());
  for (const s of scopeDocs) {
    const ds = grouped.get(`${s.fiscal_year}:${s.kind}`)!;
    expect(s.documents).toBe(ds.length);
    for (const k of ['staff', 'expense_total', 'basic', 'project', 'personnel', 'public', 'amount_301', 'amount_302', 'amount_303'] as const)
      close(ds.reduce<number | null>((n, d) => add(n, d[k]), null), s[k], `${s.fiscal_year} ${s.kind} ${k}`);
  }

  // 政府采购: totals and shares per year and kind; the ranking's top.
  const proc = await rows<ProcurementRow>(db, procurementQuery(f));
  const scopeProc = await rows<ProcurementRow>(db, procurementAggQuery(f));
  const pg = byYearKind(proc);
  expect(scopeProc.map((r) => `${r.fiscal_year}:${r.kind}`)).toEqual([...pg.keys()].sort());
  for (const s of scopeProc) {
    const ds = pg.get(`${s.fiscal_year}:${s.kind}`)!;
    expect(s.documents).toBe(ds.length);
    for (const k of ['total', 'goods', 'works', 'services', 'sme', 'small_micro'] as const)
      close(ds.reduce<number | null>((n, d) => add(n, d[k]), null), s[k], `${s.fiscal_year} ${s.kind} ${k}`);
    const share = (part: 'sme' | 'small_micro') => {
      const withPart = ds.filter((d) => d[part] != null);
      const base = withPart.reduce((n, d) => n + (d.total ?? 0), 0);
      return withPart.length && base ? (100 * withPart.reduce((n, d) => n + d[part]!, 0)) / base : null;
    };
    close(share('sme'), s.sme_share_pct, `${s.fiscal_year} ${s.kind} SME share`);
    close(share('small_micro'), s.small_micro_share_pct, `${s.fiscal_year} ${s.kind} small/micro share`);
  }
  if (f.prefecture == null && f.level == null) {
    const top = await rows<ProcurementRow>(db, rankingAggQuery(f));
    const first = proc.slice(0, RANKING_TOP);
    expect(top.map((r) => [r.sme_share_pct, r.total])).toEqual(first.map((r) => [r.sme_share_pct, r.total]));
    expect(top.map((r) => `${r.unit_id}:${r.fiscal_year}:${r.kind}`).sort()).toEqual(first.map((r) => `${r.unit_id}:${r.fiscal_year}:${r.kind}`).sort());
  }

  // 绩效评价: the histogram, and score × execution counted per cell (the scatter's flagged area).
  const projects = await rows<ProjectRow>(db, projectsQuery(f));
  expect(await rows<Bin>(db, binsAggQuery(f))).toEqual(await rows<Bin>(db, binsQuery(f)));
  const cells = await rows<Cell>(db, cellsAggQuery(f));
  expect(cells).toEqual(cellsOf(projects));
  expect(cells.filter(isFlaggedCell).reduce((n, c) => n + c.projects, 0)).toBe(projects.filter(isFlagged).length);

  // 异常线索: counts per rule and severity, with the page's own choices too.
  const cols = new Set((await db.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'findings'`)).map((r) => r.c));
  let findings = 0;
  for (const q of [{}, { severity: 'high' }, { year: f.yearFrom ?? 2019 }] as FindingsQuery[]) {
    const d = await rows<RuleCount>(db, ruleCountsQuery(f, cols, q));
    expect(await rows<RuleCount>(db, ruleCountsAggQuery(f, q)), JSON.stringify(q)).toEqual(d);
    if (!Object.keys(q).length) findings = d.reduce((n, c) => n + c.findings, 0);
  }

  // 概览: spending by year (the overview's chart).
  const t = await rows<{ fiscal_year: number; kind: string; expense_total: number; documents: number }>(db, totalsByYearQuery(f));
  const ta = await rows<{ fiscal_year: number; kind: string; expense_total: number; documents: number }>(db, totalsByYearAggQuery(f));
  expect(ta.map((r) => [r.fiscal_year, r.kind, Number(r.documents)])).toEqual(t.map((r) => [r.fiscal_year, r.kind, Number(r.documents)]));
  t.forEach((r, i) => close(r.expense_total, ta[i]!.expense_total, `${r.fiscal_year} ${r.kind} expense`));

  return { docs: docs.length, lines: detailLines.length, procurement: proc.length, projects: projects.length, findings };
}

describe('the seed snapshot (data/snapshot)', () => {
  let db: OpenSnapshot;
  beforeAll(async () => {
    db = await open(join(REPO_ROOT, 'data', 'snapshot'));
  });
  afterAll(() => db?.close());

  it('gives the same figures from the aggregates as from the documents, whatever the filters', async () => {
    const all = await comparePaths(db, EMPTY_FILTERS);
    expect(all).toMatchObject({ docs: 5, procurement: 5 });
    expect(all.lines).toBeGreaterThan(0);
    expect(all.projects).toBeGreaterThan(0);
    for (const f of [
      { yearFrom: 2019, yearTo: 2019 },
      { yearFrom: 2019, yearTo: 2020, kind: 'final' as const },
      { province: '新疆维吾尔自治区', level: 'county' as const },
      { prefecture: '乌鲁木齐市' },
    ])
      await comparePaths(db, withFilters(EMPTY_FILTERS, f));
  });

  it('answers with the seeds’ own figures', async () => {
    const f = withFilters(EMPTY_FILTERS, { yearFrom: 2019, yearTo: 2019, kind: 'final' });
    // The ranking: 水磨沟区网信办 100 % (39.50 of 39.50 万元), then 自治区政府办公厅 11.60 % (767.09 of 6,613.75).
    const top = await rows<ProcurementRow>(db, rankingAggQuery(f));
    expect(top.map((r) => [r.unit_id, r.total, r.sme, r.sme_share_pct?.toFixed(2)])).toEqual([
      ['u_ccaf1aa47f56277a', 39.5, 39.5, '100.00'],
      ['u_953ab05e4982397c', 6613.75, 767.09, '11.60'],
    ]);
    // Both together: 806.59 of 6,653.25 万元 to SMEs.
    const [scope] = await rows<ProcurementRow>(db, procurementAggQuery(f));
    expect(scope).toMatchObject({ documents: 2, total: 6653.25, sme: 806.59 });
    expect(scope!.sme_share_pct!).toBeCloseTo((100 * 806.59) / 6653.25, 9);
    // The 功能分类 tree's total: the 2019 final accounts' lines.
    const [{ amount }] = await db.query<{ amount: number }>("SELECT sum(amount) AS amount FROM function_lines WHERE fiscal_year = 2019 AND kind = 'final'");
    expect(functionTree(await rows<FunctionLine>(db, functionLinesAggQuery(f))).amount).toBeCloseTo(amount!, 6);
  });
});

describe('a small synthetic snapshot', () => {
  const root = mkdtempSync(join(tmpdir(), 'fl-agg-paths-'));
  let db: OpenSnapshot;
  beforeAll(async () => {
    // 12 units × 4 years, every seed layout, some planted inconsistencies (findings).
    const dir = join(root, 'docs');
    mkdirSync(dir, { recursive: true });
    for (const d of generate({ seed: 'agg-paths', units: 12, from: 2019, to: 2022, inconsistencyRate: 0.2 })) writeFileSync(join(dir, d.file), d.text);
    const snap = await runIngest({ inputs: [dir], out: join(root, 'snapshot'), unitsCsv: join(root, 'no-units.csv'), cacheDir: null, quiet: true, jobs: 2 });
    db = await open(snap.out);
  }, 300_000);
  afterAll(() => {
    db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the same figures from the aggregates as from the documents, whatever the filters', async () => {
    const all = await comparePaths(db, EMPTY_FILTERS);
    expect(all.docs).toBeGreaterThan(40);
    expect(all.procurement).toBeGreaterThan(0);
    expect(all.findings).toBeGreaterThan(0);
    const [{ province, prefecture }] = await db.query<{ province: string; prefecture: string }>('SELECT province, prefecture FROM units WHERE prefecture IS NOT NULL ORDER BY unit_id LIMIT 1');
    for (const f of [
      { yearFrom: 2021, yearTo: 2022 },
      { yearFrom: 2022, yearTo: 2022, kind: 'budget' as const },
      { province: province! },
      { province: province!, prefecture: prefecture! },
      { level: 'county' as const, kind: 'final' as const },
    ])
      await comparePaths(db, withFilters(EMPTY_FILTERS, f));
  });
});
