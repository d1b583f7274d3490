// 支出结构: 功能分类 lines (类 → 款 → 项), 基本/项目 split, 人员/公用 and 经济分类 classes, per
// document, with headcounts for per-staff figures.
import { queryRows } from '../../db/query.ts';
import { buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import { ready } from '../snapshot.svelte.ts';

export interface FunctionLine {
  doc_id: string;
  unit_id: string;
  unit_name: string;
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
  source_line: number | null;
  source_text: string | null;
}

export interface DocSplit {
  doc_id: string;
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  kind: string;
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

export async function loadSpending(f: Filters): Promise<{ lines: FunctionLine[]; docs: DocSplit[] }> {
  await ready();
  const w = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' });
  const lines = await queryRows<FunctionLine>(
    `SELECT doc_id, unit_id, unit_name, fiscal_year, kind, fund, lei_code, lei_name, kuan_code, kuan_name, xiang_code, xiang_name,
            amount, basic, project, staff, source_line, source_text
     FROM v_function_spending ${w.sql} ORDER BY lei_code, kuan_code, xiang_code`,
    w.params,
  );
  const wd = buildWhere(f, { unit: 'd.unit_id', year: 'd.fiscal_year', kind: 'd.kind' });
  const docs = await queryRows<DocSplit>(
    `SELECT d.doc_id, d.unit_id, d.unit_name, d.fiscal_year, d.kind, s.staff,
            b.expense_total, b.basic, b.project, p.personnel, p.public, e.amount_301, e.amount_302, e.amount_303
     FROM v_doc d
     LEFT JOIN v_doc_staff s ON s.doc_id = d.doc_id
     LEFT JOIN v_basic_project_split b ON b.doc_id = d.doc_id
     LEFT JOIN v_personnel_public p ON p.doc_id = d.doc_id
     LEFT JOIN v_economic_shares e ON e.doc_id = d.doc_id
     ${wd.sql}
     ORDER BY d.unit_name, d.fiscal_year, d.kind`,
    wd.params,
  );
  return { lines, docs };
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
    const v = perStaff ? (l.staff ? l.amount / l.staff : null) : l.amount;
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
