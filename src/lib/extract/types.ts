// The canonical extraction record (../shared/spec/extraction.md, v1) plus provenance.
// Money is in 万元, percentages in percent, counts are integers.

/** Where a value came from: 1-based line range in the source text and the exact snippet. */
export interface Provenance {
  line: number;
  endLine: number;
  text: string;
}

export type Basis = 'actual' | 'budget' | 'budget_initial' | 'budget_full_year' | 'prior_change' | 'prior_pct';

export interface Fact {
  key: string;
  basis: Basis;
  value: number;
  source?: Provenance;
}

export interface FunctionLine {
  /** 7-digit 项 code, or null when the document names the line only in words. */
  code: string | null;
  name: string;
  amount?: number;
  basic?: number;
  project?: number;
  fund?: 'gpb' | 'govfund';
  /** The code resolved from the catalogue when the document printed none (not part of spec v1). */
  catalogue_code?: string;
  /** The 类 and 款 names a line printed in words carries (…（类）…（款）…（项）). */
  lei_name?: string;
  kuan_name?: string;
  source?: Provenance;
}

export interface EconomicLine {
  code: string;
  name: string;
  amount?: number;
  personnel?: number;
  public?: number;
  source?: Provenance;
}

export interface Indicator {
  level1?: string;
  level2?: string;
  level3: string;
  target?: string;
  actual?: string;
  weight?: number;
  score?: number;
  note?: string;
  source?: Provenance;
}

/** A 项目资金 row of a self-evaluation table (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金). */
export interface FundRow {
  label: 'total' | 'current' | 'carryover' | 'other';
  printed: string;
  budget_initial?: number;
  budget_full_year?: number;
  executed?: number;
  source?: Provenance;
}

export interface Project {
  name: string;
  budget?: number;
  budget_initial?: number;
  budget_full_year?: number;
  executed?: number;
  exec_rate?: number;
  score?: number;
  indicator_count: number;
  indicators?: Indicator[];
  /** 分值 and 得分 printed on the 年度资金总额 row (the execution-rate points). */
  execution?: { weight?: number; score?: number };
  /** The money rows of the table, for checks that a part does not exceed the whole. */
  funds?: FundRow[];
  source?: Provenance;
}

export interface SummaryProject {
  name: string;
  unit?: string;
  budget_initial?: number;
  budget_full_year?: number;
  executed?: number;
  exec_rate?: number;
  completion_pct?: number;
  score?: number;
  source?: Provenance;
}

/** One fact stated twice with different values: the first is recorded, the other kept here. */
export interface Conflict {
  key: string;
  basis: Basis;
  recorded: { value: number; source?: Provenance };
  other: { value: number; source?: Provenance };
  /** Where each came from: a table or the text. */
  origin: 'text' | 'tables' | 'table-vs-text';
}

export interface ExtractionRecord {
  spec: 1;
  source: string;
  unit_name: string | null;
  region: string[];
  fiscal_year: number | null;
  kind: 'final' | 'budget' | null;
  facts: Fact[];
  function_lines: FunctionLine[];
  economic_lines: EconomicLine[];
  projects: Project[];
  summary_projects: SummaryProject[];
  warnings: string[];
  /** Figures stated twice with different values (not part of spec v1; read by the checks). */
  conflicts?: Conflict[];
}
