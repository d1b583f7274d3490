// The generator's truth: the record a document encodes (ExtractionRecord-shaped, spec v1),
// built while the document is written, so that the truth is exactly what the text states.
import type { Basis, EconomicLine, Fact, FunctionLine, Project, SummaryProject } from '../extract/types.ts';
import { hundredths, pctH, type NumStyle } from './num.ts';

// The spec v1 fields of the extractor's own types, without provenance and the extras.
export type TruthFact = Pick<Fact, 'key' | 'basis' | 'value'>;
export type TruthFunctionLine = Pick<FunctionLine, 'code' | 'name' | 'amount' | 'basic' | 'project'> & { fund?: 'govfund' };
export type TruthEconomicLine = Pick<EconomicLine, 'code' | 'name' | 'amount' | 'personnel' | 'public'>;
export type TruthProject = Pick<Project, 'name' | 'budget' | 'budget_initial' | 'budget_full_year' | 'executed' | 'exec_rate' | 'score' | 'indicator_count'>;
export type TruthSummaryProject = Omit<SummaryProject, 'source'>;
export interface TruthRecord {
  spec: 1;
  source: string;
  unit_name: string;
  region: string[];
  fiscal_year: number;
  kind: 'final' | 'budget';
  facts: TruthFact[];
  function_lines: TruthFunctionLine[];
  economic_lines: TruthEconomicLine[];
  projects: TruthProject[];
  summary_projects: TruthSummaryProject[];
  warnings: string[];
}

/** Kinds of inconsistency the generator plants, and the findings rule that should report each. */
export type InjectionKind = 'sangong_component' | 'summary_score' | 'current_exec_decimal' | 'exec_points_over' | 'economic_row';
export const INJECTION_RULE: Record<InjectionKind, string> = {
  sangong_component: 'arith.sangong_parts',
  summary_score: 'cross.summary_vs_project',
  current_exec_decimal: 'perf.fund_rows',
  exec_points_over: 'perf.exec_points',
  economic_row: 'arith.economic_row',
};
export interface Injection {
  kind: InjectionKind;
  rule: string;
  /** What was altered: a project name, an economic code, a fact key. */
  subject: string;
  /** The printed (wrong) figure and the consistent one. */
  stated: number;
  expected: number;
  detail: string;
}

/** Accumulates the text of a document and the facts it states. */
export class Writer {
  private parts: string[] = [];
  readonly facts: TruthFact[] = [];
  private seen = new Map<string, Map<Basis, number>>();

  constructor(
    readonly num: NumStyle,
    /** Space printed around figures ("本年收入 14209.74 万元") or none. */
    readonly sp: string,
    /** The word for a fall in rates: 降低 or 下降. */
    readonly down: string,
  ) {}

  line(s = ''): void {
    this.parts.push(s, '\n');
  }

  /** Appends text as it is (ending in a line break). */
  raw(s: string): void {
    this.parts.push(s);
  }

  /** The document's text, as one flat string. */
  text(): string {
    return this.parts.join('');
  }

  /** Records a fact once; a second statement must agree (the generator's own consistency). */
  fact(key: string, basis: Basis, value: number): void {
    let byBasis = this.seen.get(key);
    if (!byBasis) this.seen.set(key, (byBasis = new Map()));
    const prev = byBasis.get(basis);
    if (prev !== undefined) {
      if (Math.abs(prev - value) > 1e-9) throw new Error(`synth: ${key}@${basis} stated as ${prev} and as ${value}`);
      return;
    }
    byBasis.set(basis, value);
    this.facts.push({ key, basis, value: value === 0 ? 0 : value });
  }

  /** A figure (hundredths), recorded under key@basis when given. */
  n(c: number, key?: string, basis: Basis = 'actual', commas = false): string {
    const s = hundredths(c, this.num, commas);
    if (key) this.fact(key, basis, Math.round(c) / 100);
    return s;
  }

  /** "353.89万元" or " 353.89 万元". */
  wan(c: number, key?: string, basis: Basis = 'actual', commas = false): string {
    return `${this.sp}${this.n(c, key, basis, commas)}${this.sp}万元`;
  }

  /** A count: "16人" or " 16 人". */
  count(k: number, unit: string, key?: string, basis: Basis = 'actual'): string {
    if (key) this.fact(key, basis, k);
    return `${this.sp}${k}${this.sp}${unit}`;
  }

  /** A share, not a fact: "占99.33%". */
  share(part: number, whole: number): string {
    return `${this.sp}${hundredths(pctH(part, whole), this.num)}%`;
  }

  /** A rate of a stated difference, not a fact: "预决算差异率-57.05%". */
  diffRate(actual: number, budget: number): string {
    const h = budget === 0 ? 0 : pctH(actual - budget, budget);
    return `${this.sp}${h < 0 ? '-' : ''}${hundredths(Math.abs(h), this.num)}%`;
  }

  /** The change against the previous year: "增加52.72万元，增长17.51%", recorded as prior_change and prior_pct. */
  change(cur: number, prev: number, key?: string, withPct = true, sep = '，'): string {
    const d = cur - prev;
    const up = d >= 0;
    const amount = `${up ? '增加' : '减少'}${this.sp}${hundredths(Math.abs(d), this.num)}${this.sp}万元`;
    if (key) this.fact(key, 'prior_change', (up ? 1 : -1) * (Math.abs(d) / 100));
    if (!withPct) return amount;
    const h = prev === 0 ? (cur === 0 ? 0 : 10000) : Math.abs(pctH(d, prev));
    const p = hundredths(h, this.num);
    if (key) this.fact(key, 'prior_pct', (up ? 1 : -1) * (h / 100));
    return `${amount}${sep}${up ? '增长' : this.down}${this.sp}${p}%`;
  }

  /** A change in a count: "增加2人". */
  countChange(cur: number, prev: number, unit: string, key?: string): string {
    const d = cur - prev;
    if (key) this.fact(key, 'prior_change', d);
    return `${d >= 0 ? '增加' : '减少'}${this.sp}${Math.abs(d)}${this.sp}${unit}`;
  }
}
