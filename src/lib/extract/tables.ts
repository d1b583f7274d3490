// The standard tables of a disclosure, read as tables: their title says what they are,
// their header says what each column means, and rows are read by label or by code.
// Works on aligned cells (tab, markdown, HTML, one cell per line) and on rows whose cells
// a PDF text layer split with spaces (then columns are matched by order).
import type { Doc } from './document.ts';
import { linesSource, printedIn } from './document.ts';
import { classCodeByName, repairCode } from './catalogue.ts';
import { isTableLine } from './narrative.ts';
import { cleanName, filled, readRows, spaceCells, type Row } from './rows.ts';
import { normName, parseNumber, toWan } from './text.ts';
import type { Basis, EconomicLine, Fact, FunctionLine, Provenance } from './types.ts';

export interface Table {
  title: string;
  titleLine: number;
  /** Unit the amounts are printed in. */
  unit: '万元' | '元' | '亿元' | '千元';
  rows: Row[];
}

const TITLE_END = /(?:总表|情况表|决算表|预算表|汇总表|支出表|收入表|收支表|明细表|经费表|统计表)$/;

function titleText(norm: string): string | null {
  let t = norm.replace(/<\/?[a-z][^>]*>/gi, '').replace(/[*#]/g, '').trim();
  t = t.replace(/^(?:附表\s*\d+|表\s*[一二三四五六七八九十\d]+)\s*[:：、.]?\s*/, '').replace(/\s*[(（]?公开\s*\d+\s*表[)）]?\s*$/, '').trim();
  t = t.replace(/^(?:\d{4}\s*年(?:度)?)/, '').trim();
  const c = t.replace(/\s+/g, '');
  if (!c || c.length > 50 || /《|》|见附表/.test(c) || /绩效(?:自评|目标)/.test(c)) return null;
  return TITLE_END.test(c) ? c : null;
}

function unitNear(doc: Doc, line: number): Table['unit'] {
  for (let n = line; n <= Math.min(doc.lines.length, line + 6); n++) {
    const m = /(?:金额)?单位\s*[:：]\s*(万元|亿元|千元|元)/.exec(doc.lines[n - 1].norm);
    if (m) return m[1] as Table['unit'];
  }
  return '万元';
}

const NUMERIC_TOKEN = /^[-+]?[\d,]*\.?\d+%?$/;

/** Every titled table, with its rows up to the next title. */
export function findTables(doc: Doc, stopLines: number[]): Table[] {
  const titles: { line: number; title: string }[] = [];
  for (const l of doc.lines) {
    if (!/表[)）\s*]*$|表\s*[(（]?公开/.test(l.norm)) continue;
    const cells = isTableLine(l.norm) ? filled(l.norm.split('\t')) : [l.norm];
    if (cells.length !== 1) continue;
    const t = titleText(cells[0]);
    if (t) titles.push({ line: l.no, title: t });
  }
  const stops = [...stopLines].sort((a, b) => a - b);
  return titles.map((t, i) => {
    const nextTitle = titles[i + 1]?.line ?? doc.lines.length + 1;
    const nextStop = stops.find((s) => s > t.line) ?? doc.lines.length + 1;
    const to = Math.min(nextTitle, nextStop) - 1;
    const rows: Row[] = [];
    for (const r of readRows(doc, t.line + 1, to)) rows.push(r);
    // Text layers that lost the cell separators: a line with several numbers is a row.
    for (let n = t.line + 1; n <= to; n++) {
      const norm = doc.lines[n - 1].norm;
      if (isTableLine(norm) || /[。，;；]/.test(norm) || norm.length > 300) continue;
      let cells = spaceCells(norm);
      // A code alone on its line: its name and figures follow on the next lines (a text
      // layer that wrapped the name cell). Join them up to the line with the figures.
      if (cells.length === 1 && CODE_CELL.test(cells[0])) {
        const start = n;
        let name = '';
        let k = n + 1;
        while (k <= to && k - n <= 3) {
          const c = spaceCells(doc.lines[k - 1].norm);
          if (c.some((x) => NUMERIC_TOKEN.test(x) && /\./.test(x))) {
            const at = c.findIndex((x) => NUMERIC_TOKEN.test(x));
            name += c.slice(0, at).join('');
            cells = [cells[0], name, ...c.slice(at)];
            rows.push({ cells, from: start, to: k, aligned: false, wrapped: true });
            n = k;
            break;
          }
          if (c.length === 1 && CODE_CELL.test(c[0])) break;
          name += c.join('');
          k++;
        }
        continue;
      }
      if (cells.filter((c) => NUMERIC_TOKEN.test(c)).length >= 1 && cells.length >= 2) rows.push({ cells, from: n, to: n, aligned: false });
      else if (cells.length >= 3) rows.push({ cells, from: n, to: n, aligned: false });
    }
    rows.sort((a, b) => a.from - b.from);
    return { title: t.title, titleLine: t.line, unit: unitNear(doc, t.line), rows };
  });
}

const isNum = (c: string) => parseNumber(c) != null && !/^\d{3}(?:\d{2}){0,2}$/.test(c.trim()) || /^\d+\.\d+$/.test(c.trim()) || /^0$/.test(c.trim());
const hasNumber = (r: Row) => r.cells.some((c) => parseNumber(c) != null && /[.,]\d|^0$|^\d{1,2}$|^\d+\.?$/.test(c.trim()));

/** Header rows: those above the first row that carries figures. */
function splitHeader(t: Table): { header: Row[]; data: Row[] } {
  const first = t.rows.findIndex((r) => {
    const f = filled(r.cells);
    if (!f.length) return false;
    if (f.some((c) => /栏次|行次/.test(c)) && f.filter((c) => parseNumber(c) != null).length === f.length - 1) return false;
    return f.some((c) => parseNumber(c) != null && /\.\d|^0$/.test(c.trim())) || (f.filter((c) => parseNumber(c) != null).length >= 2 && !f.some((c) => /编码|科目|项目|预算数|决算数/.test(c)));
  });
  if (first < 0) return { header: t.rows, data: [] };
  return { header: t.rows.slice(0, first), data: t.rows.slice(first).filter((r) => !filled(r.cells).some((c) => /^栏次$|^行次$/.test(normName(c)))) };
}

/**
 * Column labels of an aligned header: each column's cells from top to bottom, a merged
 * parent cell (empty to the right of its label in all but the last header row) carried
 * over the columns it spans.
 */
export function columnLabels(header: Row[]): string[] {
  const width = Math.max(0, ...header.map((r) => r.cells.length));
  const labels: string[] = Array.from({ length: width }, () => '');
  header.forEach((r, hi) => {
    let carry = '';
    for (let c = 0; c < width; c++) {
      const cell = normName(r.cells[c] ?? '');
      if (cell) carry = cell;
      const part = cell || (hi < header.length - 1 && c > 0 ? carry : '');
      if (part && !labels[c].endsWith(part)) labels[c] = labels[c] ? `${labels[c]}/${part}` : part;
    }
  });
  return labels;
}

/** Header labels in reading order, for rows whose cells are not aligned. */
function labelSequence(header: Row[]): string[] {
  const out: string[] = [];
  for (const r of header) for (const c of filled(r.cells)) out.push(normName(c));
  return out;
}

// ---- codes ----------------------------------------------------------------------------------

const CODE_CELL = /^\d{2,7}$/;
interface Coded {
  parts: string[];
  name: string;
  values: (number | null)[];
  /** Column index of each value (aligned rows) or its order (unaligned). */
  cols: number[];
  row: Row;
}

/** Splits a row into its leading code parts, its name and its figures. */
function readCoded(r: Row): Coded | null {
  let cells = r.cells.map((c) => c.trim());
  // "类 款 项 合计 4,733.14 …": the header's last cells printed on the total row.
  if (!r.aligned) {
    while (cells.length && /^(?:类|款|项|栏次)+$/.test(cells[0])) cells = cells.slice(1);
    if (cells.length && /^(?:类|款|项)+(?:合计|总计)$/.test(cells[0])) cells = [cells[0].replace(/^(?:类|款|项)+/, ''), ...cells.slice(1)];
  }
  const parts: string[] = [];
  let i = 0;
  // Leading empty cells of an aligned row stand for inherited 类/款 columns.
  while (i < cells.length && (CODE_CELL.test(cells[i].replace(/\s+/g, '')) || (r.aligned && cells[i] === '' && i < 3))) {
    parts.push(cells[i].replace(/\s+/g, ''));
    i++;
  }
  let name = '';
  if (i < cells.length) {
    const m = /^(\d{3,7}|\d{2,3}(?:\s+\d{2}){1,2})\s*([^\d].*)$/.exec(cells[i]);
    if (m && !parts.some(Boolean)) {
      parts.splice(0, parts.length, ...m[1].split(/\s+/));
      name = m[2];
      i++;
    } else if (parseNumber(cells[i]) == null) {
      name = cells[i];
      i++;
    }
  }
  while (i < cells.length && cells[i] === '' && !name) i++;
  if (!name) {
    const k = cells.findIndex((c, j) => j >= i && c && parseNumber(c) == null);
    if (k >= 0 && !cells.slice(i, k).some((c) => parseNumber(c) != null)) {
      name = cells[k];
      i = k + 1;
    }
  }
  const values: (number | null)[] = [];
  const cols: number[] = [];
  for (let j = i; j < cells.length; j++) {
    if (cells[j] === '') continue;
    const v = parseNumber(cells[j]);
    if (v == null) continue;
    values.push(v);
    cols.push(r.aligned ? j : values.length - 1);
  }
  if (!name && !parts.some(Boolean)) return null;
  return { parts, name: name.trim(), values, cols, row: r };
}

const TOTAL_RE = /^(?:合计|总计|小计|本年支出合计|支出合计|收入合计)$/;

// ---- roles ----------------------------------------------------------------------------------

type Role = string;
/** Picks a role for each numeric column from its header label; first matching rule wins. */
function rolesFor(labels: string[], rules: [RegExp, Role][]): (Role | null)[] {
  return labels.map((l) => {
    if (!l || /编码|名称|^类$|^款$|^项$|^科目$|^项目$|行次|栏次/.test(l.split('/').pop() ?? '')) return null;
    const last = l.split('/').pop() ?? l;
    for (const [re, role] of rules) if (re.test(last)) return role;
    for (const [re, role] of rules) if (re.test(l)) return role;
    return null;
  });
}

interface Columns {
  /** Role of the value at a given column index (aligned) or order (unaligned). */
  roleAt(col: number, count: number): Role | null;
  /** How many figure columns the header names. */
  width: number;
}

function columnsOf(header: Row[], data: Row[], rules: [RegExp, Role][]): Columns {
  const aligned = data.length > 0 && data.every((r) => r.aligned) && header.every((r) => r.aligned);
  if (aligned) {
    const roles = rolesFor(columnLabels(header), rules);
    return { roleAt: (col) => roles[col] ?? null, width: roles.filter(Boolean).length };
  }
  // Without alignment, a group label ("本年支出") and its columns ("小计 基本支出 项目支出")
  // would both count: the header row naming the most columns stands for the header.
  let best: Role[] = [];
  for (const r of header) {
    const roles = rolesFor(filled(r.cells).map(normName), rules).filter((x): x is Role => x != null);
    if (roles.length >= best.length && roles.length >= 2) best = roles;
  }
  const seq = best.length ? best : rolesFor(labelSequence(header), rules).filter((x): x is Role => x != null);
  return { roleAt: (col) => seq[col] ?? null, width: seq.length };
}

// ---- results --------------------------------------------------------------------------------

export interface TableFacts {
  facts: Fact[];
  function_lines: FunctionLine[];
  economic_lines: EconomicLine[];
  warnings: string[];
}

function fact(key: string, basis: Basis, value: number, source: Provenance): Fact {
  return { key, basis, value, source };
}

const money = (v: number, t: Table) => toWan(v, t.unit);

// ---- function classification tables ------------------------------------------------------------

/** Lines whose name was joined from wrapped cells: their text may be out of order. */
const wrappedLines = new WeakSet<FunctionLine>();

const FUNC_ROLES: [RegExp, Role][] = [
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/上缴上级|经营支出|附属单位|结转|结余|收入|一般公共预算拨款$/, 'other'],
  [/合计|小计|总计|本年支出|决算数|预算数|支出数|金额|^一般公共预算支出$|^支出$/, 'amount'],
];

/** Function lines of a table listing 功能分类科目 by code (类/款/项 split or joined). */
function functionLines(doc: Doc, t: Table, fund: 'gpb' | 'govfund', warnings: string[]): { lines: FunctionLine[]; total?: Record<string, number>; totalSrc?: Provenance } {
  const { header, data } = splitHeader(t);
  const cols = columnsOf(header, data, FUNC_ROLES);
  const lines: FunctionLine[] = [];
  let lei: { printed: string; code?: string } | null = null;
  let kuan: string | null = null;
  let total: Record<string, number> | undefined;
  let totalSrc: Provenance | undefined;
  for (const r of data) {
    const c = readCoded(r);
    if (!c) continue;
    const name = normName(c.name);
    const byRole: Record<string, number> = {};
    // A space-split row with blank cells lost their places: only its first figure is sure.
    const unsure = !r.aligned && c.values.length < cols.width;
    c.values.forEach((v, k) => {
      const role = unsure ? (k === 0 ? 'amount' : null) : cols.roleAt(c.cols[k], c.values.length) ?? (k === 0 ? 'amount' : null);
      if (v != null && role && role !== 'other' && byRole[role] === undefined) byRole[role] = money(v, t);
    });
    if (!c.parts.some(Boolean) && TOTAL_RE.test(name)) {
      total ??= byRole;
      totalSrc ??= linesSource(doc, r.from, r.to);
      continue;
    }
    const digits = c.parts.filter(Boolean);
    const joined = digits.join('');
    let level: 'lei' | 'kuan' | 'xiang' | null = null;
    if (digits.length === 1 && /^\d{7}$/.test(joined)) level = 'xiang';
    else if (digits.length === 1 && /^\d{5}$/.test(joined)) level = 'kuan';
    else if (digits.length === 1 && /^\d{3}$/.test(joined)) level = 'lei';
    else if (c.parts.length >= 3) {
      const [a, b, x] = c.parts;
      level = x ? 'xiang' : b ? 'kuan' : a ? 'lei' : null;
    } else if (c.parts.length === 2) level = c.parts[1] ? 'kuan' : c.parts[0] ? 'lei' : null;
    else if (digits.length === 1 && /^\d{2}$/.test(joined)) level = 'lei';
    if (!level) continue;
    if (level === 'lei') {
      const printed = digits[0] ?? '';
      const code = /^\d{3}$/.test(printed) ? printed : classCodeByName(c.name);
      lei = { printed, code };
      kuan = null;
      continue;
    }
    if (level === 'kuan') {
      kuan = digits.length === 1 && joined.length === 5 ? joined.slice(3) : (c.parts[1] || joined.slice(-2));
      if (digits.length === 1 && joined.length === 5) lei = { printed: joined.slice(0, 3), code: joined.slice(0, 3) };
      continue;
    }
    let code: string | null = null;
    let damaged = false;
    if (digits.length === 1 && joined.length === 7) code = joined;
    else if (c.parts.length >= 3) {
      const [a, b, x] = c.parts;
      const k = b || kuan || '';
      if (/^\d{3}$/.test(a) && /^\d{2}$/.test(k) && /^\d{2}$/.test(x)) code = a + k + x;
      else if (!a && lei?.code && /^\d{2}$/.test(k) && /^\d{2}$/.test(x)) code = lei.code + k + x;
      else {
        damaged = true;
        const ctx = lei?.code && (!a || lei.code.startsWith(a) || a.split('').every((d) => lei!.code!.includes(d))) ? lei.code : undefined;
        if (ctx && /^\d{2}$/.test(k) && /^\d{2}$/.test(x)) code = ctx + k + x;
        else code = repairCode([a, k, x], c.name)?.code ?? null;
      }
    }
    if (!code) {
      warnings.push(`${t.title}: line ${r.from} code ${c.parts.join(' ')} ${c.name} could not be read as a 7-digit code`);
      continue;
    }
    if (damaged) warnings.push(`${t.title}: line ${r.from} prints a damaged code '${c.parts.join(' ')}' for ${c.name}; recorded as ${code}`);
    const line: FunctionLine = { code, name: cleanName(printedIn(doc, r.from, r.to, c.name)) };
    if (r.wrapped) wrappedLines.add(line);
    if (byRole.amount !== undefined) line.amount = byRole.amount;
    if (byRole.basic !== undefined) line.basic = byRole.basic;
    if (byRole.project !== undefined) line.project = byRole.project;
    if (fund === 'govfund') line.fund = 'govfund';
    line.source = linesSource(doc, r.from, r.to);
    if (line.amount === undefined && line.basic !== undefined && line.project !== undefined) line.amount = Math.round((line.basic + line.project) * 1e6) / 1e6;
    lines.push(line);
  }
  return { lines, total, totalSrc };
}

// ---- economic classification tables --------------------------------------------------------------

const ECON_ROLES: [RegExp, Role][] = [
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/合计|小计|总计|决算数|预算数|金额|本年支出|^基本支出$/, 'amount'],
];

function economicLines(doc: Doc, t: Table): { lines: EconomicLine[]; total?: Record<string, number>; totalSrc?: Provenance } {
  const { header, data } = splitHeader(t);
  const cols = columnsOf(header, data, ECON_ROLES);
  const lines: EconomicLine[] = [];
  let total: Record<string, number> | undefined;
  let totalSrc: Provenance | undefined;
  let cls: string | null = null;
  for (const r of data) {
    // Side-by-side groups ("科目编码 科目名称 决算数" three times): one entry per code.
    const groups = splitGroups(r);
    for (const g of groups) {
      const c = readCoded(g);
      if (!c) continue;
      const name = normName(c.name);
      const byRole: Record<string, number> = {};
      c.values.forEach((v, k) => {
        const role = groups.length > 1 ? (k === 0 ? 'amount' : null) : cols.roleAt(c.cols[k], c.values.length) ?? (k === 0 ? 'amount' : null);
        if (v != null && role && byRole[role] === undefined) byRole[role] = money(v, t);
      });
      if (!c.parts.some(Boolean) && TOTAL_RE.test(name)) {
        if (groups.length === 1) {
          total ??= byRole;
          totalSrc ??= linesSource(doc, r.from, r.to);
        }
        continue;
      }
      const digits = c.parts.filter(Boolean).join('');
      let code: string | null = null;
      if (/^3\d{2}$/.test(digits) && (c.parts.length < 2 || !c.parts[1])) {
        code = digits;
        cls = digits;
      } else if (/^3\d{4}$/.test(digits)) code = digits;
      else if (/^\d{2}$/.test(digits) && cls) code = cls + digits;
      if (!code) continue;
      const line: EconomicLine = { code, name: cleanName(printedIn(doc, r.from, r.to, c.name)) };
      if (byRole.amount !== undefined) line.amount = byRole.amount;
      if (byRole.personnel !== undefined) line.personnel = byRole.personnel;
      if (byRole.public !== undefined) line.public = byRole.public;
      line.source = linesSource(doc, r.from, r.to);
      lines.push(line);
    }
  }
  return { lines, total, totalSrc };
}

/** Splits a row holding several "code name amount" groups side by side. */
function splitGroups(r: Row): Row[] {
  const cells = r.cells;
  const starts: number[] = [];
  let seenNumber = false;
  cells.forEach((c, i) => {
    const t = c.trim().replace(/\s+/g, '');
    // A code opens a group at the row start, after a figure, or right after a name whose
    // figure is blank ("30303 退职（役）费 30218 专用材料费 0.00").
    const afterName = i > 0 && parseNumber(cells[i - 1]) == null && !/^\d+$/.test(cells[i - 1].trim()) && cells[i - 1].trim() !== '';
    if (/^3\d{2}(?:\d{2})?$/.test(t) && (i === 0 || seenNumber || afterName)) {
      starts.push(i);
      seenNumber = false;
    } else if (parseNumber(t) != null && /\./.test(t)) seenNumber = true;
  });
  if (starts.length < 2) return [r];
  return starts.map((s, k) => ({ ...r, cells: cells.slice(s, starts[k + 1] ?? cells.length) }));
}

// ---- two-sided summary tables (收支总表) ------------------------------------------------------

type SideRules = [RegExp, string][];
const BUDGET_TOTAL_LEFT: SideRules = [
  [/^(?:收入)?总计$/, 'income.grand_total'],
  [/^(?:小计|本年收入合计|收入合计|本年收入小计)$/, 'income.total'],
  [/^财政拨款(?:收入|\(补助\))?(?:合计)?$/, 'income.fiscal'],
  [/^政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入)?$/, 'govfund.income'],
  [/^上级补助收入$/, 'income.superior'],
  [/^事业收入$/, 'income.business'],
  [/^(?:事业单位)?经营收入$/, 'income.operating'],
  [/^附属单位上缴收入$/, 'income.affiliated'],
  [/^其他收入$/, 'income.other'],
  [/上年结余|上年结转|年初结转和结余/, 'income.carryover_begin'],
];
const BUDGET_TOTAL_RIGHT: SideRules = [
  [/^(?:支出)?总计$/, 'expense.grand_total'],
  [/^(?:小计|本年支出合计|本年支出小计)$/, 'expense.total'],
  [/^支出合计$/, 'expense.total'],
  [/^基本支出$/, 'expense.basic'],
  [/^项目支出$/, 'expense.project'],
  [/^上缴上级支出$/, 'expense.to_superior'],
  [/^经营支出$/, 'expense.operating'],
  [/^对附属单位补助支出$/, 'expense.to_affiliated'],
  [/年末结转和结余/, 'expense.carryover_end'],
];
const FISCAL_LEFT: SideRules = [
  [/^(?:收入)?总计$/, 'fiscal.income_total'],
  [/^财政拨款(?:收入|\(补助\))?$/, 'fiscal.income'],
  [/^(?:本年收入(?:合计)?|小计)$/, 'fiscal.income'],
  [/^政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入)?$/, 'govfund.income'],
];
const FISCAL_RIGHT: SideRules = [
  [/^(?:支出)?总计$/, 'fiscal.expense_total'],
  [/^(?:本年支出(?:合计)?|小计|支出合计)$/, 'fiscal.expense'],
];
const FISCAL_RIGHT_COLS: [RegExp, Role][] = [
  [/一般公共预算/, 'gpb.expense'],
  [/政府性基金/, 'govfund.expense'],
  [/国有资本/, 'other'],
  [/合计|小计|决算数|预算数|金额/, 'total'],
];

function stripOrdinal(s: string): string {
  return normName(s).replace(/^[一二三四五六七八九十]+[、.]/, '').replace(/^\d+[、.]/, '');
}

function twoSided(doc: Doc, t: Table, left: SideRules, right: SideRules, basis: Basis, rightCols?: [RegExp, Role][]): Fact[] {
  const { header, data } = splitHeader(t);
  const out: Fact[] = [];
  const rightLabels = header.length ? columnLabels(header) : [];
  for (const r of data) {
    const cells = r.cells.map((c) => c.trim());
    // Left: label then its figure(s); right: the next label and its figures.
    const segs: { label: string; values: { v: number; col: number }[] }[] = [];
    cells.forEach((c, i) => {
      if (!c) return;
      const v = parseNumber(c);
      if (v == null || (/^\d{3}$/.test(c) && false)) {
        segs.push({ label: c, values: [] });
      } else if (segs.length && !(/^\d{1,2}$/.test(c) && segs[segs.length - 1].values.length === 0 && /行次/.test(header.map((h) => h.cells.join()).join()))) {
        segs[segs.length - 1].values.push({ v, col: i });
      }
    });
    const src = linesSource(doc, r.from, r.to);
    const lefts = segs.filter((s) => s.values.length);
    lefts.forEach((s, k) => {
      const label = stripOrdinal(s.label);
      const isLeft = k === 0 && segs.indexOf(s) === 0;
      const rules = isLeft ? left : right;
      const hit = rules.find(([re]) => re.test(label));
      if (!hit) return;
      let key = hit[1];
      // The grand-total row pairs 收入总计 with the spending side's total, whatever it is called.
      if (!isLeft && /总计/.test(stripOrdinal(segs[0].label)) && /合计|总计/.test(label)) key = right === FISCAL_RIGHT ? 'fiscal.expense_total' : 'expense.grand_total';
      out.push(fact(key, basis, money(s.values[0].v, t), src));
      if (!isLeft && rightCols && s.values.length > 1 && key === 'fiscal.expense') {
        s.values.forEach((x, j) => {
          const l = r.aligned ? rightLabels[x.col] ?? '' : '';
          const role = (l && rightCols.find(([re]) => re.test(l.split('/').pop() ?? ''))?.[1]) || (j === 1 ? 'gpb.expense' : j === 2 ? 'govfund.expense' : null);
          if (role && role !== 'total' && role !== 'other') out.push(fact(role, basis, money(x.v, t), src));
        });
      }
    });
  }
  return out;
}

// ---- column tables with one total row (收入表, 支出表) ---------------------------------------

const INCOME_COLS: [RegExp, Role][] = [
  [/本年收入合计|^合计$|^总计$|收入合计/, 'income.total'],
  [/^财政拨款(?:收入)?$|^财政拨款\(补助\)$/, 'income.fiscal'],
  [/政府性基金/, 'govfund.income'],
  [/上级补助/, 'income.superior'],
  [/^事业收入/, 'income.business'],
  [/经营收入/, 'income.operating'],
  [/附属单位/, 'income.affiliated'],
  [/^其他收入/, 'income.other'],
  [/上年结余|上年结转|年初结转/, 'income.carryover_begin'],
];
const EXPENSE_COLS: [RegExp, Role][] = [
  [/基本支出/, 'expense.basic'],
  [/项目支出/, 'expense.project'],
  [/上缴上级/, 'expense.to_superior'],
  [/经营支出/, 'expense.operating'],
  [/附属单位/, 'expense.to_affiliated'],
  [/年末结转/, 'expense.carryover_end'],
  [/本年支出合计|^合计$|^总计$|支出合计|^小计$/, 'expense.total'],
];

/** The standard column order of a table, used when a text layer scrambled its header. */
const INCOME_TEMPLATE = ['income.total', 'income.fiscal', 'income.superior', 'income.business', 'income.operating', 'income.affiliated', 'income.other'];
const EXPENSE_TEMPLATE = ['expense.total', 'expense.basic', 'expense.project', 'expense.to_superior', 'expense.operating', 'expense.to_affiliated'];

function totalRowFacts(doc: Doc, t: Table, rules: [RegExp, Role][], basis: Basis, template?: string[]): Fact[] {
  const { header, data } = splitHeader(t);
  const aligned = data.length > 0 && data.every((r) => r.aligned) && header.every((r) => r.aligned);
  const found = columnsOf(header, data, rules);
  // Without alignment the header is trusted only when it names as many columns as the row has figures.
  const named = aligned ? 0 : Math.max(0, ...header.map((h) => rolesFor(filled(h.cells).map(normName), rules).filter(Boolean).length));
  const cols: Columns = aligned
    ? found
    : { roleAt: (col, count) => (count === named ? found.roleAt(col, count) : template && count === template.length ? template[col] : col === 0 ? found.roleAt(0, count) : null), width: found.width };
  for (const r of data) {
    const c = readCoded(r);
    if (!c || c.parts.some(Boolean) || !TOTAL_RE.test(normName(c.name))) continue;
    const src = linesSource(doc, r.from, r.to);
    const out: Fact[] = [];
    const seen = new Set<string>();
    c.values.forEach((v, k) => {
      const role = cols.roleAt(c.cols[k], c.values.length);
      if (v == null || !role || seen.has(role)) return;
      seen.add(role);
      out.push(fact(role, basis, money(v, t), src));
    });
    return out;
  }
  return [];
}

// ---- 三公 table ---------------------------------------------------------------------------------

function sangongRole(label: string): string | null {
  const last = label.split('/').pop() ?? '';
  if (/购置费|购置$/.test(last) && !/及|和/.test(last)) return 'sangong.vehicle_purchase';
  if (/运行(?:维护)?费/.test(last) && !/购置/.test(last)) return 'sangong.vehicle_operation';
  if (/购置及运行|购置和运行/.test(last) || (/小计/.test(last) && /公务用车/.test(label))) return 'sangong.vehicle';
  if (/因公出国/.test(last)) return 'sangong.abroad';
  if (/接待/.test(last)) return 'sangong.reception';
  if (/合计|总计|小计/.test(last)) return 'sangong.total';
  return null;
}
const SANGONG_ORDER = ['sangong.total', 'sangong.abroad', 'sangong.vehicle', 'sangong.vehicle_purchase', 'sangong.vehicle_operation', 'sangong.reception'];

/**
 * A 三公 table printed down the page: one row per item ("1、因公出国（境）费 0.00 0.00"),
 * its columns the bases the header names in order (预算数, 决算数).
 */
function sangongRows(doc: Doc, t: Table, kind: 'final' | 'budget', header: Row[], data: Row[]): Fact[] {
  const budgetBasis: Basis = kind === 'budget' ? 'budget' : 'budget_initial';
  const bases: Basis[] = header
    .flatMap((h) => filled(h.cells).map(normName))
    .filter((c) => /预算|决算/.test(c) && !/三公|经费表/.test(c))
    .map((c) => (/决算/.test(c) ? 'actual' : /全年预算/.test(c) ? 'budget_full_year' : budgetBasis));
  const out: Fact[] = [];
  const seen = new Set<string>();
  for (const r of data) {
    const f = filled(r.cells);
    const label = normName(f[0] ?? '').replace(/^(?:其中[:：]?)?(?:\d+[、.]|[(（]\d+[)）])?/, '');
    const key = sangongRole(label);
    if (!key) continue;
    const nums = f.slice(1).map(parseNumber).filter((v): v is number => v != null);
    nums.forEach((v, k) => {
      const basis = bases.length === nums.length ? bases[k] : nums.length === 1 ? (kind === 'budget' ? 'budget' : 'actual') : null;
      if (!basis || seen.has(`${key}@${basis}`)) return;
      seen.add(`${key}@${basis}`);
      out.push(fact(key, basis, money(v, t), linesSource(doc, r.from, r.to)));
    });
  }
  return out;
}

function sangongFacts(doc: Doc, t: Table, kind: 'final' | 'budget'): Fact[] {
  const { header, data } = splitHeader(t);
  const labelled = data.filter((r) => sangongRole(normName(filled(r.cells)[0] ?? '').replace(/^(?:其中[:：]?)?(?:\d+[、.]|[(（]\d+[)）])?/, '')));
  if (labelled.length >= 3) return sangongRows(doc, t, kind, header, data);
  const row = data.find((r) => filled(r.cells).filter((c) => parseNumber(c) != null).length >= 4);
  if (!row) return [];
  const src = linesSource(doc, row.from, row.to);
  const budgetBasis: Basis = kind === 'budget' ? 'budget' : 'budget_initial';
  const out: Fact[] = [];
  // Rows that drop their blank cells (pipe tables) are not aligned with their header.
  const width = Math.max(0, ...header.map((h) => h.cells.length));
  const aligned = row.aligned && header.every((h) => h.aligned) && row.cells.length >= width - 1;
  const labels = aligned ? columnLabels(header) : [];
  const nums = row.cells.map((c, i) => ({ v: parseNumber(c), i })).filter((x): x is { v: number; i: number } => x.v != null && row.cells[x.i].trim() !== '');
  const seen = new Set<string>();
  if (aligned && nums.every((x) => sangongRole(labels[x.i] ?? ''))) {
    for (const x of nums) {
      const l = labels[x.i];
      const key = sangongRole(l)!;
      const basis: Basis = /决算/.test(l) ? 'actual' : /全年预算/.test(l) ? 'budget_full_year' : /预算/.test(l) ? budgetBasis : kind === 'budget' ? 'budget' : 'actual';
      if (seen.has(`${key}@${basis}`)) continue;
      seen.add(`${key}@${basis}`);
      out.push(fact(key, basis, money(x.v, t), src));
    }
    return out;
  }
  if (nums.length === 6 || nums.length === 12) {
    // Twelve figures are budget and final for the six items: either in two blocks of six, or
    // in pairs when the header alternates 预算数 决算数 under each item.
    const tokens = header.flatMap((h) => filled(h.cells).map(normName));
    const pairs = header.some((h) => {
      const f = filled(h.cells).map(normName).filter((c) => /^(?:预算数?|决算数?)$/.test(c));
      return f.length >= 4 && f.every((c, i) => /^预算/.test(c) === (i % 2 === 0));
    });
    const budgetFirst = tokens.findIndex((c) => /预算/.test(c)) <= tokens.findIndex((c) => /决算/.test(c)) || !tokens.some((c) => /决算/.test(c));
    nums.forEach((x, k) => {
      let item: number;
      let isBudget: boolean;
      if (nums.length === 6) {
        item = k;
        isBudget = kind === 'budget';
      } else if (pairs) {
        item = k >> 1;
        isBudget = k % 2 === 0;
      } else {
        item = k % 6;
        isBudget = k < 6 === budgetFirst;
      }
      const basis: Basis = isBudget ? budgetBasis : 'actual';
      out.push(fact(SANGONG_ORDER[item], basis, money(x.v, t), src));
    });
  }
  return out;
}

// ---- the document's own catalogue ----------------------------------------------------------------

/**
 * Code → name as the document's own tables print them, from rows that sit on one line.
 * A wrapped or cut name in one table is restored from another table of the same document.
 */
export function codeNames(tables: Table[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of tables) {
    if (!/收入|支出|收支/.test(t.title) || /三公|基本支出|绩效/.test(t.title)) continue;
    let lei = '';
    let kuan = '';
    for (const r of t.rows) {
      if (r.wrapped) continue;
      const c = readCoded(r);
      if (!c || !c.name || !c.values.length) continue;
      const parts = c.parts.filter(Boolean);
      let code = parts.join('');
      if (parts.length >= 2 && c.parts.length >= 3) {
        // Split columns: 类 款 项, with 类/款 left blank on 项 rows.
        const [a, b, x] = c.parts;
        if (a && /^\d{3}$/.test(a)) lei = a;
        if (b && /^\d{2}$/.test(b)) kuan = b;
        code = x ? (a || lei) + (b || kuan) + x : b ? (a || lei) + b : a;
      }
      if (!/^2\d{2}(?:\d{2}){0,2}$/.test(code)) continue;
      const name = normName(c.name);
      const prev = names.get(code);
      if (!prev || name.length > prev.length) names.set(code, name);
    }
  }
  return names;
}

/** Resolves a line named in words (类 / 款 / 项) with the document's own catalogue. */
export function resolveInDoc(names: Map<string, string>, lei: string | null, kuan: string | null, xiang: string): string | undefined {
  const x = normName(xiang);
  const hits = [...names].filter(([code, name]) => {
    if (code.length !== 7 || name !== x) return false;
    if (kuan && names.get(code.slice(0, 5)) && names.get(code.slice(0, 5)) !== normName(kuan)) return false;
    if (lei && names.get(code.slice(0, 3)) && names.get(code.slice(0, 3)) !== normName(lei)) return false;
    return true;
  });
  return hits.length === 1 ? hits[0][0] : undefined;
}

// ---- dispatch -----------------------------------------------------------------------------------

export function readTables(doc: Doc, tables: Table[], kind: 'final' | 'budget'): TableFacts & { names: Map<string, string> } {
  const names = codeNames(tables);
  const res: TableFacts & { names: Map<string, string> } = { facts: [], function_lines: [], economic_lines: [], warnings: [], names };
  const basis: Basis = kind === 'budget' ? 'budget' : 'actual';
  for (const t of tables) {
    const title = t.title;
    const before = res.facts.length + res.function_lines.length + res.economic_lines.length;
    const hasFigures = t.rows.some((r) => r.cells.some((c) => /\d\.\d|\d,\d{3}/.test(c)));
    let known = true;
    if (/三公/.test(title)) {
      res.facts.push(...sangongFacts(doc, t, kind));
    } else if (/基本支出/.test(title)) {
      const e = economicLines(doc, t);
      res.economic_lines.push(...e.lines);
      if (e.total && e.totalSrc) {
        if (e.total.amount !== undefined) res.facts.push(fact('gpb.basic', basis, e.total.amount, e.totalSrc));
        if (e.total.personnel !== undefined) res.facts.push(fact('gpb.personnel', basis, e.total.personnel, e.totalSrc));
        if (e.total.public !== undefined) res.facts.push(fact('gpb.public', basis, e.total.public, e.totalSrc));
      }
    } else if (/政府性基金/.test(title) && /支出/.test(title)) {
      const f = functionLines(doc, t, 'govfund', res.warnings);
      res.function_lines.push(...f.lines);
    } else if (/一般公共预算/.test(title) && /支出/.test(title) && !/项目支出/.test(title)) {
      const f = functionLines(doc, t, 'gpb', res.warnings);
      res.function_lines.push(...f.lines);
      if (f.total && f.totalSrc) {
        if (f.total.amount !== undefined) res.facts.push(fact('gpb.expense', basis, f.total.amount, f.totalSrc));
        if (f.total.basic !== undefined) res.facts.push(fact('gpb.basic', basis, f.total.basic, f.totalSrc));
      }
    } else if (/财政拨款收/.test(title) && /总/.test(title)) {
      res.facts.push(...twoSided(doc, t, FISCAL_LEFT, FISCAL_RIGHT, basis, FISCAL_RIGHT_COLS));
    } else if (/收支总|收入支出决算总表|收支预算总表/.test(title)) {
      res.facts.push(...twoSided(doc, t, BUDGET_TOTAL_LEFT, BUDGET_TOTAL_RIGHT, basis));
    } else if (/收入/.test(title) && !/支出/.test(title)) {
      res.facts.push(...totalRowFacts(doc, t, INCOME_COLS, basis, kind === 'final' ? INCOME_TEMPLATE : undefined));
    } else if (/支出/.test(title) && !/收入/.test(title) && !/项目支出/.test(title)) {
      res.facts.push(...totalRowFacts(doc, t, EXPENSE_COLS, basis, kind === 'final' ? EXPENSE_TEMPLATE : undefined));
    } else known = false;
    const placed = res.facts.length + res.function_lines.length + res.economic_lines.length - before;
    if (hasFigures && !known) res.warnings.push(`table ${title} (line ${t.titleLine}) is not one of the standard tables; its figures were not read`);
    else if (hasFigures && !placed) res.warnings.push(`table ${title} (line ${t.titleLine}) has figures but none could be placed`);
  }
  // Side-by-side groups interleave 301… and 302… rows: list them in code order.
  res.economic_lines.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const l of res.function_lines) {
    const better = l.code ? names.get(l.code) : undefined;
    // A name cut at the cell edge ("机关事业单位基本养老保") or wrapped out of order takes the
    // fuller name another table of the document prints for the same code.
    if (better && normName(l.name) !== better && (wrappedLines.has(l) || better.startsWith(normName(l.name)))) l.name = better;
  }
  return res;
}
