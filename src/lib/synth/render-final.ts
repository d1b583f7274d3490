// Final accounts (部门决算公开说明) in the layouts of the seeds: 000 (narrative, no title,
// one-cell-per-line 自评表), 001 (markdown headings, spaced figures, 绩效评价汇总表 + tab 自评表),
// 002 (narrative, fixed decimals, tab 自评表) and 004 (function lines named in words, grand
// totals, tab 自评表 with "分"). The sentences are the seeds' own; only figures, names and
// years change. Each renderer returns the text and the truth record it encodes.
import { GLOSSARY_FINAL, GOVFUND_LINE } from './catalog.ts';
import type { Injection } from './truth.ts';
import { Writer, type TruthRecord } from './truth.ts';
import { hundredths, valueOf } from './num.ts';
import { expenseTotal, fiscalExpense, gpbExpense, incomeTotal, sgTotal, sgVehicle, staffActual, type FinalLayout, type Sangong, type Unit, type YearState } from './model.ts';
import { perfTables, summaryTable, type PerfInjection } from './render-perf.ts';
import type { Rng } from './prng.ts';

import { MARKER } from './marker.ts';
export { MARKER };

interface Style {
  sp: string;
  num: 'trim' | 'fixed';
  down: string;
}
const STYLES: Record<FinalLayout, Style> = {
  cells: { sp: '', num: 'trim', down: '降低' },
  markdown: { sp: ' ', num: 'trim', down: '降低' },
  tab: { sp: '', num: 'fixed', down: '降低' },
  words: { sp: ' ', num: 'trim', down: '下降' },
};

export interface FinalInjection extends PerfInjection {
  /** 三公: the component printed off its total, and by how much (cents). */
  sangong?: { part: 'abroad' | 'reception'; delta: number };
}

export interface RenderInput {
  unit: Unit;
  state: YearState;
  prev: YearState;
  file: string;
  rng: Rng;
  subUnits: string[];
  inj: FinalInjection | null;
}

export interface Rendered {
  text: string;
  truth: TruthRecord;
  injections: Injection[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

const UP_REASONS = ['本年业务工作量增加', '上级追加专项工作经费', '人员工资调整及人员变动', '新增重点工作任务'];
const DOWN_REASONS = ['部分工作任务调整，经费相应减少', '厉行节约，压减一般性开支', '上年一次性工作经费本年不再安排', '人员变动'];
const reason = (rng: Rng, cur: number, prev: number) => `主要原因是${rng.pick(cur >= prev ? UP_REASONS : DOWN_REASONS)}`;

export function renderFinal(x: RenderInput): Rendered {
  const { unit: u, state: s, prev: p, rng } = x;
  const L = u.layout;
  const st = STYLES[L];
  const w = new Writer(st.num, st.sp, st.down);
  const f = s.final;
  const pf = p.final;
  const Y = s.year;
  const y = `${Y}${st.sp}`;
  const name = u.name;
  const injections: Injection[] = [];
  const md = L === 'markdown';
  const words = L === 'words';
  const nine = L === 'tab' || L === 'words';
  const part = (k: number, t: string) => (L === 'cells' ? `第${CN[k - 1]}部分${t}` : md ? `## 第${CN[k - 1]}部分 ${t}` : `第${CN[k - 1]}部分 ${t}`);
  const h1 = (k: number, t: string) => (md ? `### ${CN[k - 1]}、${t}` : `${CN[k - 1]}、${t}`);
  const h2 = (k: number, t: string) => (md ? `### **（${CN[k - 1]}）${t}**` : `（${CN[k - 1]}）${t}`);
  const blank = () => w.line('');

  // The 三公 figures as printed: an injected component is off its (unchanged) total.
  const sg: Sangong = { ...f.sangong };
  const sgTot = sgTotal(f.sangong);
  if (x.inj?.sangong) {
    const { part: k, delta } = x.inj.sangong;
    const before = sg[k];
    sg[k] = before + delta;
    injections.push({
      kind: 'sangong_component', rule: 'arith.sangong_parts', subject: 'sangong.total@actual', stated: sg[k] / 100, expected: before / 100,
      detail: `${k === 'abroad' ? '因公出国（境）费' : '公务接待费'} printed ${hundredths(sg[k], 'fixed')} instead of ${hundredths(before, 'fixed')} while the 三公 total stays ${hundredths(sgTot, 'fixed')}`,
    });
  }

  // ---- title and contents ----
  w.line(MARKER);
  if (L === 'cells') {
    w.line(` ${part(1, '部门单位概况')}`);
  } else {
    blank();
    if (md) {
      w.line('附件：');
      blank();
      w.line(`**${name}  `);
      w.line(`${y}年度部门决算**`);
      blank();
      w.line('# 目 录');
    } else if (words) {
      w.line(`**${name}${Y}年度部门决算`);
      w.line('公开说明**');
      blank();
      w.line('目 录');
    } else {
      w.line(name);
      w.line(`${Y}年度部门决算公开说明`);
      blank();
      w.line('目 录');
    }
    blank();
    // The contents are the same in every document of a layout: written once.
    w.raw(cached(`toc:${L}`, st, (c) => {
      const toc = (t: string) => `- ${t}`;
      c.line(part(1, words ? '单位概况' : '部门单位概况'));
      c.line('');
      c.line(toc('一、主要职能'));
      c.line(toc('二、机构设置及人员情况'));
      c.line('');
      c.line(part(2, '部门决算情况说明'));
      c.line('');
      const items = ['收入支出决算总体情况说明', '收入决算情况说明', '支出决算情况说明', '财政拨款收入支出决算总体情况说明', '一般公共预算财政拨款支出决算情况说明', '一般公共预算财政拨款基本支出决算情况说明', `${words ? '' : '一般公共预算'}财政拨款“三公”经费支出决算情况说明`, '政府性基金预算财政拨款收入支出决算情况说明'];
      if (nine) items.push('国有资本经营预算财政拨款收入支出决算情况说明');
      items.push('其他重要事项的情况说明');
      items.forEach((t, i) => c.line(toc(`${CN[i]}、${t}`)));
      c.line(' - (一) 机关运行经费支出情况');
      c.line(' - (二) 政府采购情况');
      c.line(' - (三) 国有资产占用情况说明');
      c.line(toc(`${CN[items.length]}、预算绩效的情况说明`));
      c.line('');
      c.line(part(3, '专业名词解释'));
      c.line('');
      c.line(part(4, '部门决算报表（见附表）'));
      c.line('');
      tableList(nine, words).forEach((t) => c.line(toc(t)));
      c.line('');
      c.line(part(1, words ? '单位概况' : '部门单位概况'));
      c.line('');
    }));
  }

  // ---- 第一部分: duties, organisation and staff ----
  w.line(h1(1, '主要职能'));
  if (L !== 'cells') blank();
  if (words) {
    w.line(`${name}的主要职能是：${u.sector.duties.map((d, i) => `（${CN[i]}）${d}`).join('；')}；（${CN[u.sector.duties.length]}）承办上级交办的其他事项。`);
  } else {
    u.sector.duties.forEach((d, i) => {
      w.line(L === 'cells' ? `（${i + 1}） ${d}。` : md ? `${i + 1}. ${d}。` : `（${CN[i]}）${d}。`);
      if (L !== 'markdown') blank();
    });
  }
  blank();
  w.line(h1(2, '机构设置及人员情况'));
  blank();
  const staff = s.staff;
  const actual = staffActual(staff);
  const rooms = `${u.rooms.length}个${L === 'markdown' ? '处室' : '科室'}，分别是：${u.rooms.join('、')}。`;
  if (md) {
    w.line(`${name}${y}年完成机构改革后，机构中无下属预算单位，内设 ${rooms.replace(/^(\d+)个/, '$1 个')}`);
    blank();
    w.line(`${name}${y}年度，实有人数${w.count(actual, '人', 'staff.actual')}，其中：行政人员${w.count(staff.admin, '人', 'staff.admin')}，事业人员${w.count(staff.institution, '人', 'staff.institution')}，离休人员${w.count(staff.cadre, '人', 'staff.retired_cadre')}，退休人员${w.count(staff.retired, '人', 'staff.retired')}。`);
    blank();
    w.line(`从部门决算单位构成看，${name}部门决算包括：${name}决算。`);
  } else {
    const unitWord = L === 'cells' ? '单位' : '';
    w.line(`${name}${unitWord}${Y}年度，实有人数${w.count(actual, '人', 'staff.actual')}，其中：在职人员${w.count(staff.active, '人', 'staff.active')}，离休人员${w.count(staff.cadre, '人', 'staff.retired_cadre')}，退休人员${w.count(staff.retired, '人', 'staff.retired')}。`);
    blank();
    if (L === 'cells') w.line(`从部门决算单位构成看，${name}单位部门决算包括：${name}单位决算。`);
    else w.line(`从部门决算单位构成看，${name}部门决算包括：${name}${words ? '本级' : ''}决算。单位无下属预算单位，下设${rooms}`);
  }
  if (L !== 'cells') blank();

  // ---- 第二部分 ----
  w.line(part(2, '部门决算情况说明'));
  if (L !== 'cells') blank();
  const incT = incomeTotal(f);
  const pIncT = incomeTotal(pf);
  const expT = expenseTotal(f);
  const pExpT = expenseTotal(pf);
  const fisI = f.fiscalIncome;
  const fisE = fiscalExpense(f);
  let sec = 1;
  w.line(h1(sec++, '收入支出决算总体情况说明'));
  blank();
  if (words) {
    const g = incT + f.carryBegin;
    const pg = pIncT + pf.carryBegin;
    w.line(`${y}年度收入总计${w.wan(g, 'income.grand_total')}，其中：本年收入合计${w.wan(incT, 'income.total')}，使用非财政拨款结余${st.sp}0${st.sp}万元，年初结转和结余${w.wan(f.carryBegin, 'income.carryover_begin')}。收入总计与上年相比，${w.change(g, pg, 'income.grand_total')}，${reason(rng, g, pg)}。`);
    blank();
    const ge = expT + f.carryEnd;
    const pge = pExpT + pf.carryEnd;
    w.line(`本年支出总计${w.wan(ge, 'expense.grand_total')}，其中：本年支出合计${w.wan(expT, 'expense.total')}，结余分配${st.sp}0${st.sp}万元，年末结转和结余${w.wan(f.carryEnd, 'expense.carryover_end')}。支出总计与上年相比，${w.change(ge, pge, 'expense.grand_total')}，${reason(rng, ge, pge)}。`);
  } else if (L === 'tab') {
    w.line(`${y}年度本年收入${w.wan(incT, 'income.total')}，与上年相比，${w.change(incT, pIncT, 'income.total')}，${reason(rng, incT, pIncT)}。本年支出${w.wan(expT, 'expense.total')}，与上年相比，${w.change(expT, pExpT, 'expense.total')}，${reason(rng, expT, pExpT)}。`);
  } else {
    w.line(`${y}年度本年收入${w.wan(incT, 'income.total')}，与上年相比，${w.change(incT, pIncT, 'income.total')}，${reason(rng, incT, pIncT)}；本年支出${w.wan(expT, 'expense.total')}，与上年相比，${w.change(expT, pExpT, 'expense.total')}，${reason(rng, expT, pExpT)}。`);
  }
  blank();

  // 收入决算 / 支出决算
  const [c, sc, co] = L === 'tab' ? [',', ';', ':'] : ['，', '；', '：'];
  w.line(md ? `## ${CN[sec - 1]}、收入决算情况说明` : h1(sec, '收入决算情况说明'));
  sec++;
  blank();
  const inc: [string, string, number][] = [
    ['财政拨款收入', 'income.fiscal', fisI], ['上级补助收入', 'income.superior', 0], ['事业收入', 'income.business', 0],
    ['经营收入', 'income.operating', 0], ['附属单位上缴收入', 'income.affiliated', 0], ['其他收入', 'income.other', f.otherIncome],
  ];
  w.line(`${y}年度本年收入${w.wan(incT, 'income.total')}${c}其中${co}${inc.map(([label, key, v]) => `${label}${w.wan(v, key)}${c}占${w.share(v, incT)}`).join(sc)}。`);
  blank();
  w.line(md ? `## ${CN[sec - 1]}、支出决算情况说明` : h1(sec, '支出决算情况说明'));
  sec++;
  blank();
  const exp: [string, string, number][] = [
    ['基本支出', 'expense.basic', f.basic], ['项目支出', 'expense.project', f.project], ['上缴上级支出', 'expense.to_superior', 0],
    ['经营支出', 'expense.operating', 0], ['对附属单位补助支出', 'expense.to_affiliated', 0],
  ];
  w.line(`${y}年度本年支出${w.wan(expT, 'expense.total')}${c}其中${co}${exp.map(([label, key, v]) => `${label}${w.wan(v, key)}${c}占${w.share(v, expT)}`).join(sc)}。`);
  blank();

  // 财政拨款收入支出决算总体情况
  w.line(md ? `## ${CN[sec - 1]}、财政拨款收入支出决算总体情况说明` : h1(sec, '财政拨款收入支出决算总体情况说明'));
  sec++;
  blank();
  const pFisI = pf.fiscalIncome;
  const pFisE = fiscalExpense(pf);
  const bi = f.budgetInitial;
  if (words) {
    const ti = fisI + f.carryBegin;
    const pti = pFisI + pf.carryBegin;
    const te = fisE + f.carryEnd;
    const pte = pFisE + pf.carryEnd;
    w.line(`${y}年度财政拨款收入总计${w.wan(ti, 'fiscal.income_total')}，其中：年初财政拨款结转和结余${w.wan(f.carryBegin)}，财政拨款本年收入${w.wan(fisI, 'fiscal.income')}。财政拨款收入总计与上年相比，${w.change(ti, pti, 'fiscal.income_total')}，${reason(rng, ti, pti)}。`);
    blank();
    w.line(`财政拨款支出总计${w.wan(te, 'fiscal.expense_total')}，其中：年末财政拨款结转和结余${w.wan(f.carryEnd)}，财政拨款本年支出${w.wan(fisE, 'fiscal.expense')}。财政拨款支出总计与上年相比，${w.change(te, pte, 'fiscal.expense_total')}，${reason(rng, te, pte)}。`);
    blank();
    w.line(`与年初预算数相比情况：财政拨款收入总计年初预算数${w.wan(bi, 'fiscal.income_total', 'budget_initial')}，决算数${w.wan(ti)}，预决算差异率${w.diffRate(ti, bi)}，主要原因是：根据工作要求调整预算。财政拨款支出总计年初预算数${w.wan(bi, 'fiscal.expense_total', 'budget_initial')}，决算数${w.wan(te)}，预决算差异率${w.diffRate(te, bi)}，主要原因是：根据工作要求调整预算。`);
  } else {
    w.line(`${y}年度财政拨款收入${w.wan(fisI, 'fiscal.income')}${c}与上年相比${c}${w.change(fisI, pFisI, 'fiscal.income', true, c)}${c}${reason(rng, fisI, pFisI)}。财政拨款支出${w.wan(fisE, 'fiscal.expense')}${c}与上年相比${c}${w.change(fisE, pFisE, 'fiscal.expense', true, c)}${c}${reason(rng, fisE, pFisE)}。`);
    blank();
    w.line(`与年初预算数相比情况${co}财政拨款收入年初预算数${w.wan(bi, 'fiscal.income', 'budget_initial')},决算数${w.wan(fisI)}，预决算差异率${w.diffRate(fisI, bi)}，主要原因是年中追加或调减预算。财政拨款支出年初预算数${w.wan(bi, 'fiscal.expense', 'budget_initial')}，决算数${w.wan(fisE)}，预决算差异率${w.diffRate(fisE, bi)}，主要原因是年中追加或调减预算。`);
  }
  blank();

  // 一般公共预算财政拨款支出: function lines
  w.line(md ? `## ${CN[sec - 1]}、一般公共预算财政拨款支出决算情况说明` : h1(sec, '一般公共预算财政拨款支出决算情况说明'));
  sec++;
  blank();
  const gpb = gpbExpense(f);
  const lines = f.lines.filter((l) => l.amount > 0);
  const truthLines: TruthRecord['function_lines'] = [];
  if (words) {
    w.line('（一）一般公共预算财政拨款支出决算总体情况');
    blank();
    w.line(`${y}年度一般公共预算财政拨款支出${w.wan(gpb, 'gpb.expense')}，占本年支出合计的${w.share(gpb, expT).replace('%', ' %')}，与上年相比，${w.change(gpb, gpbExpense(pf), 'gpb.expense')}，${reason(rng, gpb, gpbExpense(pf))}。`);
    blank();
    w.line('（二）一般公共预算财政拨款支出决算结构情况');
    blank();
    const leis: { name: string; amount: number }[] = [];
    for (const l of lines) {
      const k = leis.find((z) => z.name === l.def.lei.name);
      if (k) k.amount += l.amount;
      else leis.push({ name: l.def.lei.name, amount: l.amount });
    }
    leis.forEach((z, i) => w.line(`${i + 1}. ${z.name}（类）${w.wan(z.amount)}，占${w.share(z.amount, gpb)}。`));
    blank();
    w.line('（三）一般公共预算财政拨款支出决算具体情况');
    blank();
    lines.forEach((l, i) => {
      const before = pf.lines.find((z) => z.def.code === l.def.code)?.amount ?? 0;
      const amt = w.n(l.amount);
      w.line(`${i + 1}. ${l.def.lei.name}（类）${l.def.kuan.name}（款）${l.def.name}（项）：支出决算数为${st.sp}${amt}${st.sp}万元，比上年决算${changeNoFact(w, l.amount, before)}，${reason(rng, l.amount, before)}。`);
      blank();
      truthLines.push({ code: null, name: l.def.name, amount: valueOf(amt) });
    });
  } else {
    w.line(`${y}年度一般公共预算财政拨款支出${w.wan(gpb, 'gpb.expense')}。${md ? '' : '按功能分类科目项级科目公开，其中：'}`);
    blank();
    if (md) {
      w.line('按功能分类科目项级科目公开，其中：');
      blank();
    }
    lines.forEach((l, i) => {
      const amt = w.n(l.amount);
      const end = i === lines.length - 1 ? '。' : '；';
      // The markdown layout wraps a long name before its amount, as seed 001 prints.
      if (md && l.def.name.length > 12) w.line(`${l.def.code}${st.sp}${l.def.name}  \n${amt}${st.sp}万元${end}`);
      else w.line(`${l.def.code}${st.sp}${l.def.name}${st.sp}${amt}${st.sp}万元${end}`);
      blank();
      truthLines.push({ code: l.def.code, name: l.def.name, amount: valueOf(amt) });
    });
  }

  // 基本支出
  w.line(md ? `## ${CN[sec - 1]}、一般公共预算财政拨款基本支出决算情况说明` : h1(sec, '一般公共预算财政拨款基本支出决算情况说明'));
  sec++;
  blank();
  const persList = '基本工资、津贴补贴、奖金、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、生活补助';
  const pubList = '办公费、印刷费、邮电费、差旅费、培训费、劳务费、工会经费、福利费、其他商品和服务支出';
  if (L === 'cells') {
    w.line(`${y}年度一般公共预算财政拨款基本支出${w.wan(f.gpbBasic, 'gpb.basic')}，其中：人员经费${w.wan(f.personnel, 'gpb.personnel')}，包括：${persList}。`);
  } else {
    w.line(`${y}年度一般公共预算财政拨款基本支出${w.wan(f.gpbBasic, 'gpb.basic')}，其中：`);
    blank();
    w.line(`人员经费${w.wan(f.personnel, 'gpb.personnel')}，包括：${persList}。`);
  }
  blank();
  w.line(`公用经费${w.wan(f.public, 'gpb.public')}，包括：${pubList}。`);
  blank();

  // 三公
  w.line(md ? `## ${CN[sec - 1]}、一般公共预算财政拨款“三公”经费支出决算情况说明` : h1(sec, `${words ? '' : '一般公共预算'}财政拨款“三公”经费支出决算情况说明`));
  sec++;
  blank();
  sangongSection(w, rng, L, y, sg, sgTot, pf.sangong, f.sangongBudget);
  blank();

  // 政府性基金
  w.line(md ? `## **${CN[sec - 1]}、政府性基金预算收入支出决算情况说明**` : h1(sec, L === 'cells' ? '政府性基金预算收入支出决算情况说明' : '政府性基金预算财政拨款收入支出决算情况说明'));
  sec++;
  blank();
  if (words && f.govfund > 0) {
    w.line(`${y}年度政府性基金预算年初结转和结余${st.sp}0${st.sp}万元，财政拨款收入${w.wan(f.govfund, 'govfund.income')}，与上年相比，${w.change(f.govfund, pf.govfund, 'govfund.income')}，${reason(rng, f.govfund, pf.govfund)}。政府性基金预算年末结转结余${st.sp}0${st.sp}万元，财政拨款支出${w.wan(f.govfund, 'govfund.expense')}，与上年相比，${w.change(f.govfund, pf.govfund, 'govfund.expense')}，${reason(rng, f.govfund, pf.govfund)}。`);
    blank();
    w.line(`政府性基金预算财政拨款支出${w.wan(f.govfund)}。按功能分类科目项级科目公开，其中：`);
    blank();
    const amt = w.n(f.govfund);
    w.line(`${GOVFUND_LINE.code}${st.sp}${GOVFUND_LINE.name}${st.sp}${amt}${st.sp}万元。`);
    truthLines.push({ code: GOVFUND_LINE.code, name: GOVFUND_LINE.name, amount: valueOf(amt), fund: 'govfund' });
  } else {
    w.line('我单位本年度无政府性基金预算财政拨款收入支出，政府性基金预算财政拨款收入支出决算表为空表。');
  }
  blank();
  if (nine) {
    w.line(h1(sec++, '国有资本经营预算财政拨款收入支出决算情况说明'));
    blank();
    w.line('我单位本年度无国有资本经营预算财政拨款收入支出，国有资本经营预算财政拨款收入支出决算表为空表。');
    blank();
  }

  // 其他重要事项
  w.line(md ? `## **${CN[sec - 1]}、其他重要事项的情况说明**` : h1(sec, '其他重要事项的情况说明'));
  sec++;
  blank();
  w.line(h2(1, '机关运行经费支出情况'));
  blank();
  const admin = f.admin;
  const pAdmin = pf.admin;
  const who = L === 'cells' || L === 'tab' ? `${name}单位` : words ? `${name}（行政单位）` : name;
  w.line(`${y}年度${who}机关运行经费支出${w.wan(admin, 'admin.running_cost')}，比上年${w.change(admin, pAdmin, 'admin.running_cost')}${L === 'cells' ? '。' : '，'}${reason(rng, admin, pAdmin)}。`);
  blank();
  w.line(h2(2, '政府采购情况'));
  blank();
  const pr = f.proc;
  const prT = pr.goods + pr.works + pr.services;
  const sepP = L === 'cells' ? '，' : '、';
  w.line(`${y}年度政府采购支出总额${w.wan(prT, 'procurement.total')}，其中：政府采购货物支出${w.wan(pr.goods, 'procurement.goods')}${sepP}政府采购工程支出${w.wan(pr.works, 'procurement.works')}${sepP}政府采购服务支出${w.wan(pr.services, 'procurement.services')}。`);
  blank();
  w.line(`授予中小企业合同金额${w.wan(pr.sme, 'procurement.sme')}，占政府采购支出总额的${w.share(pr.sme, prT)}，其中：授予小微企业合同金额${w.wan(pr.small, 'procurement.small_micro')}，占政府采购支出总额的${w.share(pr.small, prT)}。`);
  blank();
  w.line(h2(3, '国有资产占用情况说明'));
  blank();
  assetsFinal(w, L, y, s);
  blank();

  // 预算绩效
  w.line(md ? `## ${CN[sec - 1]}、预算绩效的情况说明` : h1(sec, '预算绩效的情况说明'));
  blank();
  const projects = f.projects;
  const funds = projects.reduce((a, b) => a + b.budgetFull, 0);
  const spent = projects.reduce((a, b) => a + b.executed, 0);
  const tail = '预算绩效管理取得的成效：一是规范了项目资金管理，提高了资金使用效益；二是加强了预算执行进度管理。发现的问题及原因：部分项目实施进度偏慢，绩效目标设置不够细化。下一步改进措施：加强项目前期论证，提高绩效目标编制质量，加快预算执行进度。';
  if (words) {
    w.line(`根据预算绩效管理要求，我单位${y}年度开展预算绩效评价项目${w.count(projects.length, '个', 'perf.projects')}，全年预算数${w.wan(funds, 'perf.funds', 'budget_full_year')}，全年执行数${w.wan(spent, 'perf.funds', 'actual')}。${tail}具体项目自评情况附项目支出绩效自评表。`);
  } else {
    w.line(`根据预算绩效管理要求，我单位${y}年度开展预算绩效评价项目${w.count(projects.length, '个', 'perf.projects')}，共涉及资金${w.wan(funds, 'perf.funds')}。${tail}${md ? '具体项目自评情况附项目支出绩效自评表。' : ''}`);
  }
  blank();

  // Performance tables: the 001 summary first, then one 自评表 per project.
  const truthProjects: TruthRecord['projects'] = [];
  const summary: TruthRecord['summary_projects'] = [];
  if (md) summaryTable(w, u, s, x.subUnits, rng, x.inj, summary, injections);
  perfTables(w, L, u, s, x.inj, truthProjects, injections, md ? 2 : 0);

  // 第三部分, 第四部分: the same in every document of a layout.
  w.raw(cached(`tail:${L}`, st, (c) => {
    c.line(L === 'cells' ? part(3, '专业名词解释') : md ? `### 第三部分 专业名词解释` : part(3, '专业名词解释'));
    c.line('');
    for (const g of GLOSSARY_FINAL) {
      c.line(g);
      c.line('');
    }
    c.line(L === 'cells' ? part(4, '部门决算报表（见附表）') : md ? '#### 第四部分 部门决算报表（见附表）' : part(4, '部门决算报表（见附表）'));
    c.line('');
    for (const t of tableList(nine, words)) {
      c.line(md ? `- ${t}` : t);
      if (!md) c.line('');
    }
  }));

  const truth: TruthRecord = {
    spec: 1,
    source: x.file,
    unit_name: name,
    region: u.region,
    fiscal_year: Y,
    kind: 'final',
    facts: w.facts,
    function_lines: truthLines,
    economic_lines: [],
    projects: truthProjects,
    summary_projects: summary,
    warnings: [],
  };
  return { text: w.text(), truth, injections };
}

const BLOCKS = new Map<string, string>();
/** A block of text that does not change from one document to the next (no facts in it). */
function cached(key: string, st: Style, build: (w: Writer) => void): string {
  let text = BLOCKS.get(key);
  if (text === undefined) {
    const c = new Writer(st.num, st.sp, st.down);
    build(c);
    if (c.facts.length) throw new Error(`synth: cached block ${key} states facts`);
    BLOCKS.set(key, (text = c.text()));
  }
  return text;
}

function tableList(nine: boolean, words: boolean): string[] {
  const t = ['一、《收入支出决算总表》', '二、《收入决算表》', '三、《支出决算表》', '四、《财政拨款收入支出决算总表》', '五、《一般公共预算财政拨款支出决算表》', '六、《一般公共预算财政拨款基本支出决算表》', `七、《${words ? '' : '一般公共预算'}财政拨款“三公”经费支出决算表》`, '八、《政府性基金预算财政拨款收入支出决算表》'];
  if (nine) t.push('九、《国有资本经营预算财政拨款收入支出决算表》');
  return t;
}

/** A change stated for a function line (not a fact of the record). */
function changeNoFact(w: Writer, cur: number, prev: number): string {
  const d = cur - prev;
  const h = prev === 0 ? (cur === 0 ? 0 : 10000) : Math.abs(Math.round((d / prev) * 10000));
  return `${d >= 0 ? '增加' : '减少'}${w.sp}${hundredths(Math.abs(d), w.num)}${w.sp}万元，${d >= 0 ? '增长' : w.down}${w.sp}${hundredths(h, w.num)}%`;
}

function sangongSection(w: Writer, rng: Rng, L: FinalLayout, y: string, sg: Sangong, total: number, prev: Sangong, budget: Sangong): void {
  const words = L === 'words';
  const veh = sgVehicle(sg);
  const pVeh = sgVehicle(prev);
  const r = (cur: number, p: number, none: string) => (cur === 0 && p === 0 ? `主要原因是${none}` : `主要原因是${cur >= p ? '业务工作需要，支出有所增加' : '厉行节约，严格控制支出'}`);
  const none = rng.pick(['单位无此情况', '单位无此项支出', '本年度和上年度均无此项支出']);
  const opener = words ? '财政拨款“三公”经费支出决算' : L === 'cells' ? '一般公共预算“三公”经费支出决算数' : '一般公共预算“三公”经费支出决算';
  const pTot = sgTotal(prev);
  w.line(`${y}年度${opener}${w.wan(total, 'sangong.total')}，比上年${w.change(total, pTot, 'sangong.total')}${L === 'cells' ? '。' : '，'}${r(total, pTot, none)}。其中${words ? '：' : '，'}因公出国（境）费支出${w.wan(sg.abroad, 'sangong.abroad')}，占${w.share(sg.abroad, total)}，比上年${w.change(sg.abroad, prev.abroad, 'sangong.abroad')}${L === 'cells' ? '。' : '，'}${r(sg.abroad, prev.abroad, none)}；公务用车购置及运行维护费${L === 'cells' ? '' : '支出'}${w.wan(veh, 'sangong.vehicle')}，占${w.share(veh, total)}，比上年${w.change(veh, pVeh, 'sangong.vehicle')}${L === 'cells' ? '。' : '，'}${r(veh, pVeh, none)}；公务接待费${L === 'cells' ? '' : '支出'}${w.wan(sg.reception, 'sangong.reception')}，占${w.share(sg.reception, total)}，比上年${w.change(sg.reception, prev.reception, 'sangong.reception')}${L === 'cells' ? '。' : '，'}${r(sg.reception, prev.reception, none)}${L === 'cells' ? '；' : '。'}具体情况如下：`);
  if (L !== 'cells') w.line('');
  w.line(`因公出国（境）费支出${w.wan(sg.abroad)}${L === 'cells' ? '，' : '。'}开支内容包括：${sg.abroad ? '出国（境）培训交流的国际旅费、住宿费等' : none}。单位全年安排的因公出国（境）团组${w.count(sg.groups, '个', 'sangong.abroad_groups')}，因公出国（境）${w.count(sg.abroadPersons, '人次', 'sangong.abroad_persons')}。`);
  w.line('');
  w.line(`公务用车购置及运行维护费${w.wan(veh)}，其中${words ? '：' : '，'}公务用车购置费${w.wan(sg.purchase, 'sangong.vehicle_purchase')}，公务用车运行维护费${w.wan(sg.operation, 'sangong.vehicle_operation')}。公务用车运行维护费开支内容包括车辆维修、车辆保险、车辆燃油费等。公务用车购置数${w.count(sg.purchased, '辆', 'sangong.vehicles_purchased')}，公务用车保有量${w.count(sg.held, '辆', 'sangong.vehicles_held')}。`);
  if (L !== 'cells') w.line('');
  w.line(`公务接待费${w.wan(sg.reception)}${L === 'cells' ? '。开支内容包括' : '，开支内容包括：'}${sg.reception ? '接待上级检查指导工作的工作餐费' : none}。单位全年安排的国内公务接待${w.count(sg.batches, '批次', 'sangong.reception_batches')}，${w.count(sg.receptionPersons, '人次', 'sangong.reception_persons')}。`);
  if (L !== 'cells') w.line('');
  const b = words ? 'budget_full_year' : 'budget_initial';
  const bw = words ? '全年预算数' : '预算数';
  const bTot = sgTotal(budget);
  const cmp = words ? '与全年预算数相比情况：“三公”经费支出全年预算数' : `与年初预算${L === 'cells' ? '' : '数'}相比情况${L === 'cells' ? ':' : '：'}一般公共预算“三公”经费支出年初预算数`;
  const item = (label: string, bv: number, av: number, key: string) =>
    `${label}${bw}${w.wan(bv, key, b)}，决算数${w.wan(av)}，预决算差异率${w.diffRate(av, bv)}，${av === 0 && bv === 0 ? `主要原因是${none}` : '主要原因是按实际需要安排支出'}`;
  w.line(`${cmp}${w.wan(bTot, 'sangong.total', b)}，决算数${w.wan(total)}，预决算差异率${w.diffRate(total, bTot)}，主要原因是严格执行预算。其中${words ? '：' : '，'}${[
    item(`因公出国（境）费${words ? '' : '支出'}`, budget.abroad, sg.abroad, 'sangong.abroad'),
    item('公务用车购置费', budget.purchase, sg.purchase, 'sangong.vehicle_purchase'),
    item('公务用车运行费', budget.operation, sg.operation, 'sangong.vehicle_operation'),
    item('公务接待费', budget.reception, sg.reception, 'sangong.reception'),
  ].join('；')}。`);
}

function assetsFinal(w: Writer, L: FinalLayout, y: string, s: YearState): void {
  const a = s.assets;
  const sp = w.sp;
  const area = `${sp}${hundredths(a.area, w.num, L === 'tab')}${L === 'tab' ? '(平方米)' : `${sp}平方米`}`;
  w.fact('assets.building_area', 'actual', a.area / 100);
  const cars = `副部（省）级及以上领导用车${sp}0${sp}辆、主要领导干部用车${sp}0${sp}辆、机要通信用车${sp}0${sp}辆、应急保障用车${sp}0${sp}辆、执法执勤用车${sp}${a.enforcement}${sp}辆、特种专业技术用车${sp}0${sp}辆、离退休干部用车${sp}0${sp}辆、其他用车${sp}${a.general}${sp}辆，其他用车主要是：${a.general ? '单位公务用车' : '无其他用车'}`;
  if (L === 'words') {
    const fixed = a.areaValue + a.vehiclesValue + a.other;
    w.line(`截至${sp}${y}年${sp}12${sp}月${sp}31${sp}日，固定资产原值${w.wan(fixed, 'assets.fixed_value')}，房屋${area}，价值${w.wan(a.areaValue, 'assets.building_value')}。车辆${w.count(a.vehicles, '辆', 'assets.vehicles')}，价值${w.wan(a.vehiclesValue, 'assets.vehicles_value')}，其中：${cars}；单价${sp}100${sp}万元（含）以上设备（不含车辆）${w.count(a.equip100, '台（套）', 'assets.equip_special_100w')}。`);
    return;
  }
  const tab = L === 'tab';
  w.line(`${L === 'cells' ? '截至' : `截止${sp}`}${y}年${sp}12${sp}月${sp}31${sp}日，单位共有房屋${area}，价值${w.wan(a.areaValue, 'assets.building_value', 'actual', tab)}。车辆${w.count(a.vehicles, '辆', 'assets.vehicles')}，价值${w.wan(a.vehiclesValue, 'assets.vehicles_value', 'actual', tab)}，其中：${cars}；单位价值${sp}50${sp}万元以上通用设备${w.count(a.equip50, '台（套）', 'assets.equip_general_50w')}${L === 'cells' ? '，' : '、'}单位价值${sp}100${sp}万元以上专用设备${w.count(a.equip100, '台（套）', 'assets.equip_special_100w')}。`);
}
