// 绩效评价: project self-evaluation scores (distribution, score vs execution rate) and the
// indicators of one project.
import { queryRows } from '../../db/query.ts';
import { buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import { ready } from '../snapshot.svelte.ts';

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

/** High score with low execution: the pattern the scatter is for. */
export const HIGH_SCORE = 90;
export const LOW_EXECUTION = 80;
export const isFlagged = (p: { score: number | null; exec_rate: number | null }) =>
  p.score != null && p.exec_rate != null && p.score >= HIGH_SCORE && p.exec_rate < LOW_EXECUTION;

export async function loadPerformance(f: Filters): Promise<{ projects: ProjectRow[]; bins: Bin[] }> {
  await ready();
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' });
  const projects = await queryRows<ProjectRow>(
    `SELECT doc_id, unit_id, unit_name, fiscal_year, kind, source, project_id, name, budget, executed, exec_rate, score, score_bin, indicator_count
     FROM v_project_scores ${w.sql} ORDER BY unit_name, fiscal_year, source, ordinal`,
    w.params,
  );
  const wb = buildWhere(f, { unit: 'p.unit_id', year: 'p.fiscal_year', kind: 'p.kind' }, { prefix: 'AND' });
  const bins = await queryRows<Bin>(
    `SELECT b.bin_lower, b.bin_label, count(p.project_id) AS projects
     FROM v_score_bins b LEFT JOIN v_project_scores p ON p.score_bin = b.bin_lower AND p.source = 'self_eval' ${wb.sql}
     GROUP BY b.bin_lower, b.bin_label ORDER BY b.bin_lower`,
    wb.params,
  );
  return { projects, bins };
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

export async function loadIndicators(projectId: string | null): Promise<IndicatorRow[]> {
  if (!projectId) return [];
  await ready();
  return queryRows<IndicatorRow>(
    `SELECT ordinal, level1, level2, level3, target, actual, weight, score, note, source_line, source_text
     FROM indicators WHERE project_id = ? ORDER BY ordinal`,
    [projectId],
  );
}
