// The SQL of the 支出结构 page as pure functions of the filters, two ways to the same figures:
// from the detail views (each document's lines and splits) and from the region-level
// aggregates (agg_function, agg_spending: a snapshot read in place, no county, sector or unit
// chosen), where the rows stand for every unit in scope summed per year and kind. Node's
// tests run both over the same snapshot and compare; the browser picks one. Also the pure
// 类 → 款 → 项 tree both are drawn with.
import { withRollups } from '../../db/rollups.ts';
import { aggWhere, buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import type { Query } from './overview-sql.ts';
import { SCOPE_ID } from './scope.ts';

export interface FunctionLine {
  doc_id: string | null;
  unit_id: string;
  unit_name: string | null;
  fiscal_year: number;
  kind: string;
  fund: string | null;
  lei_code: string | null;
  lei_name: string | null;
  kuan_code: string | null;
  kuan_name: string | null;
  xiang_code: string | null;
  xiang_name: string | null;
  amount: number | null;
  basic: number | null;
  project: number | null;
  staff: number | null;
  /** Amount per staff member of the line's document (summed over documents in scope rows). */
  amount_per_staff?: number | null;
  source_line: number | null;
  source_text: string | null;
}

export interface DocSplit {
  doc_id: string | null;
  unit_id: string;
  unit_name: string | null;
  fiscal_year: number;
  kind: string;
  /** Documents behind the row: 1, or every document in scope of that year and kind. */
  documents?: number;
  staff: number | null;
  expense_total: number | null;
  basic: number | null;
  project: number | null;
  personnel: number | null;
  public: number | null;
  amount_301: number | null;
  amount_302: number | null;
  amount_303: number | null;
}

/** The tree's order: by code, then by name (the first line of a node names it, in both paths). */
const LINE_ORDER = 'ORDER BY lei_code, kuan_code, xiang_code, lei_name, kuan_name, xiang_name, fiscal_year, kind, fund';

export function functionLinesQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' });
  return {
    sql: `SELECT doc_id, unit_id, unit_name, fiscal_year, kind, fund, lei_code, lei_name, kuan_code, kuan_name, xiang_code, xiang_name,
            amount, basic, project, staff, amount_per_staff, source_line, source_text
     FROM v_function_spending ${w.sql} ${LINE_ORDER}, unit_name, doc_id, source_line`,
    params: w.params,
  };
}

export function functionLinesAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  return withRollups({
    sql: `SELECT NULL AS doc_id, '${SCOPE_ID}' AS unit_id, NULL AS unit_name, fiscal_year, kind, fund,
            lei_code, lei_name, kuan_code, kuan_name, xiang_code, xiang_name,
            sum(amount) AS amount, sum(basic) AS basic, sum(project) AS project, NULL AS staff,
            sum(amount_per_staff) AS amount_per_staff, NULL AS source_line, NULL AS source_text
     FROM agg_function ${w.sql}
     GROUP BY fiscal_year, kind, fund, lei_code, lei_name, kuan_code, kuan_name, xiang_code, xiang_name
     ${LINE_ORDER}`,
    params: w.params,
  }, f);
}

export function docSplitsQuery(f: Filters): Query {
  const w = buildWhere(f, { unit: 'd.unit_id', year: 'd.fiscal_year', kind: 'd.kind' });
  return {
    sql: `SELECT d.doc_id, d.unit_id, d.unit_name, d.fiscal_year, d.kind, 1 AS documents, s.staff,
            b.expense_total, b.basic, b.project, p.personnel, p.public, e.amount_301, e.amount_302, e.amount_303
     FROM v_doc d
     LEFT JOIN v_doc_staff s ON s.doc_id = d.doc_id
     LEFT JOIN v_basic_project_split b ON b.doc_id = d.doc_id
     LEFT JOIN v_personnel_public p ON p.doc_id = d.doc_id
     LEFT JOIN v_economic_shares e ON e.doc_id = d.doc_id
     ${w.sql}
     ORDER BY d.unit_name, d.fiscal_year, d.kind, d.doc_id`,
    params: w.params,
  };
}

/** One row per year and kind for every document in scope. */
export function docSplitsAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  return {
    sql: `SELECT NULL AS doc_id, '${SCOPE_ID}' AS unit_id, NULL AS unit_name, fiscal_year, kind,
            CAST(sum(documents) AS INTEGER) AS documents, sum(staff) AS staff,
            sum(expense_total) AS expense_total, sum(basic) AS basic, sum(project) AS project,
            sum(personnel) AS personnel, sum(public) AS public,
            sum(amount_301) AS amount_301, sum(amount_302) AS amount_302, sum(amount_303) AS amount_303
     FROM agg_spending ${w.sql}
     GROUP BY fiscal_year, kind ORDER BY fiscal_year, kind`,
    params: w.params,
  };
}

export interface TreeNode {
  id: string;
  code: string | null;
  name: string;
  amount: number;
  children: TreeNode[];
  lines: FunctionLine[];
}

/**
 * The 类 → 款 → 项 tree of the given lines, amounts summed over documents (optionally per staff:
 * each line divided by its document's headcount). Pure.
 */
export function functionTree(lines: FunctionLine[], perStaff = false): TreeNode {
  const root: TreeNode = { id: 'root', code: null, name: '', amount: 0, children: [], lines: [] };
  const child = (parent: TreeNode, id: string, code: string | null, name: string) => {
    let c = parent.children.find((x) => x.id === id);
    if (!c) parent.children.push((c = { id, code, name, amount: 0, children: [], lines: [] }));
    return c;
  };
  for (const l of lines) {
    if (l.amount == null) continue;
    const v = perStaff ? (l.amount_per_staff !== undefined ? l.amount_per_staff : l.staff ? l.amount / l.staff : null) : l.amount;
    if (v == null) continue;
    const lei = child(root, l.lei_code ?? `?${l.lei_name ?? ''}`, l.lei_code, l.lei_name ?? l.lei_code ?? '—');
    const kuan = child(lei, l.kuan_code ?? `${lei.id}/?${l.kuan_name ?? ''}`, l.kuan_code, l.kuan_name ?? l.kuan_code ?? '—');
    const xiang = child(kuan, l.xiang_code ?? `${kuan.id}/?${l.xiang_name ?? ''}`, l.xiang_code, l.xiang_name ?? l.xiang_code ?? '—');
    for (const n of [root, lei, kuan, xiang]) n.amount += v;
    xiang.lines.push(l);
  }
  const sort = (n: TreeNode) => {
    n.children.sort((a, b) => b.amount - a.amount);
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** The node at a drill path of ids (stops where the path no longer matches). */
export function nodeAt(root: TreeNode, path: string[]): { node: TreeNode; trail: TreeNode[] } {
  const trail: TreeNode[] = [root];
  let node = root;
  for (const id of path) {
    const next = node.children.find((c) => c.id === id);
    if (!next) break;
    node = next;
    trail.push(next);
  }
  return { node, trail };
}
