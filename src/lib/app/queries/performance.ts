// 绩效评价: project self-evaluation scores (distribution, score vs execution rate) and the
// indicators of one project. A snapshot read in place answers the distributions from its
// aggregates and lists projects only when asked (the first 200, flagged ones first, read from
// the partitions of the filters). SQL: performance-sql.ts.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import type { Filters } from '../filters.ts';
import type { SeedLookup } from '../../db/seed.ts';
import { detailScope, fromAggregates } from '../snapshot.svelte.ts';
import type { Bin, Cell, ProjectRow } from './performance-sql.ts';
import { binsAggQuery, binsQuery, cellsAggQuery, projectsQuery } from './performance-sql.ts';

export type { Bin, Cell, ProjectRow } from './performance-sql.ts';
export { HIGH_SCORE, LOW_EXECUTION, isFlagged, isFlaggedCell } from './performance-sql.ts';

/** Projects listed at once from the partitions of a snapshot read in place. */
export const PROJECT_LIST_MAX = 200;

export interface Performance {
  bins: Bin[];
  /** Detail: every project (the scatter's points). Aggregates: null, and `cells` instead. */
  projects: ProjectRow[] | null;
  cells: Cell[] | null;
}

/** The page's first queries (the embedded snapshot), which it is prerendered with. */
export const performanceFirstQueries = (f: Filters) => [projectsQuery(f), binsQuery(f)];

/** loadPerformance's answer from the seed (the embedded snapshot), or null when it lacks one. */
export function performanceFromSeed(get: SeedLookup, f: Filters): Performance | null {
  const projects = get<ProjectRow>(projectsQuery(f));
  const bins = get<Bin>(binsQuery(f));
  return projects && bins ? { bins, projects, cells: null } : null;
}

export async function loadPerformance(f: Filters, run: QueryOpts = {}): Promise<Performance> {
  if (await fromAggregates(f)) {
    const b = binsAggQuery(f);
    const c = cellsAggQuery(f);
    const [bins, cells] = await Promise.all([queryRows<Bin>(b.sql, b.params, b.live, run), queryRows<Cell>(c.sql, c.params, c.live, run)]);
    return { bins, cells, projects: null };
  }
  await detailScope(f);
  const p = projectsQuery(f);
  const b = binsQuery(f);
  const [projects, bins] = await Promise.all([queryRows<ProjectRow>(p.sql, p.params, p.live, run), queryRows<Bin>(b.sql, b.params, b.live, run)]);
  return { bins, projects, cells: null };
}

/** The project list where the distributions came from the aggregates: on request, shortened. */
export async function loadProjectList(f: Filters, run: QueryOpts = {}): Promise<ProjectRow[]> {
  await detailScope(f);
  const p = projectsQuery(f, PROJECT_LIST_MAX);
  return queryRows<ProjectRow>(p.sql, p.params, p.live, run);
}

export interface IndicatorRow {
  ordinal: number;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  target: string | null;
  actual: string | null;
  weight: number | null;
  score: number | null;
  note: string | null;
  source_line: number | null;
  source_text: string | null;
}

export async function loadIndicators(f: Filters, projectId: string | null, run: QueryOpts = {}): Promise<IndicatorRow[]> {
  if (!projectId) return [];
  await detailScope(f);
  return queryRows<IndicatorRow>(
    `SELECT ordinal, level1, level2, level3, target, actual, weight, score, note, source_line, source_text
     FROM indicators WHERE project_id = ? ORDER BY ordinal`,
    [projectId],
    undefined,
    run,
  );
}
