// Findings across documents, on the seed snapshot's rows: a unit's jump from one year to the
// next (with the previous year derived from the stated change), and outliers among peers.
import { beforeAll, describe, expect, it } from 'vitest';
import { peerFindings, trendFindings, type DocRow, type FactRow } from '../../src/lib/findings/corpus.ts';
import { openSnapshot } from '../../scripts/lib/sql.ts';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/ingest/paths.ts';

let facts: FactRow[] = [];
let docs: DocRow[] = [];
beforeAll(async () => {
  const s = await openSnapshot(join(REPO_ROOT, 'data', 'snapshot'), { views: false });
  facts = await s.query<FactRow>('SELECT doc_id, unit_id, fiscal_year, kind, key, basis, value, derived, source_line, source_end_line, source_text FROM facts');
  docs = await s.query<DocRow>("SELECT doc_id, unit_id, fiscal_year, kind, unit_name FROM documents WHERE status <> 'rejected'");
  s.close();
});

describe('trend.jump', () => {
  it('002 水磨沟区政府办公室: 三公 9.78 (2019, derived from 增加18.20) → 27.98 (2020) is a high jump', () => {
    const f = trendFindings(facts).find((x) => x.subject === 'sangong.total');
    expect(f).toBeDefined();
    expect(f!.fiscal_year).toBe(2020);
    expect(f!.expected).toBe(9.78);
    expect(f!.stated).toBe(27.98);
    expect(f!.severity).toBe('high');
    expect(f!.zh).toContain('据增减额推算');
    expect(f!.figures[0].source!.text).toContain('18.20');
  });

  it('001 政府办公厅: 本年支出 +40.75 % is below the 50 % threshold, and 000 三公 −0.23 万元 is below 10 万元', () => {
    const subjects = trendFindings(facts).map((x) => `${x.subject}@${x.fiscal_year}`);
    expect(subjects.sort()).toEqual(['admin.running_cost@2020', 'sangong.total@2020']);
  });
});

describe('peer.outlier', () => {
  it('needs five peers: the four seed final accounts raise nothing at the default threshold', () => {
    const units = [...new Set(docs.map((d) => d.unit_id!))].map((unit_id) => ({ unit_id, sector: 'all' }));
    expect(peerFindings(facts, docs, units)).toEqual([]);
  });

  it('the robust z-score on real figures: the 2019 finals (000, 001) spend 21.91 and 81.73 万元 per head, median 51.82, z ∓0.67', () => {
    const units = [...new Set(docs.map((d) => d.unit_id!))].map((unit_id) => ({ unit_id, sector: 'all' }));
    const found = peerFindings(facts, docs, units, { min: 2, z: 0.5 }).filter((x) => x.subject === 'expense_per_staff');
    expect(found.map((x) => [x.fiscal_year, x.stated, x.expected])).toEqual([
      [2019, 21.91, 51.82],
      [2019, 81.73, 51.82],
    ]);
    expect(found[0]!.zh).toContain('-0.67');
    // Peers are compared within one year and one kind: 002 (2020) and 004 (2022) have none.
    expect(found.every((x) => x.fiscal_year === 2019)).toBe(true);
  });
});
