// Project performance tables: 项目支出绩效自评表 in the cell layouts of the seeds (000: one cell
// per line; 001, 002, 004: tab-separated rows, each with its own arrangement), the 001
// 绩效评价汇总表, and the budget 项目支出绩效目标表 of 003.
import { GENERIC_TOPICS, INDICATORS, PROJECT_SUFFIX } from './catalog.ts';
import { hundredths, valueOf } from './num.ts';
import type { FinalLayout, Indicator, PlanProj, Unit, YearState } from './model.ts';
import type { Rng } from './prng.ts';
import type { Injection, TruthRecord, Writer } from './truth.ts';

export interface PerfInjection {
  /** The 绩效评价汇总表 row of this project states another score (001 layout). */
  summaryScore?: { project: number };
  /** The 当年财政拨款 row's 全年执行数 of this project has its decimal point moved. */
  currentExec?: { project: number };
  /** The 执行率 得分 of this project is printed above its 分值. */
  execPoints?: { project: number };
}

/** Tenths of a point (a non-negative integer): "8", "6.7" (trim) or with 1 or 2 fixed decimals. */
function tenths(t: number, decimals = 0): string {
  const i = Math.floor(t / 10);
  const d = t - i * 10;
  if (decimals === 2) return `${i}.${d}0`;
  if (decimals === 1 || d) return `${i}.${d}`;
  return String(i);
}

/** A figure with its decimal point moved one place left ("15.90" → "1.590"). */
export function shiftDecimal(c: number): string {
  return `${Math.floor(c / 1000)}.${String(c % 1000).padStart(3, '0')}`;
}

const L1_ORDER = ['产出指标', '效益指标', '满意度指标'];

/** Indicator rows in table order, with the empty 效益 sub-levels the seeds print. */
function orderedRows(p: { indicators: Indicator[]; emptyLevels: [string, string][] }): { level1: string; level2: string; ind: Indicator | null }[] {
  const out: { level1: string; level2: string; ind: Indicator | null }[] = [];
  for (const l1 of L1_ORDER) {
    for (const d of INDICATORS.filter((x) => x.level1 === l1)) {
      const inds = p.indicators.filter((i) => i.level2 === d.level2);
      if (inds.length) for (const ind of inds) out.push({ level1: d.level1, level2: d.level2, ind });
      else if (l1 === '效益指标') out.push({ level1: d.level1, level2: d.level2, ind: null });
    }
  }
  return out;
}

/** One row of the 000 layout: one cell per line, each after a tab, a blank line after the row. */
function cellsRow(...cells: string[]): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += `\t${cells[i]}\n`;
  return s + '\n';
}
function tabRow(...cells: string[]): string {
  let s = cells[0]!;
  for (let i = 1; i < cells.length; i++) s += `\t${cells[i]}`;
  return s + '\n';
}

const CELLS_HEAD = cellsRow('项目资金', '', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分');
const CELLS_GOAL = cellsRow('年度总体目标', '预期目标', '实际完成情况');
const CELLS_IND = cellsRow('', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施') + cellsRow('', '', '', '', '', '', '', '', '', '');
const TAB_HEAD = tabRow('项目资金', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '');
const TAB_GOAL = tabRow('年度总体目标', '预期目标', '', '', '实际完成情况', '', '', '', '');
const TAB_IND = tabRow('', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施');
const MD_TOP = tabRow('项目支出绩效自评表', '', '', '', '', '', '', '', '', '');
const MD_HEAD = tabRow('项目资金', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '', '');
const MD_GOAL = tabRow('年度总体目标', '预期目标', '', '', '实际完成情况', '', '', '', '', '');
const MD_IND = tabRow('绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '');
const W_HEAD = tabRow('项目资金 (万元)', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分');
const W_GOAL = tabRow('年度总体目标', '预期目标', '', '', '实际完成情况', '', '', '');
const W_IND = tabRow('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施');

export function perfTables(w: Writer, L: FinalLayout, u: Unit, s: YearState, inj: PerfInjection | null, out: TruthRecord['projects'], injections: Injection[], appendixFrom: number): void {
  const Y = s.year;
  const fixed = L !== 'markdown';
  const money = (c: number) => hundredths(c, fixed ? 'fixed' : 'trim');
  const impl = u.name;
  const sc = (t: number) => (L === 'tab' ? tenths(t, 1) : tenths(t));
  s.final.projects.forEach((p, i) => {
    const rate = `${hundredths(p.rateH, fixed ? 'fixed' : 'trim')}%`;
    let pts = L === 'words' ? `${tenths(p.execT, 2)}分` : tenths(p.execT);
    if (inj?.execPoints?.project === i) {
      const over = p.execT; // the points ×10: 10 → 100
      pts = L === 'words' ? `${over.toFixed(2)}分` : String(over);
      injections.push({ kind: 'exec_points_over', rule: 'perf.exec_points', subject: p.name, stated: over, expected: p.execT / 10, detail: `执行率 得分 printed ${pts} with 分值 10 (执行率 ${rate})` });
    }
    let curEx = money(p.current.ex);
    if (inj?.currentExec?.project === i) {
      curEx = shiftDecimal(p.current.ex);
      injections.push({ kind: 'current_exec_decimal', rule: 'perf.fund_rows', subject: p.name, stated: valueOf(curEx), expected: p.current.ex / 100, detail: `其中：当年财政拨款 全年执行数 printed ${curEx} instead of ${money(p.current.ex)}` });
    }
    const score = L === 'words' ? `${tenths(p.scoreT, 2)}分` : tenths(p.scoreT);
    out.push({
      name: p.name, budget_initial: p.budgetInitial / 100, budget_full_year: p.budgetFull / 100, executed: p.executed / 100,
      exec_rate: p.rateH / 100, score: p.scoreT / 10, indicator_count: p.indicators.length,
    });
    const rows = orderedRows(p);
    const cr = p.carry;
    const ot = p.other;
    let t = '';
    if (L === 'cells') {
      t += `\n\t项目支出绩效自评表\n\n\t（${Y}年度）\n\n\t\n\n`;
      t += cellsRow('项目名称', p.name) + cellsRow('主管部门', '', '实施单位', impl) + CELLS_HEAD;
      t += cellsRow('（万元）', '年度资金总额', money(p.budgetInitial), money(p.budgetFull), money(p.executed), '10', rate, pts);
      t += cellsRow('', '其中：当年财政拨款', money(p.current.bi), money(p.current.bf), curEx, '—', '—', '—');
      t += cellsRow('', '上年结转资金', '', money(cr.bf), money(cr.ex), '—', '—', '—');
      t += cellsRow('', '其他资金', money(ot.bi), money(ot.bf), money(ot.ex), '—', '—', '—');
      t += CELLS_GOAL + cellsRow('', p.goal, p.done) + CELLS_IND;
      let last1 = '';
      let last2 = '';
      rows.forEach((r, k) => {
        const first = k === 0 ? '年度绩效指标完成情况' : '';
        const l1 = r.level1 === last1 ? '' : r.level1;
        const l2 = r.level2 === last2 && r.level1 === last1 ? '' : r.level2;
        last1 = r.level1;
        last2 = r.level2;
        const x = r.ind;
        t += x ? cellsRow(first, l1, l2, x.name, x.target, x.actual, tenths(x.weight), sc(x.score), x.note, '') : cellsRow(first, l1, l2, '', '', '', '', '', '', '');
      });
      t += cellsRow('总分', '100', score, '', '');
      w.raw(t);
      return;
    }
    if (L === 'tab') {
      t += `项目支出绩效自评表 (${Y}年度)\n\n`;
      t += tabRow('项目名称', '', p.name, '', '', '', '', '', '') + tabRow('主管部门', '', '', '', '实施单位', impl, '', '', '') + TAB_HEAD;
      t += tabRow('(万元)', '年度资金总额', money(p.budgetInitial), money(p.budgetFull), money(p.executed), '10', rate, pts, '');
      t += tabRow('', '其中：当年财政拨款', money(p.current.bi), money(p.current.bf), curEx, '—', '—', '—', '');
      t += tabRow('', '上年结转资金', '', money(cr.bf), money(cr.ex), '—', '—', '—', '');
      t += tabRow('', '其他资金', money(ot.bi), money(ot.bf), money(ot.ex), '—', '—', '—', '');
      t += TAB_GOAL + tabRow('', p.goal, '', '', p.done, '', '', '', '') + TAB_IND;
    } else if (L === 'markdown') {
      const noCarry = cr.bf === 0 && cr.ex === 0;
      const noOther = ot.bf === 0 && ot.ex === 0;
      t += `附表 ${appendixFrom + i}\n\n` + MD_TOP + tabRow(`(${Y}年度)`, '', '', '', '', '', '', '', '', '');
      t += tabRow('项目名称', p.name, '', '', '', '', '', '', '', '') + tabRow('主管部门', impl, '', '', '', '实施单位', impl, '', '', '') + MD_HEAD;
      t += tabRow('(万元)', '年度资金总额', money(p.budgetInitial), money(p.budgetFull), money(p.executed), '10', rate, pts, '', '');
      t += tabRow('', '其中：当年财政拨款', money(p.current.bi), money(p.current.bf), curEx, '—', rate, '—', '', '');
      t += tabRow('', '上年结转资金', '', noCarry ? '' : money(cr.bf), noCarry ? '' : money(cr.ex), '—', '', '—', '', '');
      t += tabRow('', '其他资金', '', noOther ? '' : money(ot.bf), noOther ? '' : money(ot.ex), '—', '', '—', '', '');
      t += MD_GOAL + tabRow('', p.goal, '', '', p.done, '', '', '', '', '') + MD_IND;
    } else {
      t += `项目支出绩效自评表\n\n(${Y}${w.sp}年度)\n\n`;
      t += tabRow('项目名称', p.name, '', '', '', '', '', '') + tabRow('主管部门', impl, '', '', '实施单位', impl, '', '') + W_HEAD;
      t += tabRow('', '年度资金总额', money(p.budgetInitial), money(p.budgetFull), money(p.executed), '10', rate, pts);
      t += tabRow('', '其中：当年财政拨款', money(p.current.bi), money(p.current.bf), curEx, '—', '—', '—');
      t += tabRow('', '上年结转资金', money(cr.bi), money(cr.bf), money(cr.ex), '—', '—', '—');
      t += tabRow('', '其他资金', money(ot.bi), money(ot.bf), money(ot.ex), '—', '—', '—');
      t += W_GOAL + tabRow('', p.goal, '', '', p.done, '', '', '') + W_IND;
    }
    let last1 = '';
    let last2 = '';
    rows.forEach((r, k) => {
      const first = k === 0 && L !== 'markdown' ? '年度绩效指标完成情况' : '';
      const newL1 = r.level1 !== last1;
      const l1 = newL1 ? r.level1 : '';
      const l2 = L === 'words' ? (r.level1 === '满意度指标' ? '满意度指标' : r.level2) : r.level2 === last2 && !newL1 ? '' : r.level2;
      last1 = r.level1;
      last2 = r.level2;
      const x = r.ind;
      t += x ? tabRow(first, l1, l2, x.name, x.target, x.actual, tenths(x.weight), sc(x.score), x.note) : tabRow(first, l1, l2, '', '', '', '', '', '');
    });
    if (L === 'markdown') t += tabRow('总分', '', '', '', '', '100', score, '', '');
    else if (L === 'words') t += tabRow('总分', '', '', '', '', '100', score);
    else t += tabRow('总分', '', '', '', '', '', '100', score, '');
    w.raw(t + '\n');
  });
}

/** 001's 附表1: 项目支出绩效评价汇总表, one row per project (the unit's own and its sub-units'). */
export function summaryTable(w: Writer, u: Unit, s: YearState, subUnits: string[], rng: Rng, inj: PerfInjection | null, out: TruthRecord['summary_projects'], injections: Injection[]): void {
  const Y = s.year;
  const m = (c: number) => (c === 0 ? '' : hundredths(c, 'trim', true));
  const rows: { unit: string; name: string; bi: number; ci: number; ki: number; oi: number; bf: number; cf: number; kf: number; of: number; ex: number; rateH: number; scoreT: number; stated?: string }[] = [];
  s.final.projects.forEach((p, i) => {
    const r = { unit: u.name, name: p.name, bi: p.budgetInitial, ci: p.current.bi, ki: p.carry.bi, oi: p.other.bi, bf: p.budgetFull, cf: p.current.bf, kf: p.carry.bf, of: p.other.bf, ex: p.executed, rateH: p.rateH, scoreT: p.scoreT } as (typeof rows)[number];
    if (inj?.summaryScore?.project === i) {
      const wrong = p.scoreT >= 500 ? p.scoreT / 10 : p.scoreT + 500;
      r.stated = (wrong / 10).toFixed(2);
      injections.push({ kind: 'summary_score', rule: 'cross.summary_vs_project', subject: p.name, stated: valueOf(r.stated), expected: p.scoreT / 10, detail: `绩效评价汇总表 单位自评得分 ${r.stated} against 总分 ${tenths(p.scoreT)} in the project's own 自评表` });
    }
    rows.push(r);
  });
  const taken = new Set(rows.map((r) => r.name));
  for (const su of subUnits) {
    const k = rng.int(1, 3);
    for (let j = 0; j < k; j++) {
      let name = '';
      for (let g = 0; g < 20 && (!name || taken.has(name)); g++) name = `${rng.pick(GENERIC_TOPICS)}${rng.pick(PROJECT_SUFFIX)}`;
      if (taken.has(name)) continue;
      taken.add(name);
      const bf = Math.round(rng.lognormal(100, 0.8) * 100);
      const ex = rng.chance(0.7) ? bf : Math.round(bf * rng.uniform(0.3, 1));
      const rateH = Math.round((ex / bf) * 10000);
      const scoreT = Math.max(0, 1000 - rng.int(0, 120) - Math.round((1 - ex / bf) * 200));
      rows.push({ unit: su, name, bi: bf, ci: bf, ki: 0, oi: 0, bf, cf: bf, kf: 0, of: 0, ex, rateH, scoreT });
    }
  }
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  const pct = (h: number) => `${hundredths(h, 'trim')}%`;
  const totEx = sum((r) => r.ex);
  const totBf = sum((r) => r.bf);
  const avgScore = Math.round(sum((r) => r.scoreT) / Math.max(1, rows.length));
  w.line('附表 1');
  w.line('');
  w.line(`${Y}年度本级项目支出绩效评价汇总表`);
  w.line('');
  w.line(['序号', '部门单位', '项目名称', '年初预算数(万元)', '', '', '', '全年预算数(万元)', '', '', '', '全年执行情况', '', '单位自评情况', '', '部门评价情况', '', '财政厅业务处室审核情况', ''].join('\t'));
  w.line(['', '', '', '合计', '当年财政拨款', '上年结转资金', '其他资金', '合计', '当年财政拨款', '上年结转资金', '其他资金', '执行数(万元)', '执行率(执行数/全年预算数*100%)', '绩效目标总体完成率%', '单位自评得分', '是否实施部门评价(是/否)', '绩效评价报告得分', '对单位项目支出绩效评价自评表审核得分', '对部门绩效评价报告审核得分'].join('\t'));
  const b = (x: string) => (x ? `<b>${x}</b>` : '');
  w.line(['', b('处室合计'), '', b(m(sum((r) => r.bi))), b(m(sum((r) => r.ci))), b(m(sum((r) => r.ki))), b(m(sum((r) => r.oi))), b(m(totBf)), b(m(sum((r) => r.cf))), b(m(sum((r) => r.kf))), b(m(sum((r) => r.of))), b(m(totEx)), b(pct(totBf ? Math.round((totEx / totBf) * 10000) : 0)), b(`${(avgScore / 10).toFixed(2)}%`), b((avgScore / 10).toFixed(2)), '', '', '', ''].join('\t'));
  rows.forEach((r, i) => {
    const score = r.stated ?? (r.scoreT / 10).toFixed(2);
    w.line([String(i + 1), r.unit, r.name, m(r.bi) || '0', m(r.ci), m(r.ki), m(r.oi), m(r.bf), m(r.cf), m(r.kf), m(r.of), m(r.ex) || '0', pct(r.rateH), `${(r.scoreT / 10).toFixed(2)}%`, score, '', '', '', ''].join('\t'));
    out.push({
      name: r.name, unit: r.unit, budget_initial: r.bi / 100, budget_full_year: r.bf / 100, executed: r.ex / 100,
      exec_rate: valueOf(hundredths(r.rateH, 'trim')), completion_pct: r.scoreT / 10, score: valueOf(score),
    });
  });
  w.line('');
  w.line('备注：1. 全年预算数=年初预算安排数+年中追加安排数。 2. 所有项目都应该填报项目支出绩效自评表。');
  w.line('');
}

/** 003's 项目支出绩效目标表 of a budget project. */
export function targetTable(w: Writer, unitName: string, p: PlanProj, out: TruthRecord['projects']): void {
  const amt = hundredths(p.budget, 'fixed');
  out.push({ name: p.name, budget: valueOf(amt), indicator_count: p.indicators.length });
  w.line('## 项目支出绩效目标表');
  w.line('');
  w.line(['<b>预算单位</b>', unitName, '', '', '<b>项目名称</b>', p.name, ''].join('\t'));
  w.line(['<b>项目资金（万元）</b>', '年度资金总额：', amt, '其中：财政拨款', amt, '其他资金', '0'].join('\t'));
  w.line(['<b>项目总体目标</b>', p.goal, '', '', '', '', ''].join('\t'));
  w.line(['<b>一级指标</b>', '<b>二级指标</b>', '<b>三级指标</b>', '', '', '<b>指标值（包含数字及文字描述）</b>', ''].join('\t'));
  const l1Name: Record<string, string> = { 产出指标: '项目完成指标', 效益指标: '项目效益指标', 满意度指标: '满意度指标' };
  let last1 = '';
  let last2 = '';
  for (const r of orderedRows(p)) {
    const l1 = r.level1 === last1 ? '' : l1Name[r.level1]!;
    const level2 = r.level2 === '服务对象满意度指标' ? '满意度指标' : r.level2;
    const l2 = r.level2 === last2 && r.level1 === last1 ? '' : level2;
    last1 = r.level1;
    last2 = r.level2;
    w.line([l1, l2, r.ind?.name ?? '', '', '', r.ind?.target ?? '', ''].join('\t'));
  }
  w.line('');
}
