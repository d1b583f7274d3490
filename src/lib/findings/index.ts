// checkRecord(record) → findings: every rule that can be decided from one document.
// Trends and peer outliers need several documents and run as SQL over the snapshot.
import type { ExtractionRecord } from '../extract/types.ts';
import { arithmetic } from './arithmetic.ts';
import { budgetVsFinal } from './budget.ts';
import { completeness } from './completeness.ts';
import { cross } from './cross.ts';
import { performance } from './performance.ts';
import { procurement } from './procurement.ts';
import type { Finding } from './types.ts';
export type * from './types.ts';

export function checkRecord(record: ExtractionRecord): Finding[] {
  return [...arithmetic(record), ...cross(record), ...budgetVsFinal(record), ...performance(record), ...procurement(record), ...completeness(record)];
}
