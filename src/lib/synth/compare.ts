// Compares an extraction record with the generator's truth, section by section: every truth
// item is one unit of recall, every extracted item one unit of precision (as the project's
// scorer counts them), numbers equal within 0.0051.
import type { ExtractionRecord } from '../extract/types.ts';
import type { TruthRecord } from './truth.ts';

export const SECTIONS = ['meta', 'facts', 'function_lines', 'economic_lines', 'projects', 'summary_projects'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionScore {
  tp: number;
  truth: number;
  extracted: number;
  /** Truth items the extractor did not recover (id: truth value, got …). */
  misses: string[];
  /** Extracted items not in the truth. */
  extras: string[];
}

type Item = { id: string; value: string | number };
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”"]/g, '"');
const close = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 0.0051 : typeof a === 'string' && typeof b === 'string' && norm(a) === norm(b));

type Rec = Pick<ExtractionRecord, 'unit_name' | 'region' | 'fiscal_year' | 'kind' | 'facts' | 'function_lines' | 'economic_lines' | 'projects' | 'summary_projects'>;

function items(r: Rec): Record<Section, Item[]> {
  const out: Record<Section, Item[]> = { meta: [], facts: [], function_lines: [], economic_lines: [], projects: [], summary_projects: [] };
  if (r.unit_name != null) out.meta.push({ id: 'unit_name', value: r.unit_name });
  if (r.region?.length) out.meta.push({ id: 'region', value: r.region.join('/') });
  if (r.fiscal_year != null) out.meta.push({ id: 'fiscal_year', value: r.fiscal_year });
  if (r.kind != null) out.meta.push({ id: 'kind', value: r.kind });
  for (const f of r.facts) out.facts.push({ id: `${f.key}@${f.basis}`, value: f.value });
  for (const l of r.function_lines) {
    const id = `${l.code ?? `name ${norm(l.name)}`}${l.fund === 'govfund' ? '/govfund' : ''}`;
    for (const col of ['amount', 'basic', 'project'] as const) if (l[col] !== undefined) out.function_lines.push({ id: `${id}.${col}`, value: l[col]! });
  }
  for (const l of r.economic_lines) for (const col of ['amount', 'personnel', 'public'] as const) if (l[col] !== undefined) out.economic_lines.push({ id: `${l.code}.${col}`, value: l[col]! });
  for (const p of r.projects) {
    for (const k of ['budget', 'budget_initial', 'budget_full_year', 'executed', 'exec_rate', 'score', 'indicator_count'] as const) {
      const v = p[k];
      if (v !== undefined && v !== null) out.projects.push({ id: `${norm(p.name)}.${k}`, value: v });
    }
  }
  for (const p of r.summary_projects) {
    const id = `${norm(p.name)}@${norm(p.unit ?? '')}`;
    for (const k of ['budget_initial', 'budget_full_year', 'executed', 'exec_rate', 'completion_pct', 'score'] as const) {
      const v = p[k];
      if (v !== undefined && v !== null) out.summary_projects.push({ id: `${id}.${k}`, value: v });
    }
  }
  return out;
}

/** Per-section comparison of an extracted record with the truth. */
export function compareRecord(truth: TruthRecord, rec: Rec): Record<Section, SectionScore> {
  const t = items(truth);
  const e = items(rec);
  const out = {} as Record<Section, SectionScore>;
  for (const sec of SECTIONS) {
    const pool = new Map<string, (string | number)[]>();
    for (const x of e[sec]) (pool.get(x.id) ?? pool.set(x.id, []).get(x.id)!).push(x.value);
    let tp = 0;
    const misses: string[] = [];
    for (const g of t[sec]) {
      const cands = pool.get(g.id) ?? [];
      const k = cands.findIndex((v) => close(v, g.value));
      if (k >= 0) {
        tp++;
        cands.splice(k, 1);
      } else misses.push(`${g.id}: truth ${JSON.stringify(g.value)}, got ${cands.length ? JSON.stringify(cands[0]) : 'nothing'}`);
    }
    const extras: string[] = [];
    for (const [id, vals] of pool) for (const v of vals) extras.push(`${id}: ${JSON.stringify(v)}`);
    out[sec] = { tp, truth: t[sec].length, extracted: e[sec].length, misses, extras };
  }
  return out;
}
