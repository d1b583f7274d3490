// The SQL of the 异常线索 page's counts as pure functions: findings per rule and severity from
// the findings table (whichever of its columns exist) or from agg_findings (a snapshot read in
// place, filters the aggregate carries). Node's tests compare the two; the browser picks one.
import { withRollups } from '../../db/rollups.ts';
import type { Param, Where } from '../../db/where.ts';
import { aggWhere, andWhere, buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import type { Query } from './overview-sql.ts';

export interface FindingsQuery {
  rule?: string | null;
  severity?: string | null;
  /** One unit (the unit profile's), on top of the global filters. */
  unit?: string | null;
  year?: number | null;
  limit?: number;
}

export interface RuleCount {
  rule: string;
  severity: string | null;
  findings: number;
}

/** The conditions of the filters and the page's own choices, on the columns the table has (alias f). */
export function findingsWhere(f: Filters, cols: Set<string>, q: FindingsQuery): Where {
  const w = buildWhere(f, {
    unit: cols.has('unit_id') ? 'f.unit_id' : undefined,
    year: cols.has('fiscal_year') ? 'f.fiscal_year' : undefined,
    kind: cols.has('kind') ? 'f.kind' : undefined,
  });
  const extra: string[] = [];
  const params: Param[] = [];
  if (q.rule && cols.has('rule')) (extra.push('f.rule = ?'), params.push(q.rule));
  if (q.severity && cols.has('severity')) (extra.push('f.severity = ?'), params.push(q.severity));
  if (q.unit && cols.has('unit_id')) (extra.push('f.unit_id = ?'), params.push(q.unit));
  if (q.year != null && cols.has('fiscal_year')) (extra.push('f.fiscal_year = ?'), params.push(q.year));
  return andWhere(w, extra, params);
}

export function ruleCountsQuery(f: Filters, cols: Set<string>, q: FindingsQuery): Query {
  const w = findingsWhere(f, cols, q);
  const sev = cols.has('severity') ? 'f.severity' : 'NULL';
  return {
    sql: `SELECT f.rule, ${sev} AS severity, CAST(count(*) AS INTEGER) AS findings FROM findings f ${w.sql} GROUP BY ALL ORDER BY f.rule, severity`,
    params: w.params,
  };
}

/** Whether agg_findings carries the page's choices (rule, severity, year: yes; one unit: no). */
export const countsAggregatable = (q: FindingsQuery): boolean => !q.unit;

export function ruleCountsAggQuery(f: Filters, q: FindingsQuery): Query {
  const w = aggWhere(f);
  const extra: string[] = [];
  const params: Param[] = [];
  if (q.rule) (extra.push('rule = ?'), params.push(q.rule));
  if (q.severity) (extra.push('severity = ?'), params.push(q.severity));
  if (q.year != null) (extra.push('fiscal_year = ?'), params.push(q.year));
  const all = andWhere(w, extra, params);
  return withRollups({
    sql: `SELECT rule, severity, CAST(sum(findings) AS INTEGER) AS findings FROM agg_findings ${all.sql} GROUP BY ALL ORDER BY rule, severity`,
    params: all.params,
  }, f);
}

/** The rule filter's options from the aggregates. */
export const RULES_AGG_QUERY: Query = { sql: 'SELECT DISTINCT rule FROM agg_findings ORDER BY rule', params: [] };

/** The rule filter's options from the findings table. */
export const RULES_QUERY: Query = { sql: 'SELECT DISTINCT rule FROM findings ORDER BY rule', params: [] };

/** The findings table's columns (the page uses those it has). */
export const COLUMNS_QUERY: Query = { sql: 'SELECT column_name AS c FROM information_schema.columns WHERE table_name = ?', params: ['findings'] };
