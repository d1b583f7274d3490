// Budgets (部门预算公开) in the layout of seed 003: tables 表一…表八 as tab-separated rows,
// the 第三部分 explanations, and one 项目支出绩效目标表 per project.
import { entries } from '../extract/catalogue.ts';
import { GLOSSARY_BUDGET } from './catalog.ts';
import { hundredths, pctH, valueOf } from './num.ts';
import { sgTotal, sgVehicle, staffActual, type LineAmt, type Sangong } from './model.ts';
import { targetTable } from './render-perf.ts';
import { MARKER, type RenderInput, type Rendered } from './render-final.ts';
import type { Injection, TruthRecord } from './truth.ts';
import { Writer } from './truth.ts';

export interface BudgetInjection {
  sangong?: { part: 'abroad' | 'reception'; delta: number };
  /** An economic 款 row whose personnel or public column is printed off its 小计 (cents). */
  economic?: { row: number; delta: number };
}

/** The 类 of the 收支总表, as the seed lists them (current names from the catalogue). */
const LEI_ROWS = ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '227', '229', '231', '232', '233'];
const leiName = new Map(entries.filter((e) => e.level === 'lei').map((e) => [e.code, e.name]));
const ZEROS = Array.from({ length: 10 }, (_, k) => Array.from({ length: k }, () => '0.00'));

export function renderBudget(x: RenderInput & { binj: BudgetInjection | null }): Rendered {
  const { unit: u, state: s, prev: p, rng } = x;
  const w = new Writer('fixed', ' ', '减少');
  const f = (c: number) => hundredths(c, 'fixed');
  const plan = s.plan;
  const Y = s.year;
  const name = u.name;
  const injections: Injection[] = [];
  const total = plan.basic + plan.project;
  const lines = plan.lines.filter((l) => l.amount > 0);
  const blank = () => w.line('');

  // 三公 as printed (an injected component is off its unchanged total).
  const sg: Sangong = { ...plan.sangong };
  const sgTot = sgTotal(plan.sangong);
  if (x.binj?.sangong) {
    const { part, delta } = x.binj.sangong;
    const before = sg[part];
    sg[part] = before + delta;
    injections.push({
      kind: 'sangong_component', rule: 'arith.sangong_parts', subject: 'sangong.total@budget', stated: sg[part] / 100, expected: before / 100,
      detail: `${part === 'abroad' ? '因公出国（境）费' : '公务接待费'} printed ${f(sg[part])} instead of ${f(before)} while the 三公 total stays ${f(sgTot)}`,
    });
  }

  // Lines by 类 and 款, in table order.
  const leis: { code: string; name: string; amount: number; basic: number; project: number; kuans: { code: string; name: string; amount: number; basic: number; project: number; lines: LineAmt[] }[] }[] = [];
  for (const l of lines) {
    let lei = leis.find((z) => z.code === l.def.lei.code);
    if (!lei) leis.push((lei = { code: l.def.lei.code, name: l.def.lei.name, amount: 0, basic: 0, project: 0, kuans: [] }));
    let kuan = lei.kuans.find((z) => z.code === l.def.kuan.code);
    if (!kuan) lei.kuans.push((kuan = { code: l.def.kuan.code, name: l.def.kuan.name, amount: 0, basic: 0, project: 0, lines: [] }));
    for (const t of [lei, kuan]) {
      t.amount += l.amount;
      t.basic += l.basic;
      t.project += l.project;
    }
    kuan.lines.push(l);
  }
  const ordered = leis.flatMap((l) => l.kuans.flatMap((k) => k.lines));
  const code3 = (l: LineAmt) => [l.def.code.slice(0, 3), l.def.code.slice(3, 5), l.def.code.slice(5, 7)];

  // ---- title and contents ----
  w.line(MARKER);
  blank();
  // The title wraps inside the name, as seed 003's text layer prints it.
  const cut = name.length > 16 ? Math.ceil(name.length * 0.6) : name.length;
  w.line(`${name.slice(0, cut)}  `);
  w.line(`${name.slice(cut)}部门单位 ${Y}  `);
  w.line('年部门预算公开');
  blank();
  w.line('# 目录');
  blank();
  w.line(`## 第一部分 ${name}部门 单位概况`);
  blank();
  w.line('- 一、主要职能');
  w.line('- 二、机构设置及人员情况');
  blank();
  w.line(`## 第二部分 ${Y} 年部门预算公开表`);
  blank();
  ['部门收支总体情况表', '部门收入总体情况表', '部门支出总体情况表', '财政拨款收支总体情况表', '一般公共预算支出情况表', '一般公共预算基本支出情况表', '项目支出情况表', '一般公共预算“三公”经费支出情况表', '政府性基金预算支出情况表'].forEach((t, i) => w.line(`- ${'一二三四五六七八九'[i]}、${t}`));
  blank();
  w.line(`## 第三部分 ${Y} 年部门预算情况说明`);
  blank();
  const about = (t: string) => `关于${name}部门 ${Y} 年${t}`;
  const toc3 = ['收支预算情况的总体说明', '收入预算情况说明', '支出预算情况说明', '财政拨款收支预算情况的总体说明', '一般公共预算当年拨款情况说明', '一般公共预算基本支出情况说明', '项目支出情况说明', '一般公共预算“三公”经费预算情况说明', '政府性基金预算拨款情况说明'];
  toc3.forEach((t, i) => {
    w.line(`${i < 5 ? '- ' : ''}${'一二三四五六七八九'[i]}、${about(t)}`);
    if (i >= 4) blank();
  });
  w.line('十、其他重要事项的情况说明');
  blank();
  w.line('#### **第四部分 名词解释**');
  blank();

  // ---- 第一部分 ----
  w.line(`##### **第一部分 ${name}部门 单位概况**`);
  blank();
  w.line('###### **一、主要职能**');
  blank();
  u.sector.duties.forEach((d, i) => {
    w.line(`${i + 1}、${d}。`);
    blank();
  });
  w.line(`${u.sector.duties.length + 1}、完成上级交办的其他工作。`);
  blank();
  w.line('## 二、机构设置及人员情况');
  blank();
  w.line(`${name}单位无下属预算单位，下设 ${u.rooms.length} 个处室，分别是：${u.rooms.join('、')}。`);
  blank();
  const st = s.staff;
  const ps = p.staff;
  w.line(`${name}单位编制数${w.count(st.authorized, '人', 'staff.authorized')}，实有人数${w.count(staffActual(st), '人', 'staff.actual')}，其中：在职${w.count(st.active, '人', 'staff.active')}，${w.countChange(st.active, ps.active, '人', 'staff.active')}；退休${w.count(st.retired, '人', 'staff.retired')}，${w.countChange(st.retired, ps.retired, '人', 'staff.retired')}；离休${w.count(st.cadre, '人', 'staff.retired_cadre')}，${w.countChange(st.cadre, ps.cadre, '人', 'staff.retired_cadre')}。`);
  blank();

  // ---- 第二部分: tables ----
  w.line(`## 第二部分 ${Y} 年部门预算公开表`);
  blank();
  const T = (...c: string[]) => w.line(c.join('\t'));
  const leiAmount = (code: string) => leis.find((z) => z.code === code);

  // 表一
  w.line('表一：');
  blank();
  w.line('### 部门收支总体情况表');
  blank();
  w.line(`编制部门：${name}`);
  blank();
  w.line('单位：万元');
  blank();
  T('收 入', '', '支 出', '');
  T('项 目', '预算数', '功能分类', '预算数');
  const left: [string, string | null, number][] = [
    ['财政拨款（补助）', 'income.fiscal', total], ['一般公共预算', null, total], ['政府性基金预算', 'govfund.income', 0], ['教育收费（财政专户）', null, 0],
    ['事业收入', 'income.business', 0], ['事业单位经营收入', 'income.operating', 0], ['其他收入', 'income.other', 0], ['用事业基金弥补收支差额', null, 0],
  ];
  LEI_ROWS.forEach((code, i) => {
    const l = left[i];
    const right = `${code} ${leiName.get(code)}`;
    const amt = f(leiAmount(code)?.amount ?? 0);
    if (l) T(l[0], w.n(l[2], l[1] ?? undefined, 'budget'), right, amt);
    else T('', '', right, amt);
  });
  T('小 计', w.n(total, 'income.total', 'budget'), '小 计', w.n(total, 'expense.total', 'budget'));
  T('单位上年结余（不包括国库集中支付额度结余）', w.n(0, 'income.carryover_begin', 'budget'), '230 转移性支出', '0.00');
  T('收 入 总 计', w.n(total, 'income.grand_total', 'budget'), '支 出 合 计', w.n(total, 'expense.grand_total', 'budget'));
  blank();

  // 表二
  w.line('表二：');
  blank();
  w.line('### 部门收入总体情况表');
  blank();
  w.line(`填报部门：${name}`);
  blank();
  w.line('单位：万元');
  blank();
  T('功能分类科目编码', '', '', '功能分类科目名称', '总 计', '一般公共预算拨款', '政府性基金预算拨款', '财政专户管理资金', '事业收入', '事业单位经营收入', '其他收入', '用事业基金弥补收支差额', '单位上年结余（不包括国库集中支付额度结余）');
  T('类', '款', '项', '', '', '', '', '', '', '', '', '', '');
  const zeros = (k: number) => ZEROS[k]!;
  for (const l of ordered) T(...code3(l), l.def.name, f(l.amount), f(l.amount), ...zeros(7));
  T('', '', '', '合计', f(total), f(total), ...zeros(7));
  blank();

  // 表三
  w.line('表三：');
  blank();
  w.line('### 部门支出总体情况表');
  blank();
  w.line(`编制部门：${name}`);
  blank();
  w.line('单位：万元');
  blank();
  T('项目', '', '', '支出预算', '', '', '');
  T('功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出');
  T('类', '款', '项', '', '', '', '');
  for (const l of ordered) T(...code3(l), l.def.name, f(l.amount), f(l.basic), f(l.project));
  T('', '', '', '合计', f(total), w.n(plan.basic, 'expense.basic', 'budget'), w.n(plan.project, 'expense.project', 'budget'));
  blank();

  // 表四
  w.line('表四：');
  blank();
  w.line('### 财政拨款收支预算总体情况表');
  blank();
  w.line(`编制部门：${name} 单位：万元`);
  blank();
  T('财政拨款收入', '', '财政拨款支出', '', '', '');
  T('项 目', '合计', '功 能 分 类', '合计', '一般公共预算', '政府性基金预算');
  const fl: [string, number][] = [['财政拨款（补助）', total], ['一般公共预算', total], ['政府性基金预算', 0]];
  LEI_ROWS.forEach((code, i) => {
    const a = leiAmount(code)?.amount ?? 0;
    const right = [`${code} ${leiName.get(code)}`, f(a), f(a), '0.00'];
    const l = fl[i];
    if (l) T(l[0], i === 0 ? w.n(l[1], 'fiscal.income', 'budget') : f(l[1]), ...right);
    else T('', '', ...right);
  });
  T('小 计', f(total), '小 计', w.n(total, 'fiscal.expense', 'budget'), w.n(total, 'gpb.expense', 'budget'), w.n(0, 'govfund.expense', 'budget'));
  T('', '', '230 转移性支出', '0.00', '0.00', '0.00');
  T('收 入 总 计', w.n(total, 'fiscal.income_total', 'budget'), '支 出 总 计', w.n(total, 'fiscal.expense_total', 'budget'), f(total), '0.00');
  blank();

  // 表五: function lines with basic and project columns
  w.line('表五:');
  blank();
  w.line('### 一般公共预算支出情况表');
  blank();
  w.line(`编制部门:${name}`);
  blank();
  w.line('单位:万元');
  blank();
  T('项目', '', '', '一般公共预算支出', '', '', '');
  T('功能分类科目编码', '', '', '功能分类科目名称', '小计', '基本支出', '项目支出');
  T('类', '款', '项', '', '', '', '');
  const truthLines: TruthRecord['function_lines'] = [];
  for (const lei of leis) {
    T(lei.code, '', '', lei.name, f(lei.amount), f(lei.basic), f(lei.project));
    for (const k of lei.kuans) {
      T('', k.code.slice(3), '', k.name, f(k.amount), f(k.basic), f(k.project));
      for (const l of k.lines) {
        T(...code3(l), l.def.name, f(l.amount), f(l.basic), f(l.project));
        truthLines.push({ code: l.def.code, name: l.def.name, amount: l.amount / 100, basic: l.basic / 100, project: l.project / 100 });
      }
    }
  }
  T('', '', '', '合计', f(total), w.n(plan.basic, 'gpb.basic', 'budget'), f(plan.project));
  blank();

  // 表六: economic lines
  w.line('表六:');
  blank();
  w.line('### 一般公共预算基本支出情况表');
  blank();
  w.line(`编制部门:${name}`);
  blank();
  w.line('单位:万元');
  blank();
  T('项目', '', '一般公共预算基本支出', '', '', '');
  T('经济分类科目编码', '', '经济分类科目名称', '小计', '人员经费', '公用经费');
  T('类', '款', '', '', '', '');
  const econTruth: TruthRecord['economic_lines'] = [];
  const econRows = plan.econ;
  const kuanRows = econRows.map((e, i) => (e.code.length === 5 ? i : -1)).filter((i) => i >= 0);
  econRows.forEach((e, i) => {
    let pers = e.personnel;
    let pub = e.public;
    if (x.binj?.economic && kuanRows[x.binj.economic.row % kuanRows.length] === i) {
      const d = x.binj.economic.delta;
      const side = pub > 0 ? 'public' : 'personnel';
      const before = side === 'public' ? pub : pers;
      const after = Math.max(0, before - d) === before - d && before - d >= 0 ? before - d : before + d;
      if (side === 'public') pub = after;
      else pers = after;
      injections.push({ kind: 'economic_row', rule: 'arith.economic_row', subject: e.code, stated: after / 100, expected: before / 100, detail: `表六 ${e.code} ${e.name}: 小计 ${f(e.amount)} but ${side === 'public' ? '公用经费' : '人员经费'} printed ${f(after)} (should be ${f(before)})` });
    }
    const parts = e.code.length === 3 ? [e.code, ''] : [e.code.slice(0, 3), e.code.slice(3)];
    T(...parts, e.name, f(e.amount), f(pers), f(pub));
    econTruth.push({ code: e.code, name: e.name, amount: e.amount / 100, personnel: pers / 100, public: pub / 100 });
  });
  T('', '', '合计', f(plan.basic), w.n(plan.personnel, 'gpb.personnel', 'budget'), w.n(plan.public, 'gpb.public', 'budget'));
  blank();

  // 表七: projects (not a standard table for the extractor; printed as the seed does)
  w.line('表七:');
  blank();
  w.line('项目支出情况表');
  blank();
  w.line(`编制部门: ${name}`);
  blank();
  w.line('单位: 万元');
  blank();
  T('科目编码', '', '', '科目', '项目名称', '项目支出合计', '工资福利支出', '商品和服务支出', '对个人和家庭的补助', '债务利息及费用支出', '资本性支出(基本建设)', '资本性支出', '对企业补助(基本建设)', '对企业补助', '对社会保障基金补助', '其他支出');
  T('类', '款', '项', '', '', '', '', '', '', '', '', '', '', '', '', '');
  const projLines = lines.filter((l) => l.project > 0);
  const projAlloc = plan.projects.map((pp, i) => ({ pp, line: projLines[i % Math.max(1, projLines.length)] }));
  for (const a of projAlloc) T(...(a.line ? code3(a.line) : ['', '', '']), a.line?.def.name ?? '', a.pp.name, f(a.pp.budget), '0.00', f(a.pp.budget), ...zeros(8));
  T('', '', '', '', '合计', f(plan.project), '0.00', f(plan.project), ...zeros(8));
  blank();

  // 表八: 三公
  w.line('表八:');
  blank();
  w.line('一般公共预算“三公”经费支出情况表');
  blank();
  w.line(`编制单位: ${name}`);
  blank();
  w.line('单位: 万元');
  blank();
  T('合计', '因公出国(境)费', '公务用车购置及运行费', '', '', '公务接待费');
  T('', '', '小计', '公务用车购置费', '公务用车运行费', '');
  T(w.n(sgTot, 'sangong.total', 'budget'), w.n(sg.abroad, 'sangong.abroad', 'budget'), w.n(sgVehicle(sg), 'sangong.vehicle', 'budget'), w.n(sg.purchase, 'sangong.vehicle_purchase', 'budget'), w.n(sg.operation, 'sangong.vehicle_operation', 'budget'), w.n(sg.reception, 'sangong.reception', 'budget'));
  blank();

  // ---- 第三部分: explanations ----
  const pp = p.plan;
  const ptotal = pp.basic + pp.project;
  const why = (cur: number, prev: number) => (cur >= prev ? '主要原因是本年工作任务增加' : '主要原因是部分工作调整，预算相应减少');
  const yuan = (c: number) => {
    const y = c * 100 + rng.int(-4999, 4999) / 100;
    return (Math.max(0, y)).toFixed(2);
  };
  w.line(`### 第三部分 ${Y} 年部门预算情况说明`);
  blank();
  w.line(`#### 一、${about('收支预算情况的总体说明')}`);
  blank();
  w.line(`按照全口径预算的原则，${name}部门 ${Y} 年所有收入和支出均纳入部门预算管理。收支总预算${w.wan(total, 'income.total', 'budget')}。`);
  w.fact('expense.total', 'budget', valueOf(f(total)));
  blank();
  w.line('收入预算包括：一般公共预算。');
  blank();
  w.line(`支出预算包括：${leis.map((l) => l.name).join('、')}。`);
  blank();
  w.line(`#### 二、${about('收入预算情况说明')}`);
  blank();
  w.line(`${name}部门收入预算 ${yuan(total)} 元，其中：`);
  blank();
  w.line(`一般公共预算${w.wan(total, 'income.fiscal', 'budget')}，占 100%，比上年${w.change(total, ptotal, 'income.fiscal', false)}，${why(total, ptotal)}。`);
  blank();
  w.line('政府性基金预算未安排。');
  blank();
  w.line(`#### 三、关于${name}部门单位 ${Y} 年支出预算情况说明`);
  blank();
  w.line(`${name}部门单位 ${Y} 年支出预算 ${yuan(total)} 元，其中：`);
  blank();
  w.line(`基本支出${w.wan(plan.basic, 'expense.basic', 'budget')}，占${w.share(plan.basic, total)}，比上年${w.change(plan.basic, pp.basic, 'expense.basic', false)}，${why(plan.basic, pp.basic)}。`);
  blank();
  w.line(`项目支出${w.wan(plan.project, 'expense.project', 'budget')}，占${w.share(plan.project, total)}，比上年${w.change(plan.project, pp.project, 'expense.project', false)}，${why(plan.project, pp.project)}。`);
  blank();
  w.line(`#### **四、${about('财政拨款收支预算情况的总体说明').replace('部门 ', ' ')}**`);
  blank();
  w.line(`${Y} 年财政拨款收支总预算${w.wan(total)}。`);
  blank();
  w.line('收入全部为一般公共预算拨款，无政府性基金预算拨款。');
  blank();
  leis.forEach((l, i) => {
    w.line(`${i === 0 ? '支出预算包括：' : ''}${l.name}${w.wan(l.amount)}，主要用于${l.kuans.flatMap((k) => k.lines.map((z) => z.def.name)).join('和')}。`);
    blank();
  });
  w.line(`#### **五、${about('一般公共预算当年拨款情况说明').replace('部门 ', ' ')}**`);
  blank();
  w.line('##### **（一）一般公共预算当年拨款规模变化情况**');
  blank();
  const pgb = p.final.gpbBasic;
  w.line(`${name}部门 ${Y} 年一般公共预算拨款基本支出${w.wan(plan.basic, 'gpb.basic', 'budget')}，比上年执行数${w.change(plan.basic, pgb, 'gpb.basic', true, '，').replace(/%$/, ' %')}。主要原因是：人员及工资标准变动。`);
  blank();
  w.line('## **(二) 一般公共预算当年拨款结构情况**');
  blank();
  leis.forEach((l, i) => w.line(`${i + 1}. ${l.name}（类）${w.wan(l.amount)}，占${w.share(l.amount, total)}。`));
  blank();
  w.line('## **(三) 一般公共预算当年拨款具体使用情况**');
  blank();
  let k = 1;
  for (const lei of leis) {
    for (const kuan of lei.kuans) {
      for (const l of kuan.lines) {
        const before = p.final.lines.find((z) => z.def.code === l.def.code)?.amount ?? 0;
        const d = l.amount - before;
        const h = before === 0 ? 0 : Math.abs(pctH(d, before));
        w.line(`${k++}. ${lei.name}（类）${kuan.name}（款）${l.def.name}（项）${Y} 年预算数为 ${f(l.amount)} 万元，比上年执行数${d >= 0 ? '增加' : '减少'} ${f(Math.abs(d))} 万元，${d >= 0 ? '增长' : '减少'} ${f(h)}%，${why(l.amount, before)}。`);
        blank();
      }
    }
  }
  w.line(`## **六、${about('一般公共预算基本支出情况说明')}**`);
  blank();
  w.line(`${name}部门 ${Y} 年一般公共预算基本支出${w.wan(plan.basic)}，其中：`);
  blank();
  w.line(`人员经费${w.wan(plan.personnel)}，主要包括：基本工资、津贴补贴、奖金、机关事业单位基本养老保险缴费、其他社会保障缴费、住房公积金、生活补助。`);
  blank();
  w.line(`公用经费${w.wan(plan.public)}，主要包括：办公费、水费、邮电费、差旅费、维修（护）费、培训费、劳务费、工会经费、福利费、其他商品和服务支出。`);
  blank();
  w.line(`## 七、${about('项目支出情况说明').replace('部门 ', ' ')}`);
  blank();
  for (const a of projAlloc) {
    w.line(`项目名称：${a.pp.name}`);
    blank();
    w.line('设立的政策依据：');
    blank();
    w.line(`1. 按照年度工作计划安排，保障${a.pp.name}顺利实施。`);
    blank();
    w.line(`预算安排规模：${f(a.pp.budget)} 万元`);
    blank();
    w.line(`项目承担单位：${name}`);
    blank();
    w.line(`资金执行时间：${Y} 年 1 月 1 日-${Y} 年 12 月 31 日`);
    blank();
  }
  w.line(`**八、${about('一般公共预算“三公”经费预算情况说明').replace('部门 ', ' ')}**`);
  blank();
  const ps2 = pp.sangong;
  const sgChange = (cur: number, prev: number, key: string) => w.change(cur, prev, key, false);
  const purchase = sg.purchase === 0 && ps2.purchase === 0 ? '公务用车购置费为 0，未安排预算' : `公务用车购置费${sgChange(sg.purchase, ps2.purchase, 'sangong.vehicle_purchase')}，主要原因是车辆更新`;
  w.line(`${name}部门 ${Y} 年“三公”经费财政拨款预算数为${w.wan(sgTot)}，其中：因公出国（境）费${w.wan(sg.abroad)}，公务用车购置${w.wan(sg.purchase)}，公务用车运行费${w.wan(sg.operation)}，公务接待费${w.wan(sg.reception)}。`);
  blank();
  w.line(`${Y} 年“三公”经费财政拨款预算比上年${sgChange(sgTot, sgTotal(ps2), 'sangong.total')}，其中：因公出国（境）费${sgChange(sg.abroad, ps2.abroad, 'sangong.abroad')}，主要原因是按工作需要安排；${purchase}；公务用车运行费${sgChange(sg.operation, ps2.operation, 'sangong.vehicle_operation')}，主要原因是根据上年情况调整；公务接待费${sgChange(sg.reception, ps2.reception, 'sangong.reception')}，主要原因是按工作需要安排。`);
  blank();
  w.line(`**九、${about('政府性基金预算拨款情况说明').replace('部门 ', ' ')}**`);
  blank();
  w.line(`${name}部门  `);
  w.line(`${Y} 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。`);
  blank();
  w.line('## 十、其他重要事项的情况说明');
  blank();
  w.line('### （一）机关运行经费情况');
  blank();
  w.line(`${Y} 年，${name}本级及下属 0 家行政单位、0 家参公管理事业单位和 0 家事业单位的机关运行经费财政拨款预算${w.wan(plan.admin, 'admin.running_cost', 'budget')}，比上年预算${w.change(plan.admin, pp.admin, 'admin.running_cost')}。${why(plan.admin, pp.admin)}。`);
  blank();
  w.line('### （二）政府采购情况');
  blank();
  const pr = plan.proc;
  w.line(`${Y} 年，${name}部门及下属单位政府采购预算${w.wan(pr.goods + pr.works + pr.services, 'procurement.total', 'budget')}，其中：政府采购货物预算${w.wan(pr.goods, 'procurement.goods', 'budget')}，政府采购工程预算${w.wan(pr.works, 'procurement.works', 'budget')}，政府采购服务预算${w.wan(pr.services, 'procurement.services', 'budget')}。`);
  blank();
  w.line(`${Y} 年度本部门面向中小企业预留政府采购项目预算金额${w.wan(pr.sme, 'procurement.sme', 'budget')}，其中：面向小微企业预留政府采购项目预算金额${w.wan(pr.small, 'procurement.small_micro', 'budget')}。`);
  blank();
  w.line('### （三）国有资产占用使用情况');
  blank();
  const a = p.assets;
  w.line(`截至 ${Y - 1} 年底，${name}部门及下属各预算单位占用使用国有资产总体情况为`);
  blank();
  w.line(`1. 房屋 ${hundredths(a.area, 'trim')} 平方米，价值${w.wan(a.areaValue, 'assets.building_value')}。`);
  w.fact('assets.building_area', 'actual', a.area / 100);
  blank();
  const per = a.vehicles ? Math.round(a.vehiclesValue / a.vehicles) : 0;
  const gv = a.general === a.vehicles ? a.vehiclesValue : per * a.general;
  w.line(`2. 车辆${w.count(a.vehicles, '辆', 'assets.vehicles')}，价值${w.wan(a.vehiclesValue, 'assets.vehicles_value')}；其中：一般公务用车 ${a.general} 辆，价值 ${f(gv)} 万元；执法执勤用车 ${a.enforcement} 辆，价值 ${f(a.vehiclesValue - gv)} 万元；其他车辆 0 辆，价值 0 万元。`);
  blank();
  w.line(`3. 办公家具价值${w.wan(a.furniture, 'assets.furniture_value')}。`);
  blank();
  w.line(`4. 其他资产价值${w.wan(a.other, 'assets.other_value')}。`);
  blank();
  w.line(`单位价值 50 万元以上大型设备${w.count(a.equip50, '台（套）', 'assets.equip_general_50w')}，单位价值 100 万元以上大型设备${w.count(a.equip100, '台（套）', 'assets.equip_special_100w')}。`);
  blank();
  w.line(`${Y} 年部门预算未安排购置车辆经费（或安排购置车辆经费 万元），安排购置 50 万元以上大型设备 0 台（套），单位价值 100 万元以上大型设备 0 台（套）。`);
  blank();
  w.line('#### **（四）预算绩效情况**');
  blank();
  w.line(`${Y} 年度，本年度实行绩效管理的项目${w.count(plan.projects.length, '个', 'perf.projects', 'budget')}，涉及预算金额${w.wan(plan.project, 'perf.funds', 'budget')}。具体情况见下表（按项目分别填报）：`);
  blank();
  const projects: TruthRecord['projects'] = [];
  for (const pj of plan.projects) targetTable(w, name, pj, projects);
  w.line('## （五）其他需说明的事项');
  blank();
  w.line('无');
  blank();
  w.line('## 第四部分 名词解释');
  blank();
  w.line('### 名词解释：');
  blank();
  for (const g of GLOSSARY_BUDGET) {
    w.line(g);
    blank();
  }
  w.line(name);
  blank();
  w.line(`${Y}年2月${rng.int(1, 28)}日`);

  const truth: TruthRecord = {
    spec: 1,
    source: x.file,
    unit_name: name,
    region: u.region,
    fiscal_year: Y,
    kind: 'budget',
    facts: w.facts,
    function_lines: truthLines,
    economic_lines: econTruth,
    projects,
    summary_projects: [],
    warnings: [],
  };
  return { text: w.text(), truth, injections };
}
