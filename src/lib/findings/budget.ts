// Final accounts against their budgets: large execution gaps, 三公 above budget.
import type { Basis, ExtractionRecord } from '../extract/types.ts';
import { BASIS_ZH, LABEL, indexFacts } from './facts.ts';
import { fmt, r2 } from './tolerance.ts';
import type { Finding } from './types.ts';

const GAP_KEYS = ['fiscal.income', 'fiscal.expense', 'fiscal.income_total', 'fiscal.expense_total', 'gpb.expense', 'sangong.total', 'admin.running_cost'];
const SANGONG = ['sangong.total', 'sangong.abroad', 'sangong.vehicle', 'sangong.vehicle_purchase', 'sangong.vehicle_operation', 'sangong.reception'];

export function budgetVsFinal(record: ExtractionRecord): Finding[] {
  if (record.kind !== 'final') return [];
  const ix = indexFacts(record);
  const out: Finding[] = [];
  for (const key of new Set([...GAP_KEYS, ...SANGONG])) {
    const actual = ix.get(key, 'actual');
    if (!actual) continue;
    for (const basis of ['budget_initial', 'budget_full_year'] as Basis[]) {
      const budget = ix.get(key, basis);
      if (!budget || budget.value <= 0) continue;
      const gap = ((actual.value - budget.value) / budget.value) * 100;
      const figures = [
        { label: `${LABEL[key]}（${BASIS_ZH[basis]}）`, value: budget.value, unit: '万元' as const, source: budget.source },
        { label: `${LABEL[key]}（决算数）`, value: actual.value, unit: '万元' as const, source: actual.source },
      ];
      if (GAP_KEYS.includes(key) && Math.abs(gap) > 30) {
        out.push({
          rule: Math.abs(gap) > 100 ? 'budget.gap_over_100' : 'budget.gap_over_30', family: 'budget', severity: Math.abs(gap) > 100 ? 'high' : 'medium', subject: `${key}@${basis}`,
          zh: `${LABEL[key]}${BASIS_ZH[basis]} ${fmt(budget.value)} 万元，决算数 ${fmt(actual.value)} 万元，预决算差异率 ${fmt(r2(gap))}%`,
          en: `${key}: budget ${fmt(budget.value)}, final ${fmt(actual.value)} 万元, a gap of ${fmt(r2(gap))} %`,
          figures, expected: budget.value, stated: actual.value, difference: r2(actual.value - budget.value),
        });
      }
      if (SANGONG.includes(key) && actual.value > budget.value + 0.005) {
        out.push({
          rule: 'budget.sangong_over', family: 'budget', severity: 'high', subject: `${key}@${basis}`,
          zh: `${LABEL[key]}决算 ${fmt(actual.value)} 万元，超过${BASIS_ZH[basis]} ${fmt(budget.value)} 万元（超 ${fmt(r2(actual.value - budget.value))} 万元）`,
          en: `${key}: spent ${fmt(actual.value)} 万元 against a budget of ${fmt(budget.value)}`,
          figures, expected: budget.value, stated: actual.value, difference: r2(actual.value - budget.value),
        });
      }
    }
  }
  return out;
}
