// Synthetic disclosure corpus: units × years rendered as documents in the seed layouts, each
// with the exact record it encodes (the truth) and the inconsistencies planted in it.
// Pure and streaming: generate() yields one document at a time and keeps only the current
// unit's previous year in memory; the same options give the same documents, byte for byte.
import { renderBudget, type BudgetInjection } from './render-budget.ts';
import { MARKER, renderFinal, type FinalInjection } from './render-final.ts';
import { detailFinal, detailPlan, makeUnit, subUnits, unitYears, LAYOUT_SEED, type Layout, type Unit, type YearState } from './model.ts';
import { Rng } from './prng.ts';
import type { Injection, InjectionKind, TruthRecord } from './truth.ts';

export { MARKER } from './render-final.ts';
export { SYNTH_TAG, LAYOUT_SEED, FINAL_LAYOUTS, makeUnit, type Layout, type Unit } from './model.ts';
export { INJECTION_RULE, type Injection, type InjectionKind, type TruthRecord, type TruthFact } from './truth.ts';

export interface SynthOptions {
  seed: number | string;
  units: number;
  from: number;
  to: number;
  /** Share of documents with one planted inconsistency (default 0.05). */
  inconsistencyRate?: number;
  /** Share of unit-years published as a budget (部门预算) instead of a final account (default 0.2). */
  budgetShare?: number;
  /** First unit index (to generate a slice of a larger corpus). */
  firstUnit?: number;
}

export interface SynthDoc {
  file: string;
  unit_id: string;
  layout: Layout;
  seed_layout: string;
  year: number;
  kind: 'final' | 'budget';
  text: string;
  truth: TruthRecord;
  injections: Injection[];
}

export const DEFAULT_RATE = 0.05;
export const DEFAULT_BUDGET_SHARE = 0.2;

export function fileName(unitId: string, year: number, kind: 'final' | 'budget'): string {
  return `synthetic_${unitId}_${year}_${kind}.txt`;
}

/** The kinds of inconsistency a document of this layout can carry. */
export function applicableKinds(layout: Layout): InjectionKind[] {
  if (layout === 'budget') return ['sangong_component', 'economic_row'];
  const k: InjectionKind[] = ['sangong_component', 'current_exec_decimal', 'exec_points_over'];
  if (layout === 'markdown') k.push('summary_score');
  return k;
}

function sangongDelta(rng: Rng, value: number): number {
  const d = Math.round(rng.uniform(0.5, 5) * 100);
  return rng.chance(0.5) && value - d >= 0 ? -d : d;
}

/** Chooses where and how a document is made inconsistent; null when its figures leave no room. */
function planInjection(rng: Rng, kind: InjectionKind, s: YearState): { final?: FinalInjection; budget?: BudgetInjection } | null {
  const projects = s.final.projects;
  switch (kind) {
    case 'sangong_component': {
      const part = rng.chance(0.5) ? 'abroad' : 'reception';
      const value = s.final.sangong[part];
      return { final: { sangong: { part, delta: sangongDelta(rng, value) } }, budget: { sangong: { part, delta: sangongDelta(rng, s.plan.sangong[part]) } } };
    }
    case 'economic_row':
      return { budget: { economic: { row: rng.int(0, 1000), delta: Math.round(rng.uniform(0.02, 2) * 100) } } };
    case 'current_exec_decimal': {
      const idx = projects.map((p, i) => (p.current.ex >= 100 ? i : -1)).filter((i) => i >= 0);
      return idx.length ? { final: { currentExec: { project: rng.pick(idx) } } } : null;
    }
    case 'exec_points_over': {
      const idx = projects.map((p, i) => (p.execT >= 11 ? i : -1)).filter((i) => i >= 0);
      return idx.length ? { final: { execPoints: { project: rng.pick(idx) } } } : null;
    }
    case 'summary_score':
      return projects.length ? { final: { summaryScore: { project: rng.int(0, projects.length - 1) } } } : null;
  }
}

/** Renders one unit-year as a document. */
export function renderDoc(seed: number | string, u: Unit, state: YearState, prev: YearState, subs: string[], rate: number, budgetShare: number): SynthDoc {
  const rng = new Rng(seed, 'doc', u.index, state.year);
  const kind: 'final' | 'budget' = rng.chance(budgetShare) ? 'budget' : 'final';
  const layout: Layout = kind === 'budget' ? 'budget' : u.layout;
  const file = fileName(u.id, state.year, kind);
  // Indicator rows and scores only for the tables this document prints.
  const detailRng = new Rng(seed, 'detail', u.index, state.year);
  if (kind === 'final') for (const p of state.final.projects) detailFinal(detailRng, p);
  else for (const p of state.plan.projects) detailPlan(detailRng, p);
  let plan: ReturnType<typeof planInjection> = null;
  if (rng.chance(rate)) {
    const kinds = applicableKinds(layout);
    const first = rng.int(0, kinds.length - 1);
    for (let k = 0; k < kinds.length && !plan; k++) plan = planInjection(rng, kinds[(first + k) % kinds.length]!, state);
  }
  const textRng = new Rng(seed, 'text', u.index, state.year);
  const input = { unit: u, state, prev, file, rng: textRng, subUnits: subs };
  const r = kind === 'budget' ? renderBudget({ ...input, inj: null, binj: plan?.budget ?? null }) : renderFinal({ ...input, inj: plan?.final ?? null });
  return { file, unit_id: u.id, layout, seed_layout: LAYOUT_SEED[layout], year: state.year, kind, text: r.text, truth: r.truth, injections: r.injections };
}

/** Every document of the corpus, unit by unit, year by year. */
export function* generate(opts: SynthOptions): Generator<SynthDoc> {
  const rate = opts.inconsistencyRate ?? DEFAULT_RATE;
  const share = opts.budgetShare ?? DEFAULT_BUDGET_SHARE;
  const first = opts.firstUnit ?? 0;
  for (let i = first; i < first + opts.units; i++) {
    const u = makeUnit(opts.seed, i);
    const subs = subUnits(new Rng(opts.seed, 'subunits', i), u);
    for (const { state, prev } of unitYears(opts.seed, u, opts.from, opts.to)) yield renderDoc(opts.seed, u, state, prev, subs, rate, share);
  }
}

/** The text of SYNTHETIC.md for an output folder. */
export function readme(opts: SynthOptions, counts: { docs: number; finals: number; budgets: number; injected: number }): string {
  return `# SYNTHETIC TEST DATA — 合成测试数据

Every file in this folder was written by FiscalLens's synthetic-corpus generator
(\`npm run synth\`, src/lib/synth/). **None of it describes a real unit or real figures.**
The documents are in \`docs/\`. Unit names carry the marker （合成）, every document opens with the line

    ${MARKER}

and the file names start with \`synthetic_\`. Place names are real (they make the region
paths realistic); the units, their spending, staff, projects and scores are made up, with
magnitudes drawn from the five seed documents. Do not copy these files into data/raw or
ingest them into the default snapshot; ingest them into a snapshot of their own:

    npm run ingest -- <this folder>/docs --out <another folder>

- seed: \`${String(opts.seed)}\`, units: ${opts.units}${opts.firstUnit ? ` (from unit ${opts.firstUnit})` : ''}, years: ${opts.from}–${opts.to}
- inconsistency rate: ${opts.inconsistencyRate ?? DEFAULT_RATE}, budget share: ${opts.budgetShare ?? DEFAULT_BUDGET_SHARE}
- documents: ${counts.docs} (${counts.finals} final accounts, ${counts.budgets} budgets), ${counts.injected} with a planted inconsistency

Layouts (each copies one seed's text layout): cells = 000 (narrative, one-cell-per-line 自评表),
markdown = 001 (markdown headings, 绩效评价汇总表 and tab 自评表), tab = 002 (narrative, tab 自评表),
budget = 003 (部门预算 with tables 表一…表八 and 绩效目标表), words = 004 (function lines named in words).
Function-line codes and names come from the extractor's catalogue and are not sector-accurate.

\`truth.jsonl\` has one line per document: \`{"file" (docs/…), "unit_id", "layout", "seed_layout", "year",
"kind", "truth", "injections"}\`. \`truth\` is the extraction record (spec v1) the document encodes;
\`injections\` lists the inconsistencies planted in it, each with the findings rule that reports it
(arith.sangong_parts, cross.summary_vs_project, perf.fund_rows, perf.exec_points, arith.economic_row).
`;
}
