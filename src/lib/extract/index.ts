import { makeDoc } from './document.ts';
import { readMeta } from './meta.ts';
import { narrativeFacts } from './narrative.ts';
import { segment } from './sections.ts';
import type { ExtractionRecord } from './types.ts';
export type * from './types.ts';

/** Turns the text of one disclosure into the canonical record. Pure: no I/O. */
export function extract(text: string, source: string): ExtractionRecord {
  const doc = makeDoc(text);
  const warnings: string[] = [];
  const meta = readMeta(doc);
  const sections = segment(doc);
  const kind = meta.kind ?? 'final';
  const narrative = narrativeFacts(doc, sections, kind);
  warnings.push(...narrative.conflicts);
  return {
    spec: 1, source, unit_name: meta.unit_name, region: meta.region, fiscal_year: meta.fiscal_year, kind: meta.kind,
    facts: narrative.facts, function_lines: [], economic_lines: [], projects: [], summary_projects: [],
    warnings,
  };
}
