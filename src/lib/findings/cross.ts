// One figure stated twice with different values: a summary row against its project's own
// table, a number in one section against the same number in another.
import type { ExtractionRecord } from '../extract/types.ts';
import { normName } from '../extract/text.ts';
import { BASIS_ZH, LABEL } from './facts.ts';
import { severityOf } from './arithmetic.ts';
import { fmt, r2 } from './tolerance.ts';
import type { Finding } from './types.ts';

const FIELDS = [
  ['score', '自评得分', '分'],
  ['budget_initial', '年初预算数', '万元'],
  ['budget_full_year', '全年预算数', '万元'],
  ['executed', '全年执行数', '万元'],
  ['exec_rate', '执行率', '%'],
] as const;

/** A 绩效评价汇总表 row against the 绩效自评表 of the same project. */
function summaryVsDetail(record: ExtractionRecord): Finding[] {
  const out: Finding[] = [];
  for (const s of record.summary_projects) {
    const matches = record.projects.filter((p) => normName(p.name) === normName(s.name));
    if (matches.length !== 1) continue;
    const p = matches[0];
    for (const [field, zh, unit] of FIELDS) {
      const a = s[field];
      const b = p[field];
      if (a === undefined || b === undefined) continue;
      // The summary rounds: money to 0.01, rates to whole or hundredth percents.
      const slack = unit === '%' ? 1 : unit === '万元' ? 0.0051 : 0.0051;
      if (Math.abs(a - b) <= slack) continue;
      out.push({
        rule: 'cross.summary_vs_project', family: 'cross', severity: field === 'score' ? 'high' : severityOf(a - b, b), subject: s.name,
        zh: `项目“${s.name}”的${zh}：汇总表为 ${fmt(a)}，自评表为 ${fmt(b)}`,
        en: `Project "${s.name}" ${field}: ${fmt(a)} in the summary table, ${fmt(b)} in its own self-evaluation table`,
        figures: [
          { label: `绩效评价汇总表 ${zh}`, value: a, unit, source: s.source },
          { label: `项目支出绩效自评表 ${zh}`, value: b, unit, source: p.source },
        ],
        expected: b, stated: a, difference: r2(a - b),
      });
    }
  }
  return out;
}

/** Figures the extractor found stated twice with different values. */
function restated(record: ExtractionRecord): Finding[] {
  // perf.* figures are often stated for different project sets (目标 / 自评) in one paragraph.
  return (record.conflicts ?? []).filter((c) => !c.key.startsWith('perf.')).map((c) => {
    const label = `${LABEL[c.key] ?? c.key}（${BASIS_ZH[c.basis]}）`;
    const where = c.origin === 'table-vs-text' ? ['报表', '说明'] : ['首次', '再次'];
    return {
      rule: 'cross.restated', family: 'cross' as const, severity: severityOf(c.other.value - c.recorded.value, c.recorded.value), subject: `${c.key}@${c.basis}`,
      zh: `${label}两处数值不同：${where[0]} ${fmt(c.recorded.value)}（第 ${c.recorded.source?.line ?? '?'} 行），${where[1]} ${fmt(c.other.value)}（第 ${c.other.source?.line ?? '?'} 行）`,
      en: `${c.key} (${c.basis}) is stated as ${fmt(c.recorded.value)} (line ${c.recorded.source?.line ?? '?'}) and as ${fmt(c.other.value)} (line ${c.other.source?.line ?? '?'})`,
      figures: [
        { label, value: c.recorded.value, unit: c.basis === 'prior_pct' ? ('%' as const) : ('万元' as const), source: c.recorded.source },
        { label, value: c.other.value, unit: c.basis === 'prior_pct' ? ('%' as const) : ('万元' as const), source: c.other.source },
      ],
      stated: c.other.value, expected: c.recorded.value, difference: r2(c.other.value - c.recorded.value),
    };
  });
}

export function cross(record: ExtractionRecord): Finding[] {
  return [...summaryVsDetail(record), ...restated(record)];
}
