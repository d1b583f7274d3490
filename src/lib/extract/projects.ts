// 项目支出绩效自评表 (final accounts) and 项目支出绩效目标表 (budgets): one project each,
// with its money row, stated score and indicator rows, whatever the cell layout.
import type { Doc } from './document.ts';
import { linesSource, printedIn } from './document.ts';
import { cleanName, filled, readRows, type Row } from './rows.ts';
import type { Section } from './sections.ts';
import { normName, parseNumber, toWan } from './text.ts';
import type { FundRow, Indicator, Project } from './types.ts';

const MARKER = /项目(?:支出)?绩效(?:自评|目标)(?:申报|情况)?表/;

/** Cells that name an indicator level, or fragments of such a label broken across cells. */
const LEVEL_RE = /^(?:年度)?(?:绩效)?(?:指标)?(?:完成)?(?:情况)?$|^(?:一级|二级|三级)?指标$|^(?:项目)?(?:产出|效益|满意度|成本|完成|数量|质量|时效|经济效益|社会效益|生态效益|生态环境|可持续影响|可持续影|服务对象满意度|经济成本|社会成本|生态环境成本)(?:指标|指|标)?$/;
function isLevelCell(c: string): boolean {
  // Cells come from normalised lines: only their spaces need removing.
  const t = c.replace(/\s+/g, '');
  if (!t) return true;
  if (LEVEL_RE.test(t)) return true;
  // Single characters and two-character fragments of a label split by the text layer ("年", "产", "满意").
  return t.length <= 2 && /^[\u4e00-\u9fff]+$/.test(t) && /[年产度满意情况指标效益出完成]/.test(t);
}
const LEVEL_PREFIX = /^(?:服务对象满意度指标|满意度指标|社会效益指标|经济效益指标|生态效益指标|可持续影响指标|数量指标|质量指标|时效指标|成本指标)\s+/;

/**
 * A row's cells without whitespace, computed once: rows are tested against many labels. Kept
 * on the row itself (the rows are this module's own): a WeakMap of every row of every table
 * cost more in its upkeep and the collector's than the lookups saved.
 */
function keys(r: Row & { keys?: string[] }): string[] {
  return (r.keys ??= r.cells.map((c) => (/\s/.test(c) ? c.replace(/\s+/g, '') : c)));
}
/** filled(r.cells), computed once a row for the same reason (callers never change the list). */
function full(r: Row & { full?: string[] }): string[] {
  return (r.full ??= filled(r.cells));
}

const isScore = (c: string) => /^\s*\d+(?:\.\d+)?\s*分?\s*$/.test(c);

export interface ProjectTable {
  from: number;
  to: number;
  kind: 'self' | 'target';
}

/** Where each project table starts and ends: from its title to the next title or heading. */
export function findProjectTables(doc: Doc, sections: Section[]): ProjectTable[] {
  const marks: { line: number; kind: 'self' | 'target' }[] = [];
  for (const l of doc.lines) {
    const m = MARKER.exec(l.norm);
    if (!m) continue;
    // A table of contents entry ("七、《项目支出绩效自评表》") is not a table.
    if (/《[^》]*绩效[^》]*》/.test(l.norm) || l.norm.replace(/\s/g, '').length > 40) continue;
    marks.push({ line: l.no, kind: /目标/.test(m[0]) ? 'target' : 'self' });
  }
  const headings = sections.filter((s) => s.level <= 2).map((s) => s.headingLine);
  return marks.map((mk, i) => {
    const nextMark = marks[i + 1]?.line ?? doc.lines.length + 1;
    const nextHead = headings.find((h) => h > mk.line) ?? doc.lines.length + 1;
    return { from: mk.line, to: Math.min(nextMark, nextHead) - 1, kind: mk.kind };
  });
}

function cellAfter(row: Row, re: RegExp): string | undefined {
  const i = row.cells.findIndex((c) => re.test(normName(c)));
  if (i < 0) return undefined;
  return filled(row.cells.slice(i + 1))[0];
}

/** Reads one indicator row; null when the row carries no named indicator. */
function readIndicator(row: Row, withScores: boolean): Indicator | null {
  const f = full(row);
  let j = -1;
  if (withScores) {
    for (let k = f.length - 2; k >= 1; k--) if (isScore(f[k]) && isScore(f[k + 1])) { j = k; break; }
    if (j < 0) return null;
  } else j = f.length;
  const labels: string[] = [];
  let k = 0;
  while (k < j && isLevelCell(f[k])) labels.push(f[k++]);
  const rest = f.slice(k, j);
  if (!rest.length) return null;
  if (!withScores && rest.length < 2) return null;
  const name = cleanName(rest[0].replace(LEVEL_PREFIX, ''));
  if (!name || /^\d+(?:\.\d+)?$/.test(name)) return null;
  const levels = labels.map((x) => x.replace(/\s+/g, '')).filter((x) => x.length > 2);
  const ind: Indicator = { level3: name };
  if (levels.length >= 2) [ind.level1, ind.level2] = levels.slice(-2);
  else if (levels.length === 1) ind.level2 = levels[0];
  if (rest[1]) ind.target = rest[1];
  if (rest[2]) ind.actual = rest[2];
  if (withScores) {
    ind.weight = parseNumber(f[j]) ?? undefined;
    ind.score = parseNumber(f[j + 1]) ?? undefined;
    const note = f.slice(j + 2).join(' ');
    if (note) ind.note = note;
  }
  return ind;
}

type MoneyCol = 'budget_initial' | 'budget_full_year' | 'executed' | 'weight' | 'exec_rate' | 'score';
const MONEY_HEADS: [RegExp, MoneyCol][] = [
  [/年初预算/, 'budget_initial'],
  [/全年预算/, 'budget_full_year'],
  [/全年执行|执行数/, 'executed'],
  [/分值/, 'weight'],
  [/执行率/, 'exec_rate'],
  [/得分/, 'score'],
];

/** Reads one project table into a project record. */
export function readProject(doc: Doc, t: ProjectTable): Project | null {
  const rows = readRows(doc, t.from, t.to, true).filter((r) => full(r).length);
  if (!rows.length) return null;
  let name: string | undefined;
  for (let i = 0; i < rows.length && !name; i++) {
    const r = rows[i];
    const idx = keys(r).findIndex((c) => /^项目名称[:：]?$/.test(c));
    if (idx < 0) continue;
    name = filled(r.cells.slice(idx + 1)).find((c) => !/^(?:主管部门|实施单位|预算单位)/.test(normName(c)));
    // Some tables print the name on the row above an empty 项目名称 row.
    if (!name && i > 0) name = full(rows[i - 1]).find((c) => !MARKER.test(c) && !/^\(?\d{4}年度?\)?$/.test(normName(c)));
  }
  if (!name) {
    // Prose layout: "项目名称：XXX" on a line of its own.
    for (let n = t.from; n <= t.to && !name; n++) {
      const m = /项目名称[:：]\s*(.+)$/.exec(doc.lines[n - 1].norm.trim());
      if (m) name = m[1];
    }
  }
  if (!name) return null;
  const project: Project = { name: cleanName(printedIn(doc, t.from, t.to, name)), indicator_count: 0 };

  // Money: the 年度资金总额 row, or the row below it when the label sits in the header row.
  const fundIdx = rows.findIndex((r) => keys(r).some((c) => /年度资金(?:申请)?总额/.test(c)));
  let lastMoneyRow = fundIdx;
  if (fundIdx >= 0) {
    const fundRow = rows[fundIdx];
    const at = keys(fundRow).findIndex((c) => /年度资金(?:申请)?总额/.test(c));
    let values = filled(fundRow.cells.slice(at + 1)).filter((c) => parseNumber(c) != null || /^[—–-]$/.test(c));
    if (!values.some((c) => parseNumber(c) != null) && rows[fundIdx + 1]) {
      const below = rows[fundIdx + 1];
      const f = full(below);
      const start = f.findIndex((c) => parseNumber(c) != null);
      values = start >= 0 ? f.slice(start).filter((c) => parseNumber(c) != null || /^[—–-]$/.test(c)) : [];
      lastMoneyRow = fundIdx + 1;
    }
    // Forms in 元 say so in a cell ("（元）", "单位：元"); the others are in 万元.
    const inYuan = rows.slice(0, fundIdx + 4).some((r) => keys(r).some((c) => /^[(（]元[)）]$|单位[:：]元$|资金[(（]元[)）]$/.test(c)));
    const scale = (v: number) => (inYuan ? toWan(v, '元') : v);
    if (t.kind === 'target') {
      const v = parseNumber(values[0]);
      if (v != null) project.budget = scale(v);
    } else {
      // Column order from the header row that names them (年初预算数 … 得分).
      const header = rows.slice(Math.max(0, fundIdx - 2), fundIdx + 1).reverse().find((r) => keys(r).some((c) => /年初预算|全年预算/.test(c)));
      const order = (header ? full(header) : [])
        .map((c) => MONEY_HEADS.find(([re]) => re.test(normName(c)))?.[1])
        .filter((x): x is NonNullable<typeof x> => !!x);
      const cols = order.length >= 3 && order.length >= values.length ? order : MONEY_HEADS.map((x) => x[1]);
      const execution: { weight?: number; score?: number } = {};
      cols.forEach((col, i) => {
        const v = parseNumber(values[i]);
        if (v == null) return;
        if (col === 'weight' || col === 'score') execution[col] = v;
        else project[col] = col === 'exec_rate' ? v : scale(v);
      });
      if (execution.weight !== undefined || execution.score !== undefined) project.execution = execution;
      project.funds = fundRows(doc, rows, fundIdx, lastMoneyRow, cols, scale);
    }
  }

  // Indicators: rows after the money block up to 总分.
  const totalIdx = rows.findIndex((r, i) => {
    if (i <= fundIdx) return false;
    const first = full(r)[0] ?? '';
    return first.includes('总') && /^总分/.test(normName(first));
  });
  const end = totalIdx >= 0 ? totalIdx : rows.length;
  let start = lastMoneyRow + 1;
  // Indicator rows follow the 三级指标 header where there is one, else the stated goals.
  const head = rows.findIndex((r, i) => i > lastMoneyRow && i < end && keys(r).some((c) => /^三级指标$/.test(c)));
  const goal = rows.findIndex((r, i) => i > lastMoneyRow && i < end && keys(r).some((c) => /年度总体目标|项目总体目标|预期目标/.test(c)));
  if (head >= 0) start = head + 1;
  else if (goal >= 0) start = goal + 1;
  const indicators: Indicator[] = [];
  for (let i = start; i < end; i++) {
    const r = rows[i];
    if (keys(r).some((c) => /^三级指标$|^指标值/.test(c))) continue;
    const ind = readIndicator(r, t.kind === 'self');
    if (ind) {
      ind.source = linesSource(doc, r.from, r.to);
      indicators.push(ind);
    }
  }
  project.indicator_count = indicators.length;
  project.indicators = indicators;
  if (totalIdx >= 0 && t.kind === 'self') {
    const nums = full(rows[totalIdx]!).map(parseNumber).filter((x): x is number => x != null);
    if (nums.length) project.score = nums[nums.length - 1];
  }
  project.source = linesSource(doc, t.from, rows[Math.min(end, rows.length - 1)].to);
  return project;
}

const FUND_LABELS: [RegExp, FundRow['label']][] = [
  [/年度资金(?:申请)?总额/, 'total'],
  [/当年财政拨款|财政拨款|财政资金/, 'current'],
  [/上年结转/, 'carryover'],
  [/其他资金/, 'other'],
];

/**
 * The 项目资金 rows: 年度资金总额 and its parts. Aligned rows keep their empty cells, so a
 * part printed without 年初预算数 is not shifted; a part whose label the text layer printed
 * as a number (the row right under the total) is taken for 当年财政拨款.
 */
function fundRows(doc: Doc, rows: Row[], fundIdx: number, lastMoneyRow: number, cols: string[], scale: (v: number) => number): FundRow[] {
  const out: FundRow[] = [];
  const totalAt = keys(rows[fundIdx]).findIndex((c) => /年度资金(?:申请)?总额/.test(c));
  for (let i = fundIdx; i < rows.length && i <= fundIdx + 5; i++) {
    const r = rows[i];
    const k = keys(r);
    if (i > fundIdx && k.some((c) => /年度总体目标|预期目标|项目总体目标|一级指标|三级指标/.test(c))) break;
    let at = k.findIndex((c) => FUND_LABELS.some(([re]) => re.test(c)));
    let label = at >= 0 ? FUND_LABELS.find(([re]) => re.test(k[at]))![1] : null;
    if (i === lastMoneyRow && lastMoneyRow !== fundIdx) {
      // The total's figures sit on the row below its label.
      label = 'total';
      at = k.findIndex((c) => parseNumber(c) != null) - 1;
    } else if (!label && i === fundIdx + 1 && k.some((c) => parseNumber(c) != null)) {
      // A label printed as a figure sits in the total's label column.
      label = 'current';
      at = r.aligned ? totalAt : k.findIndex((c) => parseNumber(c) != null) - 1;
    }
    if (!label) continue;
    if (i === lastMoneyRow && lastMoneyRow !== fundIdx && fundIdx >= 0 && out.length && out[out.length - 1].label === 'total') out.pop();
    const cells = r.aligned ? r.cells.slice(at + 1) : filled(r.cells.slice(at + 1));
    const row: FundRow = { label, printed: (r.cells[at] ?? '').trim() };
    cols.slice(0, 3).forEach((col, j) => {
      const v = parseNumber(cells[j]);
      if (v != null && (col === 'budget_initial' || col === 'budget_full_year' || col === 'executed')) row[col] = scale(v);
    });
    row.source = linesSource(doc, r.from, r.to);
    if (row.budget_initial !== undefined || row.budget_full_year !== undefined || row.executed !== undefined) out.push(row);
  }
  return out;
}

/** Every project table's project; `tables` when the caller has already found them. */
export function readProjects(doc: Doc, sections: Section[], warnings: string[] = [], tables = findProjectTables(doc, sections)): Project[] {
  const out: Project[] = [];
  for (const t of tables) {
    const p = readProject(doc, t);
    if (p && (p.indicator_count || p.budget != null || p.budget_full_year != null || p.budget_initial != null)) out.push(p);
    else if (t.to > t.from + 2) warnings.push(`project table at line ${t.from} could not be read${p ? ` (${p.name}: no money row and no indicators)` : ' (no 项目名称)'}`);
  }
  return out;
}
