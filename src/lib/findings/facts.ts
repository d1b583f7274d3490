// Fact lookup over one record: the checks ask for "key at basis" many times.
import type { Basis, ExtractionRecord, Fact } from '../extract/types.ts';

export interface FactIndex {
  get(key: string, basis: Basis): Fact | undefined;
  /** The document's own basis for its figures: actual in a final account, budget in a budget. */
  main: Basis;
}

export function indexFacts(record: ExtractionRecord): FactIndex {
  // By key, then basis: no key string built for each fact and each of the checks' lookups.
  const m = new Map<string, Map<string, Fact>>();
  for (const f of record.facts) {
    let byBasis = m.get(f.key);
    if (!byBasis) m.set(f.key, (byBasis = new Map()));
    byBasis.set(f.basis, f);
  }
  return { get: (key, basis) => m.get(key)?.get(basis), main: record.kind === 'budget' ? 'budget' : 'actual' };
}

/** Chinese labels of the keys the checks talk about. */
export const LABEL: Record<string, string> = {
  'income.total': '本年收入合计',
  'income.fiscal': '财政拨款收入',
  'income.superior': '上级补助收入',
  'income.business': '事业收入',
  'income.operating': '经营收入',
  'income.affiliated': '附属单位上缴收入',
  'income.other': '其他收入',
  'expense.total': '本年支出合计',
  'expense.basic': '基本支出',
  'expense.project': '项目支出',
  'expense.to_superior': '上缴上级支出',
  'expense.operating': '经营支出',
  'expense.to_affiliated': '对附属单位补助支出',
  'fiscal.income': '财政拨款收入',
  'fiscal.expense': '财政拨款支出',
  'fiscal.income_total': '财政拨款收入总计',
  'fiscal.expense_total': '财政拨款支出总计',
  'govfund.income': '政府性基金预算财政拨款收入',
  'govfund.expense': '政府性基金预算财政拨款支出',
  'income.grand_total': '收入总计',
  'expense.grand_total': '支出总计',
  'income.carryover_begin': '年初结转和结余',
  'expense.carryover_end': '年末结转和结余',
  'gpb.expense': '一般公共预算财政拨款支出',
  'gpb.basic': '一般公共预算财政拨款基本支出',
  'gpb.personnel': '人员经费',
  'gpb.public': '公用经费',
  'sangong.total': '“三公”经费',
  'sangong.abroad': '因公出国（境）费',
  'sangong.vehicle': '公务用车购置及运行维护费',
  'sangong.vehicle_purchase': '公务用车购置费',
  'sangong.vehicle_operation': '公务用车运行维护费',
  'sangong.reception': '公务接待费',
  'admin.running_cost': '机关运行经费',
  'procurement.total': '政府采购支出总额',
  'procurement.goods': '政府采购货物支出',
  'procurement.works': '政府采购工程支出',
  'procurement.services': '政府采购服务支出',
  'procurement.sme': '授予中小企业合同金额',
  'procurement.small_micro': '授予小微企业合同金额',
};

export const BASIS_ZH: Record<Basis, string> = {
  actual: '决算数',
  budget: '预算数',
  budget_initial: '年初预算数',
  budget_full_year: '全年预算数',
  prior_change: '比上年增减',
  prior_pct: '比上年增减率',
};
