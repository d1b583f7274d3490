// Findings across documents (src/lib/findings/corpus.ts) → rows of the findings table. Their id
// names the rule, the subject and the document, so it does not depend on the order the ingest
// met them in (the ingest runs the rules unit by unit and year by year).
import type { CorpusFinding } from '../findings/corpus.ts';
import type { Row } from './rows.ts';
import { findingRow } from './rows.ts';

export function corpusFindingRows(found: readonly CorpusFinding[], provinceOf: (doc_id: string) => string | null): Row[] {
  return found.map((f) =>
    findingRow(f, {
      finding_id: `corpus:${f.rule}:${f.subject}:${f.doc_id}`,
      doc_id: f.doc_id,
      unit_id: f.unit_id,
      fiscal_year: f.fiscal_year,
      kind: f.kind,
      province: provinceOf(f.doc_id),
    }),
  );
}
