// The SQL of the overview page and of the filter bar's options, as pure functions of the
// filters: the browser runs them, and the build runs the unfiltered ones ahead of time (the
// seed, see scripts/lib/app/seed.ts) so the first page can draw before DuckDB-wasm is up.
import { withRollups } from '../../db/rollups.ts';
import type { Where } from '../../db/where.ts';
import { aggWhere, andWhere, buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';

export interface Query {
  sql: string;
  params: Where['params'];
  /** The same question over the province-level rollups, as the browser's database runs it (src/lib/db/rollups.ts). */
  live?: { sql: string; params: Where['params'] };
}

export function totalsByYearQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' }, { prefix: 'AND' });
  return {
    sql: `SELECT fiscal_year, kind, sum(value) AS expense_total, count(DISTINCT doc_id) AS documents
     FROM v_figures WHERE key = 'expense.total' ${w.sql}
     GROUP BY fiscal_year, kind ORDER BY fiscal_year, kind`,
    params: w.params,
  };
}

export function coverageQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' }, { prefix: 'AND' });
  return {
    sql: `WITH d AS (
       SELECT unit_id, fiscal_year, kind, 'doc' AS src, status, file FROM v_doc WHERE unit_id IS NOT NULL ${w.sql}
     ), x AS (
       SELECT DISTINCT unit_id, fiscal_year, kind, 'derived' AS src, NULL AS status, NULL AS file
       FROM facts WHERE derived AND unit_id IS NOT NULL ${w.sql}
         AND NOT EXISTS (SELECT 1 FROM v_doc v WHERE v.unit_id = facts.unit_id AND v.fiscal_year = facts.fiscal_year AND v.kind = facts.kind)
     )
     SELECT c.unit_id, coalesce(u.name, c.unit_id) AS unit_name, c.fiscal_year, c.kind, c.src, c.status, c.file
     FROM (SELECT * FROM d UNION ALL SELECT * FROM x) c LEFT JOIN units u ON u.unit_id = c.unit_id
     ORDER BY unit_name, c.fiscal_year, c.kind`,
    params: [...w.params, ...w.params],
  };
}

export function headlineCountsQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' });
  return {
    sql: `SELECT count(*) AS documents, count(DISTINCT unit_id) AS units, count(DISTINCT fiscal_year) AS years FROM v_doc ${w.sql}`,
    params: w.params,
  };
}

export function headlineSumsQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'g.unit_id', year: 'g.fiscal_year', kind: 'g.kind' }, { prefix: 'AND' });
  return {
    sql: `SELECT
       sum(value) FILTER (WHERE key = 'expense.total' AND kind = 'final') AS expense_final,
       sum(value) FILTER (WHERE key = 'expense.total' AND kind = 'budget') AS expense_budget,
       sum(value) FILTER (WHERE key = 'sangong.total' AND kind = 'final') AS sangong_final,
       sum(value) FILTER (WHERE key = 'sangong.total' AND kind = 'budget') AS sangong_budget,
       sum(value) FILTER (WHERE key = 'procurement.total' AND kind = 'final') AS procurement_final,
       sum(value) FILTER (WHERE key = 'procurement.total' AND kind = 'budget') AS procurement_budget
     FROM v_figures g WHERE key IN ('expense.total', 'sangong.total', 'procurement.total') ${w.sql}`,
    params: w.params,
  };
}

export const UNITS_QUERY: Query = {
  sql: 'SELECT unit_id, name, province, prefecture, county, level, sector FROM units ORDER BY province NULLS LAST, prefecture NULLS FIRST, county NULLS FIRST, name',
  params: [],
};

/** Every year of the snapshot: from the aggregates, which a large snapshot keeps whole when the year filter prunes the tables. */
export const YEARS_QUERY: Query = {
  sql: 'SELECT DISTINCT fiscal_year AS y FROM agg_coverage WHERE fiscal_year IS NOT NULL ORDER BY y',
  params: [],
};

// The same questions answered from the region-level aggregates, for a snapshot read in place
// (a province, ten years): a few thousand rows instead of every document.

export function totalsByYearAggQuery(f: Filters): Query {
  const w = aggWhere(f, { prefix: 'AND' });
  return withRollups({
    sql: `SELECT fiscal_year, kind, sum(total) AS expense_total, sum(documents) AS documents
     FROM agg_figures WHERE key = 'expense.total' ${w.sql}
     GROUP BY fiscal_year, kind ORDER BY fiscal_year, kind`,
    params: w.params,
  }, f);
}

/**
 * Coverage by region instead of by unit: documents per year and kind, per province (per
 * prefecture once a province is chosen: a province's hundreds of regions stay readable).
 */
export function coverageAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  const pref = f.province != null ? 'prefecture' : 'NULL';
  return {
    sql: `SELECT 'region:' || coalesce(province, '?') || '/' || coalesce(${pref}, '') AS unit_id,
            concat_ws(' ', coalesce(province, '?'), ${pref}) AS unit_name, fiscal_year, kind, 'doc' AS src,
            'ok' AS status, CAST(sum(documents) AS VARCHAR) AS file
     FROM agg_coverage ${w.sql}
     GROUP BY ALL ORDER BY unit_name, fiscal_year, kind`,
    params: w.params,
  };
}

export function headlineAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  const wf = aggWhere(f, { prefix: 'AND' });
  const wu = aggWhere({ ...f, yearFrom: null, yearTo: null, kind: null });
  return withRollups({
    sql: `SELECT
       (SELECT coalesce(sum(documents), 0) FROM agg_coverage ${w.sql}) AS documents,
       (SELECT count(*) FROM units ${wu.sql}) AS units,
       (SELECT count(DISTINCT fiscal_year) FROM agg_coverage ${w.sql}) AS years,
       sum(total) FILTER (WHERE key = 'expense.total' AND kind = 'final') AS expense_final,
       sum(total) FILTER (WHERE key = 'expense.total' AND kind = 'budget') AS expense_budget,
       sum(total) FILTER (WHERE key = 'sangong.total' AND kind = 'final') AS sangong_final,
       sum(total) FILTER (WHERE key = 'sangong.total' AND kind = 'budget') AS sangong_budget,
       sum(total) FILTER (WHERE key = 'procurement.total' AND kind = 'final') AS procurement_final,
       sum(total) FILTER (WHERE key = 'procurement.total' AND kind = 'budget') AS procurement_budget
     FROM agg_figures WHERE key IN ('expense.total', 'sangong.total', 'procurement.total') ${wf.sql}`,
    params: [...w.params, ...wu.params, ...w.params, ...wf.params],
  }, f);
}

/** What the seed holds: the unfiltered overview and the filter bar's options. */
export function seedQueries(f: Filters): Query[] {
  return [totalsByYearQuery(f), coverageQuery(f), headlineCountsQuery(f), headlineSumsQuery(f), UNITS_QUERY, YEARS_QUERY];
}

/** 三公: the filters' units summed per year, kind and key (the page's scope row), from agg_figures. */
export function sangongScopeQuery(f: Filters): Query {
  const w = aggWhere(f, { prefix: 'AND', ignoreKind: true });
  return withRollups({
    sql: `SELECT fiscal_year, kind, key, sum(total) AS total, sum(documents) AS documents FROM agg_figures
     WHERE (key LIKE 'sangong.%' OR key IN ('staff.actual', 'staff.active')) ${w.sql}
     GROUP BY ALL ORDER BY fiscal_year, kind, key`,
    params: w.params,
  }, f);
}

/** 三公: per unit, year and component, from the detail view (v_sangong_by_year) with the document file. */
export function sangongQuery(f: Filters): Query {
  const base = buildWhere(f, { unit: 's.unit_id', year: 's.fiscal_year' });
  // Kind: final accounts give actuals and the budgets they quote; budget documents give plans.
  const kind = f.kind === 'final' ? ['(s.actual IS NOT NULL OR s.budget_initial IS NOT NULL OR s.budget_full_year IS NOT NULL)'] : f.kind === 'budget' ? ['s.budget_planned IS NOT NULL'] : [];
  const w = andWhere(base, kind);
  return {
    sql: `SELECT s.unit_id, s.unit_name, s.fiscal_year, s.component, s.actual, s.derived, s.budget, s.budget_basis, s.exec_pct,
            s.prior_actual, s.prior_derived, s.yoy_change, s.yoy_pct, s.stated_change, s.stated_pct, s.staff, s.actual_per_staff,
            s.source_line, s.source_text, d.file
     FROM v_sangong_by_year s LEFT JOIN documents d ON d.doc_id = s.doc_id
     ${w.sql}
     ORDER BY s.unit_name, s.fiscal_year, s.component_order`,
    params: w.params,
  };
}

/** 三公: running cost per vehicle, per unit and year. */
export function sangongVehiclesQuery(f: Filters): Query {
  const wv = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year' });
  return {
    sql: `SELECT unit_id, unit_name, fiscal_year, vehicle_operation, vehicles_held, cost_per_vehicle, staff
     FROM v_sangong_vehicle_cost ${wv.sql} ORDER BY unit_name, fiscal_year`,
    params: wv.params,
  };
}
