// Identities inside one document: parts add up to their total, a row's columns to its
// total, stated change rates to their amounts.
import type { Basis, ExtractionRecord, Fact } from '../extract/types.ts';
import { BASIS_ZH, LABEL, indexFacts } from './facts.ts';
import { fmt, r2, roundingSlack, sum } from './tolerance.ts';
import type { Figure, Finding, Severity } from './types.ts';

const fig = (f: Fact, unit: Figure['unit'] = '万元'): Figure => ({ label: `${LABEL[f.key] ?? f.key}（${BASIS_ZH[f.basis]}）`, value: f.value, unit, source: f.source });

/** Severity by how far from rounding a difference is. */
export function severityOf(diff: number, total: number): Severity {
  const d = Math.abs(diff);
  if (d <= 0.05) return 'low';
  if (total !== 0 && d / Math.abs(total) <= 0.01) return 'medium';
  return 'high';
}

const PART_RULES: { rule: string; total: string; parts: string[]; complete: boolean; zh: string; en: string }[] = [
  { rule: 'arith.income_parts', total: 'income.total', parts: ['income.fiscal', 'income.superior', 'income.business', 'income.operating', 'income.affiliated', 'income.other'], complete: false, zh: '收入各项之和与本年收入合计不符', en: 'Income parts do not add up to total income' },
  { rule: 'arith.expense_parts', total: 'expense.total', parts: ['expense.basic', 'expense.project', 'expense.to_superior', 'expense.operating', 'expense.to_affiliated'], complete: false, zh: '支出各项之和与本年支出合计不符', en: 'Spending parts do not add up to total spending' },
  { rule: 'arith.sangong_parts', total: 'sangong.total', parts: ['sangong.abroad', 'sangong.vehicle', 'sangong.reception'], complete: true, zh: '“三公”经费各项之和与合计不符', en: 'The three 三公 components do not add up to the 三公 total' },
  { rule: 'arith.vehicle_parts', total: 'sangong.vehicle', parts: ['sangong.vehicle_purchase', 'sangong.vehicle_operation'], complete: true, zh: '公务用车购置费与运行维护费之和与公务用车购置及运行维护费不符', en: 'Vehicle purchase and operation do not add up to the vehicle total' },
  { rule: 'arith.basic_parts', total: 'gpb.basic', parts: ['gpb.personnel', 'gpb.public'], complete: true, zh: '人员经费与公用经费之和与基本支出不符', en: 'Personnel and public funds do not add up to basic spending' },
  { rule: 'arith.procurement_parts', total: 'procurement.total', parts: ['procurement.goods', 'procurement.works', 'procurement.services'], complete: true, zh: '货物、工程、服务采购之和与政府采购支出总额不符', en: 'Goods, works and services do not add up to total procurement' },
];

function partRules(record: ExtractionRecord): Finding[] {
  const ix = indexFacts(record);
  const out: Finding[] = [];
  const bases: Basis[] = ['actual', 'budget', 'budget_initial', 'budget_full_year'];
  for (const r of PART_RULES) {
    for (const basis of bases) {
      const total = ix.get(r.total, basis);
      if (!total) continue;
      const parts = r.parts.map((k) => ix.get(k, basis)).filter((f): f is Fact => !!f);
      const all = parts.length === r.parts.length;
      // A decomposition is checked when every part is stated; a list of parts some documents
      // leave out (income, spending) is also checked when the stated ones already exceed the total.
      if (r.complete ? !all : parts.length < 2) continue;
      const s = sum(parts.map((p) => p.value));
      const diff = s - total.value;
      const slack = roundingSlack(parts.map((p) => p.value));
      if (all ? Math.abs(diff) <= slack : diff <= slack) continue;
      out.push({
        rule: r.rule, family: 'arithmetic', severity: severityOf(diff, total.value), subject: `${r.total}@${basis}`,
        zh: `${r.zh}：${parts.map((p) => `${LABEL[p.key]} ${fmt(p.value)}`).join(' + ')} = ${fmt(s)}，而${LABEL[r.total]}为 ${fmt(total.value)}（差 ${fmt(r2(diff))} 万元）`,
        en: `${r.en}: ${parts.map((p) => fmt(p.value)).join(' + ')} = ${fmt(s)} against ${fmt(total.value)} (difference ${fmt(r2(diff))} 万元)`,
        figures: [fig(total), ...parts.map((p) => fig(p))], expected: s, stated: total.value, difference: r2(diff),
      });
    }
  }
  return out;
}

/** Function lines of the 一般公共预算 add up to the stated 一般公共预算财政拨款支出. */
function functionTotal(record: ExtractionRecord): Finding[] {
  const ix = indexFacts(record);
  const total = ix.get('gpb.expense', ix.main);
  const lines = record.function_lines.filter((l) => (l.fund ?? 'gpb') === 'gpb' && l.amount !== undefined);
  if (!total || lines.length < 2) return [];
  const s = sum(lines.map((l) => l.amount!));
  const diff = s - total.value;
  if (Math.abs(diff) <= roundingSlack(lines.map((l) => l.amount!))) return [];
  return [{
    rule: 'arith.function_lines_total', family: 'arithmetic', severity: severityOf(diff, total.value), subject: 'gpb.expense',
    zh: `功能分类各项级科目之和 ${fmt(s)} 万元与一般公共预算财政拨款支出 ${fmt(total.value)} 万元不符（差 ${fmt(r2(diff))} 万元，${lines.length} 个项级科目）`,
    en: `The ${lines.length} function lines add up to ${fmt(s)} 万元 against the stated general-budget spending of ${fmt(total.value)} 万元 (difference ${fmt(r2(diff))})`,
    figures: [fig(total), ...lines.map((l) => ({ label: `${l.code ?? ''} ${l.name}`.trim(), value: l.amount!, unit: '万元' as const, source: l.source }))],
    expected: s, stated: total.value, difference: r2(diff),
  }];
}

/** A row's columns: 合计 = 人员经费 + 公用经费 (economic), 合计 = 基本支出 + 项目支出 (function). */
function rowColumns(record: ExtractionRecord): Finding[] {
  const out: Finding[] = [];
  for (const l of record.economic_lines) {
    if (l.amount === undefined || l.personnel === undefined || l.public === undefined) continue;
    const s = sum([l.personnel, l.public]);
    const diff = s - l.amount;
    if (Math.abs(diff) <= roundingSlack([l.personnel, l.public])) continue;
    out.push({
      rule: 'arith.economic_row', family: 'arithmetic', severity: severityOf(diff, l.amount), subject: l.code,
      zh: `经济分类 ${l.code} ${l.name}：小计 ${fmt(l.amount)}，而人员经费 ${fmt(l.personnel)} + 公用经费 ${fmt(l.public)} = ${fmt(s)}`,
      en: `Economic line ${l.code} ${l.name}: total ${fmt(l.amount)} but personnel ${fmt(l.personnel)} + public ${fmt(l.public)} = ${fmt(s)}`,
      figures: [
        { label: `${l.code} ${l.name} 小计`, value: l.amount, unit: '万元', source: l.source },
        { label: '人员经费', value: l.personnel, unit: '万元', source: l.source },
        { label: '公用经费', value: l.public, unit: '万元', source: l.source },
      ],
      expected: s, stated: l.amount, difference: r2(diff),
    });
  }
  for (const l of record.function_lines) {
    if (l.amount === undefined || l.basic === undefined || l.project === undefined) continue;
    const s = sum([l.basic, l.project]);
    const diff = s - l.amount;
    if (Math.abs(diff) <= roundingSlack([l.basic, l.project])) continue;
    out.push({
      rule: 'arith.function_row', family: 'arithmetic', severity: severityOf(diff, l.amount), subject: l.code ?? l.name,
      zh: `功能分类 ${l.code ?? ''} ${l.name}：合计 ${fmt(l.amount)}，而基本支出 ${fmt(l.basic)} + 项目支出 ${fmt(l.project)} = ${fmt(s)}`,
      en: `Function line ${l.code ?? ''} ${l.name}: total ${fmt(l.amount)} but basic ${fmt(l.basic)} + project ${fmt(l.project)} = ${fmt(s)}`,
      figures: [
        { label: `${l.code ?? ''} ${l.name} 合计`.trim(), value: l.amount, unit: '万元', source: l.source },
        { label: '基本支出', value: l.basic, unit: '万元', source: l.source },
        { label: '项目支出', value: l.project, unit: '万元', source: l.source },
      ],
      expected: s, stated: l.amount, difference: r2(diff),
    });
  }
  return out;
}

/** Economic 款 rows add up to their 类 row. */
function economicClasses(record: ExtractionRecord): Finding[] {
  const out: Finding[] = [];
  const byCode = new Map(record.economic_lines.map((l) => [l.code, l]));
  for (const cls of record.economic_lines.filter((l) => l.code.length === 3 && l.amount !== undefined)) {
    const kids = record.economic_lines.filter((l) => l.code.length === 5 && l.code.startsWith(cls.code) && l.amount !== undefined);
    if (kids.length < 1 || !byCode.has(cls.code)) continue;
    const s = sum(kids.map((k) => k.amount!));
    const diff = s - cls.amount!;
    if (Math.abs(diff) <= roundingSlack(kids.map((k) => k.amount!))) continue;
    out.push({
      rule: 'arith.economic_class', family: 'arithmetic', severity: severityOf(diff, cls.amount!), subject: cls.code,
      zh: `经济分类 ${cls.code} ${cls.name}：各款之和 ${fmt(s)} 与类合计 ${fmt(cls.amount!)} 不符（差 ${fmt(r2(diff))} 万元）`,
      en: `Economic class ${cls.code} ${cls.name}: its 款 rows add up to ${fmt(s)} against the class total ${fmt(cls.amount!)} (difference ${fmt(r2(diff))})`,
      figures: [{ label: `${cls.code} ${cls.name}`, value: cls.amount!, unit: '万元', source: cls.source }, ...kids.map((k) => ({ label: `${k.code} ${k.name}`, value: k.amount!, unit: '万元' as const, source: k.source }))],
      expected: s, stated: cls.amount!, difference: r2(diff),
    });
  }
  return out;
}

/**
 * A stated growth rate against its stated change: rate = change ÷ (value − change). Documents
 * compute rates from unrounded amounts, so the tolerance follows the rounding of both amounts.
 */
function changeRates(record: ExtractionRecord): Finding[] {
  const ix = indexFacts(record);
  const out: Finding[] = [];
  for (const pct of record.facts.filter((f) => f.basis === 'prior_pct')) {
    const change = ix.get(pct.key, 'prior_change');
    const value = ix.get(pct.key, ix.main);
    if (!change || !value) continue;
    const prior = value.value - change.value;
    if (prior <= 0 || change.value === 0) continue;
    const computed = (change.value / prior) * 100;
    // Both amounts are rounded to 0.01 and the rate itself to 0.01 %.
    const slack = Math.abs(computed) * (0.005 / Math.abs(change.value) + 0.005 / prior) + 0.0051;
    const diff = pct.value - computed;
    if (Math.abs(diff) <= slack) continue;
    out.push({
      rule: 'arith.change_rate', family: 'arithmetic', severity: Math.abs(diff) > 5 ? 'medium' : 'low', subject: pct.key,
      zh: `${LABEL[pct.key] ?? pct.key}：比上年增减 ${fmt(change.value)} 万元、本年 ${fmt(value.value)} 万元，增减率应为 ${fmt(r2(computed))}%，文中为 ${fmt(pct.value)}%`,
      en: `${pct.key}: a change of ${fmt(change.value)} on ${fmt(value.value)} is ${fmt(r2(computed))} %, the text states ${fmt(pct.value)} %`,
      figures: [fig(value), fig(change), fig(pct, '%')], expected: r2(computed), stated: pct.value, difference: r2(diff),
    });
  }
  return out;
}

export function arithmetic(record: ExtractionRecord): Finding[] {
  return [...partRules(record), ...functionTotal(record), ...rowColumns(record), ...economicClasses(record), ...changeRates(record)];
}
