// Derived prior-year figures. A final account states the year's figure and its change against
// the previous year ("三公经费支出决算数1.29万元，比上年减少0.23万元"), which is the previous
// year's figure in other words: 1.29 − (−0.23) = 1.52 for 2018. Deriving it gives trend charts
// a point where the earlier document is missing. Pure: no I/O.
//
// Rules: only final accounts (a budget's change is against last year's budget, not its
// actual); only keys with both an `actual` and a `prior_change` in the same document; never
// when the snapshot holds a real `actual` of a final account for that unit, year and key (real
// beats derived); one derived figure per unit, year and key (the first document in order wins).
import type { Row } from './rows.ts';

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Facts rows of the snapshot (derived = false) → the derived rows to add, in document order. */
export function deriveFacts(facts: readonly Row[]): Row[] {
  const id = (unit: unknown, year: number, key: unknown) => `${String(unit)}\u0000${year}\u0000${String(key)}`;
  const real = new Set<string>();
  for (const f of facts)
    if (!f.derived && f.kind === 'final' && f.basis === 'actual' && f.unit_id !== null && typeof f.fiscal_year === 'number')
      real.add(id(f.unit_id, f.fiscal_year, f.key));

  const byDoc = new Map<unknown, Row[]>();
  for (const f of facts) {
    if (f.derived || f.kind !== 'final' || f.unit_id === null || typeof f.fiscal_year !== 'number') continue;
    const list = byDoc.get(f.doc_id) ?? [];
    list.push(f);
    byDoc.set(f.doc_id, list);
  }

  const out: Row[] = [];
  const made = new Set<string>();
  for (const docFacts of byDoc.values()) {
    for (const change of docFacts) {
      if (change.basis !== 'prior_change' || typeof change.value !== 'number') continue;
      const actual = docFacts.find((f) => f.key === change.key && f.basis === 'actual');
      if (!actual || typeof actual.value !== 'number') continue;
      const year = (change.fiscal_year as number) - 1;
      const k = id(change.unit_id, year, change.key);
      if (real.has(k) || made.has(k)) continue;
      made.add(k);
      out.push({
        doc_id: change.doc_id,
        unit_id: change.unit_id,
        fiscal_year: year,
        kind: 'final',
        province: change.province ?? null,
        key: change.key,
        basis: 'actual',
        value: round6(actual.value - change.value),
        derived: true,
        source_line: change.source_line,
        source_end_line: change.source_end_line,
        source_text: change.source_text,
      });
    }
  }
  return out;
}
