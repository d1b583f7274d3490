// Project self-evaluations (项目支出绩效自评表): scores that do not add up, execution rates
// and their points, money rows whose parts exceed the whole, high scores on low execution.
import type { ExtractionRecord, FundRow, Project } from '../extract/types.ts';
import { severityOf } from './arithmetic.ts';
import { fmt, r2, roundingSlack, sum } from './tolerance.ts';
import type { Figure, Finding } from './types.ts';

const projFig = (p: Project, label: string, value: number, unit: Figure['unit']): Figure => ({ label: `${p.name} ${label}`, value, unit, source: p.source });

/** Indicator scores plus the execution points add up to the stated 总分 (when every weight was read). */
function scoreSum(p: Project): Finding[] {
  const inds = p.indicators ?? [];
  if (p.score === undefined || !inds.length || inds.some((i) => i.weight === undefined || i.score === undefined)) return [];
  const weights = sum([...inds.map((i) => i.weight!), p.execution?.weight ?? 0]);
  // Only a table whose weights make 100 was read whole; otherwise rows were lost or merged.
  if (Math.abs(weights - 100) > 0.01) return [];
  // Execution points above their weight are a finding of their own (perf.exec_points); here they count at most their weight.
  const exec = p.execution?.score === undefined ? 0 : Math.min(p.execution.score, p.execution.weight ?? p.execution.score);
  const scores = [...inds.map((i) => i.score!), exec];
  const s = sum(scores);
  const diff = s - p.score;
  if (Math.abs(diff) <= roundingSlack(scores, 2)) return [];
  const worst = inds.filter((i) => i.score! < i.weight!);
  return [{
    rule: 'perf.score_sum', family: 'performance', severity: Math.abs(diff) >= 5 ? 'high' : severityOf(diff, p.score), subject: p.name,
    zh: `项目“${p.name}”：各指标得分与执行率得分之和为 ${fmt(s)}，而总分为 ${fmt(p.score)}${worst.length ? `（未得满分的指标：${worst.map((i) => `${i.level3} ${fmt(i.score!)}/${fmt(i.weight!)}`).join('；')}）` : ''}`,
    en: `Project "${p.name}": indicator scores plus execution points add up to ${fmt(s)}, but the stated total is ${fmt(p.score)}`,
    figures: [projFig(p, '总分', p.score, '分'), ...inds.map((i) => ({ label: `${i.level3} 得分（分值 ${fmt(i.weight!)}）`, value: i.score!, unit: '分' as const, source: i.source }))],
    expected: s, stated: p.score, difference: r2(diff),
  }];
}

/** 执行率 = 全年执行数 ÷ 全年预算数, and its 得分 = 执行率 × 分值 (never above 分值). */
function execution(p: Project): Finding[] {
  const out: Finding[] = [];
  if (p.exec_rate !== undefined && p.executed !== undefined && p.budget_full_year) {
    const rate = (p.executed / p.budget_full_year) * 100;
    const slack = 0.5 + (rate * 0.005) / Math.max(p.executed, 0.01);
    if (Math.abs(rate - p.exec_rate) > slack) {
      out.push({
        rule: 'perf.exec_rate', family: 'performance', severity: Math.abs(rate - p.exec_rate) > 10 ? 'high' : 'medium', subject: p.name,
        zh: `项目“${p.name}”：全年执行数 ${fmt(p.executed)} ÷ 全年预算数 ${fmt(p.budget_full_year)} = ${fmt(r2(rate))}%，表中执行率为 ${fmt(p.exec_rate)}%`,
        en: `Project "${p.name}": executed ${fmt(p.executed)} ÷ full-year budget ${fmt(p.budget_full_year)} = ${fmt(r2(rate))} %, the table states ${fmt(p.exec_rate)} %`,
        figures: [projFig(p, '全年执行数', p.executed, '万元'), projFig(p, '全年预算数', p.budget_full_year, '万元'), projFig(p, '执行率', p.exec_rate, '%')],
        expected: r2(rate), stated: p.exec_rate, difference: r2(p.exec_rate - rate),
      });
    }
  }
  const ex = p.execution;
  if (ex?.weight !== undefined && ex.score !== undefined && p.exec_rate !== undefined) {
    const expected = Math.min(ex.weight, (Math.min(p.exec_rate, 100) / 100) * ex.weight);
    // Tables round the points to one decimal and some round down: a tenth of a point is allowed.
    if (ex.score > ex.weight + 1e-9 || Math.abs(ex.score - expected) > 0.1 + 1e-9) {
      out.push({
        rule: 'perf.exec_points', family: 'performance', severity: ex.score > ex.weight ? 'high' : 'medium', subject: p.name,
        zh: `项目“${p.name}”：执行率 ${fmt(p.exec_rate)}%、分值 ${fmt(ex.weight)}，得分应为 ${fmt(r2(expected))}，表中为 ${fmt(ex.score)}${ex.score > ex.weight ? '（超过分值）' : ''}`,
        en: `Project "${p.name}": execution ${fmt(p.exec_rate)} % of ${fmt(ex.weight)} points should score ${fmt(r2(expected))}, the table gives ${fmt(ex.score)}`,
        figures: [projFig(p, '执行率', p.exec_rate, '%'), projFig(p, '执行率分值', ex.weight, '分'), projFig(p, '执行率得分', ex.score, '分')],
        expected: r2(expected), stated: ex.score, difference: r2(ex.score - expected),
      });
    }
  }
  return out;
}

const FUND_ZH: Record<FundRow['label'], string> = { total: '年度资金总额', current: '其中：当年财政拨款', carryover: '上年结转资金', other: '其他资金' };
const COL_ZH = { budget_initial: '年初预算数', budget_full_year: '全年预算数', executed: '全年执行数' } as const;

/** 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, column by column. */
function funds(p: Project): Finding[] {
  const rows = p.funds ?? [];
  const total = rows.find((r) => r.label === 'total');
  const parts = rows.filter((r) => r.label !== 'total');
  if (!total || !parts.length) return [];
  const out: Finding[] = [];
  for (const col of ['budget_initial', 'budget_full_year', 'executed'] as const) {
    const t = total[col];
    const vals = parts.map((r) => r[col]).filter((v): v is number => v !== undefined);
    if (t === undefined || !vals.length) continue;
    const s = sum(vals);
    const diff = s - t;
    // Parts left blank may be missing: then only parts above the whole are a finding.
    const complete = vals.length === parts.length && parts.length >= 1 && parts.some((r) => r.label === 'current');
    if (complete ? Math.abs(diff) <= roundingSlack(vals) : diff <= roundingSlack(vals)) continue;
    out.push({
      rule: 'perf.fund_rows', family: 'cross', severity: severityOf(diff, t), subject: p.name,
      zh: `项目“${p.name}”${COL_ZH[col]}：${parts.filter((r) => r[col] !== undefined).map((r) => `${FUND_ZH[r.label]} ${fmt(r[col]!)}`).join(' + ')} = ${fmt(s)}，而年度资金总额为 ${fmt(t)}`,
      en: `Project "${p.name}" (${col}): its parts add up to ${fmt(s)} but the annual total is ${fmt(t)}`,
      figures: [{ label: `${FUND_ZH.total} ${COL_ZH[col]}`, value: t, unit: '万元', source: total.source }, ...parts.filter((r) => r[col] !== undefined).map((r) => ({ label: `${FUND_ZH[r.label]} ${COL_ZH[col]}`, value: r[col]!, unit: '万元' as const, source: r.source }))],
      expected: s, stated: t, difference: r2(diff),
    });
  }
  return out;
}

/** A high self-score on low execution, or full marks everywhere while money went unspent. */
function generous(p: Project): Finding[] {
  const out: Finding[] = [];
  if (p.score !== undefined && p.exec_rate !== undefined && p.score >= 90 && p.exec_rate < 60) {
    out.push({
      rule: 'perf.high_score_low_execution', family: 'performance', severity: 'medium', subject: p.name,
      zh: `项目“${p.name}”自评 ${fmt(p.score)} 分，而预算执行率仅 ${fmt(p.exec_rate)}%`,
      en: `Project "${p.name}" scores itself ${fmt(p.score)} with only ${fmt(p.exec_rate)} % of its budget executed`,
      figures: [projFig(p, '总分', p.score, '分'), projFig(p, '执行率', p.exec_rate, '%')],
    });
  }
  const inds = (p.indicators ?? []).filter((i) => i.weight !== undefined && i.score !== undefined);
  if (inds.length >= 3 && p.exec_rate !== undefined && p.exec_rate < 100 && inds.every((i) => i.score! >= i.weight!)) {
    out.push({
      rule: 'perf.full_marks_underspent', family: 'performance', severity: 'low', subject: p.name,
      zh: `项目“${p.name}”全部 ${inds.length} 项指标均得满分，而预算执行率为 ${fmt(p.exec_rate)}%`,
      en: `Project "${p.name}" gives full marks on all ${inds.length} indicators while executing ${fmt(p.exec_rate)} % of its budget`,
      figures: [projFig(p, '执行率', p.exec_rate, '%'), ...inds.map((i) => ({ label: `${i.level3} 得分`, value: i.score!, unit: '分' as const, source: i.source }))],
    });
  }
  return out;
}

export function performance(record: ExtractionRecord): Finding[] {
  return record.projects.flatMap((p) => [...scoreSum(p), ...execution(p), ...funds(p), ...generous(p)]);
}
