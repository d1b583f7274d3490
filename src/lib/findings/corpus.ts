// Findings that need several documents: year-on-year jumps of one unit, and outliers among
// peers (same sector, same kind, same year). They run over the snapshot's rows (plain data),
// so the ingest can store them beside the per-document findings.
import type { Finding, Figure } from './types.ts';
import { fmt, r2 } from './tolerance.ts';
import { LABEL } from './facts.ts';

/** The fact and document columns the corpus rules read (snapshot rows of schema.ts). */
export interface FactRow {
  doc_id: string;
  unit_id: string | null;
  fiscal_year: number | null;
  kind: string | null;
  key: string;
  basis: string;
  value: number;
  derived: boolean;
  source_line: number | null;
  source_end_line: number | null;
  source_text: string | null;
}
export interface DocRow {
  doc_id: string;
  unit_id: string | null;
  fiscal_year: number | null;
  kind: string | null;
  unit_name: string | null;
}
export interface UnitRowLite {
  unit_id: string;
  sector: string | null;
}

/** A corpus finding keeps the document it is filed under (the later or the outlying one). */
export interface CorpusFinding extends Finding {
  doc_id: string;
  unit_id: string | null;
  fiscal_year: number | null;
  kind: string | null;
}

const fig = (f: FactRow, label: string, unit: Figure['unit'] = '万元'): Figure => ({
  label,
  value: f.value,
  unit,
  source: f.source_line === null ? undefined : { line: f.source_line, endLine: f.source_end_line ?? f.source_line, text: f.source_text ?? '' },
});

export const TREND_KEYS = ['sangong.total', 'admin.running_cost', 'expense.total'];
/** A jump worth a look: at least half again (or half less) and at least 10 万元. */
export const TREND_PCT = 50;
export const TREND_ABS = 10;

export function trendFindings(facts: readonly FactRow[]): CorpusFinding[] {
  const series = new Map<string, Map<number, FactRow>>();
  for (const f of facts) {
    if (f.kind !== 'final' || f.basis !== 'actual' || !f.unit_id || f.fiscal_year === null || !TREND_KEYS.includes(f.key)) continue;
    const k = `${f.unit_id}\u0000${f.key}`;
    const byYear = series.get(k) ?? new Map<number, FactRow>();
    const prev = byYear.get(f.fiscal_year);
    // A stated figure wins over one derived from a later document's change.
    if (!prev || (prev.derived && !f.derived)) byYear.set(f.fiscal_year, f);
    series.set(k, byYear);
  }
  const out: CorpusFinding[] = [];
  for (const byYear of series.values()) {
    for (const [year, cur] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const prev = byYear.get(year - 1);
      if (!prev || prev.value <= 0 || cur.derived) continue;
      const change = cur.value - prev.value;
      const pct = (change / prev.value) * 100;
      if (Math.abs(pct) < TREND_PCT || Math.abs(change) < TREND_ABS) continue;
      const label = LABEL[cur.key] ?? cur.key;
      out.push({
        rule: 'trend.jump', family: 'trend', severity: Math.abs(pct) >= 100 ? 'high' : 'medium', subject: cur.key,
        doc_id: cur.doc_id, unit_id: cur.unit_id, fiscal_year: cur.fiscal_year, kind: cur.kind,
        zh: `${label}由 ${year - 1} 年的 ${fmt(prev.value)} 万元${prev.derived ? '（据增减额推算）' : ''}变为 ${year} 年的 ${fmt(cur.value)} 万元，${change > 0 ? '增加' : '减少'} ${fmt(r2(Math.abs(change)))} 万元（${fmt(r2(pct))}%）`,
        en: `${cur.key} went from ${fmt(prev.value)} 万元 in ${year - 1}${prev.derived ? ' (derived from the stated change)' : ''} to ${fmt(cur.value)} in ${year}: ${fmt(r2(pct))} %`,
        figures: [fig(prev, `${year - 1} 年${label}${prev.derived ? '（推算）' : ''}`), fig(cur, `${year} 年${label}`)],
        expected: prev.value, stated: cur.value, difference: r2(change),
      });
    }
  }
  return out;
}

/** Metrics compared among peers, each from two facts of one document. */
const METRICS: { id: string; zh: string; num: string; den: string; scale: number; unit: Figure['unit'] }[] = [
  { id: 'expense_per_staff', zh: '人均支出', num: 'expense.total', den: 'staff', scale: 1, unit: '万元' },
  { id: 'sangong_per_staff', zh: '人均“三公”经费', num: 'sangong.total', den: 'staff', scale: 1, unit: '万元' },
  { id: 'vehicle_cost', zh: '单车运行维护费', num: 'sangong.vehicle_operation', den: 'sangong.vehicles_held', scale: 1, unit: '万元' },
  { id: 'sme_share', zh: '中小企业采购份额', num: 'procurement.sme', den: 'procurement.total', scale: 100, unit: '%' },
];
/** Every fact key the peer rule reads. */
export const PEER_KEYS: readonly string[] = [...new Set(METRICS.flatMap((m) => [m.num, ...(m.den === 'staff' ? ['staff.actual', 'staff.active'] : [m.den])]))];
/** Modified z-score (Iglewicz–Hoaglin) beyond which a value is an outlier; groups need five members. */
export const PEER_Z = 3.5;
export const PEER_MIN = 5;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function peerFindings(facts: readonly FactRow[], docs: readonly DocRow[], units: readonly UnitRowLite[], opts: { min?: number; z?: number } = {}): CorpusFinding[] {
  const minPeers = opts.min ?? PEER_MIN;
  const zLimit = opts.z ?? PEER_Z;
  const sector = new Map(units.map((u) => [u.unit_id, u.sector ?? 'other']));
  const byDoc = new Map<string, Map<string, FactRow>>();
  for (const f of facts) {
    if (f.derived) continue;
    const main = f.kind === 'budget' ? 'budget' : 'actual';
    const isState = f.key.startsWith('staff.') || f.key.startsWith('assets.') || f.key === 'sangong.vehicles_held';
    if (f.basis !== (isState ? 'actual' : main) && !(isState && f.basis === main)) continue;
    const m = byDoc.get(f.doc_id) ?? new Map<string, FactRow>();
    if (!m.has(f.key)) m.set(f.key, f);
    byDoc.set(f.doc_id, m);
  }
  const out: CorpusFinding[] = [];
  for (const metric of METRICS) {
    const groups = new Map<string, { doc: DocRow; value: number; num: FactRow; den: FactRow }[]>();
    for (const d of docs) {
      const m = byDoc.get(d.doc_id);
      if (!m || !d.unit_id) continue;
      const num = m.get(metric.num);
      const den = metric.den === 'staff' ? m.get('staff.actual') ?? m.get('staff.active') : m.get(metric.den);
      if (!num || !den || den.value <= 0) continue;
      const g = `${sector.get(d.unit_id) ?? 'other'}|${d.kind}|${d.fiscal_year}`;
      const list = groups.get(g) ?? [];
      list.push({ doc: d, value: (num.value / den.value) * metric.scale, num, den });
      groups.set(g, list);
    }
    for (const list of groups.values()) {
      if (list.length < minPeers) continue;
      const med = median(list.map((x) => x.value));
      const mad = median(list.map((x) => Math.abs(x.value - med)));
      if (mad === 0) continue;
      for (const x of list) {
        const z = (0.6745 * (x.value - med)) / mad;
        if (Math.abs(z) < zLimit) continue;
        out.push({
          rule: 'peer.outlier', family: 'peer', severity: Math.abs(z) >= 7 ? 'high' : 'medium', subject: metric.id,
          doc_id: x.doc.doc_id, unit_id: x.doc.unit_id, fiscal_year: x.doc.fiscal_year, kind: x.doc.kind,
          zh: `${metric.zh} ${fmt(r2(x.value))}${metric.unit}，同类 ${list.length} 个单位的中位数为 ${fmt(r2(med))}${metric.unit}（稳健 z 值 ${fmt(r2(z))}）`,
          en: `${metric.id} of ${fmt(r2(x.value))} ${metric.unit} against a peer median of ${fmt(r2(med))} among ${list.length} peers (robust z ${fmt(r2(z))})`,
          figures: [fig(x.num, LABEL[x.num.key] ?? x.num.key), fig(x.den, x.den.key.startsWith('staff') ? '人数' : LABEL[x.den.key] ?? x.den.key, x.den.key.startsWith('staff') ? '人' : x.den.key.includes('vehicles') ? '辆' : '万元')],
          expected: r2(med), stated: r2(x.value), difference: r2(x.value - med),
        });
      }
    }
  }
  return out;
}
