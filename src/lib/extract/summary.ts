// 项目支出绩效评价汇总表: one row per project with its unit, money, rates and self-score.
import type { Doc } from './document.ts';
import { linesSource, printedIn } from './document.ts';
import { cleanName, filled } from './rows.ts';
import { columnLabels, type Table } from './tables.ts';
import { normName, parseNumber, toWan } from './text.ts';
import type { SummaryProject } from './types.ts';

type Field = 'name' | 'unit' | 'budget_initial' | 'budget_full_year' | 'executed' | 'exec_rate' | 'completion_pct' | 'score';
const FIELDS: [RegExp, Field][] = [
  [/项目名称/, 'name'],
  [/部门单位|单位名称|^单位$|实施单位/, 'unit'],
  [/年初预算.*(?:合计|\/小计)$|^年初预算数?(?:\(万元\))?$/, 'budget_initial'],
  [/全年预算.*(?:合计|\/小计)$|^全年预算数?(?:\(万元\))?$/, 'budget_full_year'],
  [/执行率/, 'exec_rate'],
  [/执行数/, 'executed'],
  [/完成率/, 'completion_pct'],
  [/单位自评得分|自评得分/, 'score'],
];

export function isSummaryTable(t: Table): boolean {
  return /绩效.*汇总表|汇总表.*绩效/.test(t.title) || (t.rows.slice(0, 4).some((r) => r.cells.some((c) => /项目名称/.test(c))) && t.rows.slice(0, 4).some((r) => r.cells.some((c) => /自评得分/.test(normName(c)))));
}

export function readSummary(doc: Doc, t: Table): SummaryProject[] {
  const headerEnd = t.rows.findIndex((r) => filled(r.cells).length >= 4 && r.cells.some((c) => /%|\d+\.\d+/.test(c)) && !r.cells.some((c) => /执行率|得分/.test(c)));
  if (headerEnd <= 0) return [];
  const header = t.rows.slice(0, headerEnd).filter((r) => r.aligned);
  const labels = columnLabels(header);
  const col: Partial<Record<Field, number>> = {};
  labels.forEach((l, i) => {
    const hit = FIELDS.find(([re]) => re.test(l));
    if (hit && col[hit[1]] === undefined) col[hit[1]] = i;
  });
  if (col.name === undefined) return [];
  const out: SummaryProject[] = [];
  for (const r of t.rows.slice(headerEnd)) {
    if (!r.aligned) continue;
    const name = normName(r.cells[col.name] ?? '');
    const unit = col.unit !== undefined ? normName(r.cells[col.unit] ?? '') : '';
    if (!name || /合计|小计|总计/.test(name) || /合计|小计|总计/.test(unit)) continue;
    const p: SummaryProject = { name: cleanName(printedIn(doc, r.from, r.to, r.cells[col.name].trim())) };
    if (unit) p.unit = cleanName(printedIn(doc, r.from, r.to, r.cells[col.unit!].trim()));
    for (const f of ['budget_initial', 'budget_full_year', 'executed', 'exec_rate', 'completion_pct', 'score'] as const) {
      const i = col[f];
      if (i === undefined) continue;
      const v = parseNumber(r.cells[i]);
      if (v == null) continue;
      p[f] = f === 'budget_initial' || f === 'budget_full_year' || f === 'executed' ? toWan(v, t.unit) : v;
    }
    p.source = linesSource(doc, r.from, r.to);
    out.push(p);
  }
  return out;
}
