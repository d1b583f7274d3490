// Procurement shares to SMEs: parts above the whole, and a 100 % SME share that gives
// small and micro firms nothing (worth a look: the two shares are usually reported together).
import type { ExtractionRecord } from '../extract/types.ts';
import { BASIS_ZH, LABEL, indexFacts } from './facts.ts';
import { fmt, r2 } from './tolerance.ts';
import type { Finding } from './types.ts';

export function procurement(record: ExtractionRecord): Finding[] {
  const ix = indexFacts(record);
  const basis = ix.main;
  const total = ix.get('procurement.total', basis);
  const sme = ix.get('procurement.sme', basis);
  const small = ix.get('procurement.small_micro', basis);
  const out: Finding[] = [];
  const fig = (f: NonNullable<typeof total>) => ({ label: `${LABEL[f.key]}（${BASIS_ZH[f.basis]}）`, value: f.value, unit: '万元' as const, source: f.source });
  if (total && sme && sme.value > total.value + 0.005) {
    out.push({
      rule: 'procurement.sme_over_total', family: 'procurement', severity: 'high', subject: 'procurement.sme',
      zh: `授予中小企业合同金额 ${fmt(sme.value)} 万元，超过政府采购支出总额 ${fmt(total.value)} 万元`,
      en: `Contracts to SMEs (${fmt(sme.value)}) exceed total procurement (${fmt(total.value)})`,
      figures: [fig(total), fig(sme)], expected: total.value, stated: sme.value, difference: r2(sme.value - total.value),
    });
  }
  if (sme && small && small.value > sme.value + 0.005) {
    out.push({
      rule: 'procurement.small_over_sme', family: 'procurement', severity: 'high', subject: 'procurement.small_micro',
      zh: `授予小微企业合同金额 ${fmt(small.value)} 万元，超过授予中小企业合同金额 ${fmt(sme.value)} 万元`,
      en: `Contracts to small and micro firms (${fmt(small.value)}) exceed those to SMEs (${fmt(sme.value)})`,
      figures: [fig(sme), fig(small)], expected: sme.value, stated: small.value, difference: r2(small.value - sme.value),
    });
  }
  if (total && sme && small && total.value > 0 && Math.abs(sme.value - total.value) <= 0.005 && small.value === 0) {
    out.push({
      rule: 'procurement.sme_all_small_none', family: 'procurement', severity: 'low', subject: 'procurement.small_micro',
      zh: `政府采购 ${fmt(total.value)} 万元全部授予中小企业，而授予小微企业为 0`,
      en: `All ${fmt(total.value)} 万元 of procurement went to SMEs, none to small and micro firms`,
      figures: [fig(total), fig(sme), fig(small)],
    });
  }
  return out;
}
