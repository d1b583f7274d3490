// Province-level rollups of the largest region-level aggregates, for a snapshot read in place.
// The aggregates' grain is province × prefecture × level × year × kind (a few hundred thousand
// rows at province scale); a filter that names no prefecture and no level needs them summed
// over prefecture and level only — one row in twenty. When the snapshot opens, the browser
// computes each rollup once into a table (`<aggregate>_by_province`: the same columns but
// prefecture and level, every measure summed), and such queries read it instead
// (`withRollups`). Their figures are the same sums (test/sql/rollups.test.ts). Pure.
import type { Filters } from '../app/filters.ts';
import { quoteIdent } from '../sql/index.ts';
import type { Param } from './where.ts';

/** The aggregates rolled up, with their measures (every other column but prefecture and level is a key). */
export const ROLLUPS: Readonly<Record<string, readonly string[]>> = {
  agg_figures: ['documents', 'total'],
  agg_function: ['lines', 'amount', 'basic', 'project', 'amount_per_staff'],
  agg_score_exec: ['projects'],
  agg_scores: ['projects', 'low_exec'],
  agg_findings: ['findings'],
};

export const rollupName = (aggregate: string): string => `${aggregate}_by_province`;

/** The statement that computes an aggregate's rollup into its table. */
export function rollupSql(aggregate: string): string {
  const measures = ROLLUPS[aggregate];
  if (!measures) throw new Error(`no rollup for ${aggregate}`);
  const m = measures.map(quoteIdent);
  return `CREATE OR REPLACE TABLE ${quoteIdent(rollupName(aggregate))} AS
    SELECT * EXCLUDE (prefecture, level, ${m.join(', ')}), ${m.map((x) => `sum(${x}) AS ${x}`).join(', ')}
    FROM ${quoteIdent(aggregate)} GROUP BY ALL`;
}

/** Whether a query with these filters may read the rollups: no prefecture, no level. */
export const rollupable = (f: Filters): boolean => f.prefecture == null && f.level == null;

const NAMES = `\\b(${Object.keys(ROLLUPS).join('|')})\\b`;

/**
 * An aggregate query with, as `live`, the same query over the rollups when its filters allow.
 * The seed answers the query by its own text; the database runs `live`.
 */
export function withRollups<Q extends { sql: string; params: Param[] }>(q: Q, f: Filters): Q & { live?: { sql: string; params: Param[] } } {
  if (!rollupable(f) || !new RegExp(NAMES).test(q.sql)) return q;
  return { ...q, live: { sql: q.sql.replace(new RegExp(NAMES, 'g'), (n) => rollupName(n)), params: q.params } };
}
