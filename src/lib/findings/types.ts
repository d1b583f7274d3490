// A finding: something in a disclosure that does not add up, with the figures involved,
// the recomputation and the lines they were read from.
import type { Provenance } from '../extract/types.ts';

export type Severity = 'high' | 'medium' | 'low';
export type Family = 'arithmetic' | 'cross' | 'budget' | 'trend' | 'peer' | 'performance' | 'procurement' | 'completeness';

export interface Figure {
  /** What the figure is, in Chinese as the document prints it (本年收入, 其中：当年财政拨款 全年执行数…). */
  label: string;
  value: number;
  unit: '万元' | '%' | '分' | '辆' | '人' | '';
  source?: Provenance;
}

export interface Finding {
  /** Rule id, e.g. 'arith.sangong_parts'. */
  rule: string;
  family: Family;
  severity: Severity;
  /** What the finding is about: a project, a line code, a key. */
  subject: string;
  zh: string;
  en: string;
  figures: Figure[];
  /** The recomputed value and the stated one it is compared with. */
  expected?: number;
  stated?: number;
  difference?: number;
}

export interface Rule {
  id: string;
  family: Family;
  zh: string;
  en: string;
}
