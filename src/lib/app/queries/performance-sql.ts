// The SQL of the 绩效评价 page as pure functions of the filters: the score histogram and the
// score-vs-execution picture from the detail view (v_project_scores: every project a point) or
// from the aggregates (agg_scores, agg_score_exec: projects counted per score bin and
// execution bin, for every unit in scope), and the project list (detail only). Node's tests
// compare the two; the browser picks one.
import { withRollups } from '../../db/rollups.ts';
import { aggWhere, buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import type { Query } from './overview-sql.ts';

export interface ProjectRow {
  doc_id: string;
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  kind: string;
  source: 'self_eval' | 'summary';
  project_id: string;
  name: string;
  budget: number | null;
  executed: number | null;
  exec_rate: number | null;
  score: number | null;
  score_bin: number | null;
  indicator_count: number | null;
}

export interface Bin {
  bin_lower: number;
  bin_label: string;
  projects: number;
}

/** Projects of one score bin and one execution bin (score_bin as v_project_scores, exec_bin as agg_score_exec). */
export interface Cell {
  bin_lower: number;
  exec_bin: number;
  projects: number;
}

/** High score with low execution: the pattern the scatter is for. */
export const HIGH_SCORE = 90;
export const LOW_EXECUTION = 80;
export const isFlagged = (p: { score: number | null; exec_rate: number | null }) =>
  p.score != null && p.exec_rate != null && p.score >= HIGH_SCORE && p.exec_rate < LOW_EXECUTION;
/** The same test on a cell: its bins lie wholly inside or outside the flagged area. */
export const isFlaggedCell = (c: Cell) => c.bin_lower >= HIGH_SCORE && c.exec_bin < LOW_EXECUTION;

/** The execution bin of a rate, as agg_score_exec computes it. */
export const execBin = (rate: number): number => (rate >= 100 ? 100 : rate < 0 ? 0 : Math.floor(rate / 10) * 10);

/** A score's bin, as v_project_scores computes it. */
export const scoreBin = (score: number): number => (score < 60 ? 0 : score >= 90 ? 90 : Math.floor(score / 10) * 10);

/** Scored projects with an execution rate, counted per cell (the detail path's points → cells). */
export function cellsOf(points: { score: number | null; exec_rate: number | null }[]): Cell[] {
  const m = new Map<string, Cell>();
  for (const p of points) {
    if (p.score == null || p.exec_rate == null) continue;
    const c = { bin_lower: scoreBin(p.score), exec_bin: execBin(p.exec_rate), projects: 0 };
    const k = `${c.bin_lower}:${c.exec_bin}`;
    (m.get(k) ?? (m.set(k, c), c)).projects++;
  }
  return [...m.values()].sort((a, b) => a.bin_lower - b.bin_lower || a.exec_bin - b.exec_bin);
}

export function projectsQuery(f: Filters, limit: number | null = null): Query {
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' });
  // A shortened list starts with the flagged projects.
  const order = limit != null ? `(score >= ${HIGH_SCORE} AND exec_rate < ${LOW_EXECUTION}) DESC NULLS LAST, ` : '';
  return {
    sql: `SELECT doc_id, unit_id, unit_name, fiscal_year, kind, source, project_id, name, budget, executed, exec_rate, score, score_bin, indicator_count
     FROM v_project_scores ${w.sql} ORDER BY ${order}unit_name, fiscal_year, source, ordinal, project_id${limit != null ? ` LIMIT ${Math.floor(limit)}` : ''}`,
    params: w.params,
  };
}

export function binsQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'p.unit_id', year: 'p.fiscal_year', kind: 'p.kind' }, { prefix: 'AND' });
  return {
    sql: `SELECT b.bin_lower, b.bin_label, CAST(count(p.project_id) AS INTEGER) AS projects
     FROM v_score_bins b LEFT JOIN v_project_scores p ON p.score_bin = b.bin_lower AND p.source = 'self_eval' ${w.sql}
     GROUP BY b.bin_lower, b.bin_label ORDER BY b.bin_lower`,
    params: w.params,
  };
}

export function binsAggQuery(f: Filters): Query {
  const w = aggWhere(f, { prefix: 'AND' });
  return withRollups({
    sql: `SELECT b.bin_lower, b.bin_label, CAST(coalesce(sum(a.projects), 0) AS INTEGER) AS projects
     FROM v_score_bins b LEFT JOIN agg_scores a ON a.bin_lower = b.bin_lower AND a.source = 'self_eval' ${w.sql}
     GROUP BY b.bin_lower, b.bin_label ORDER BY b.bin_lower`,
    params: w.params,
  }, f);
}

export function cellsAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  return withRollups({
    sql: `SELECT bin_lower, exec_bin, CAST(sum(projects) AS INTEGER) AS projects FROM agg_score_exec ${w.sql}
     GROUP BY bin_lower, exec_bin ORDER BY bin_lower, exec_bin`,
    params: w.params,
  }, f);
}
