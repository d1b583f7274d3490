// 政府采购: totals and their composition, and the shares to SMEs and to small and micro firms,
// per document, with the sentences the SME figures were read from.
import { queryRows } from '../../db/query.ts';
import { buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import { ready } from '../snapshot.svelte.ts';

export interface ProcurementRow {
  doc_id: string;
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  kind: 'final' | 'budget';
  total: number | null;
  goods: number | null;
  works: number | null;
  services: number | null;
  sme: number | null;
  small_micro: number | null;
  sme_share_pct: number | null;
  small_micro_share_pct: number | null;
  total_line: number | null;
  total_text: string | null;
  sme_line: number | null;
  sme_text: string | null;
  small_line: number | null;
  small_text: string | null;
  file: string | null;
}

export async function loadProcurement(f: Filters): Promise<ProcurementRow[]> {
  await ready();
  const w = buildWhere(f, { unit: 'p.unit_id', year: 'p.fiscal_year', kind: 'p.kind' });
  const src = (key: string, col: 'source_line' | 'source_text') =>
    `(SELECT min(g.${col}) FROM v_figures g WHERE g.doc_id = p.doc_id AND g.key = '${key}')`;
  return queryRows<ProcurementRow>(
    `SELECT p.doc_id, p.unit_id, p.unit_name, p.fiscal_year, p.kind, p.total, p.goods, p.works, p.services, p.sme, p.small_micro,
            p.sme_share_pct, p.small_micro_share_pct,
            ${src('procurement.total', 'source_line')} AS total_line, ${src('procurement.total', 'source_text')} AS total_text,
            ${src('procurement.sme', 'source_line')} AS sme_line, ${src('procurement.sme', 'source_text')} AS sme_text,
            ${src('procurement.small_micro', 'source_line')} AS small_line, ${src('procurement.small_micro', 'source_text')} AS small_text,
            d.file
     FROM v_procurement_shares p LEFT JOIN documents d ON d.doc_id = p.doc_id
     ${w.sql}
     ORDER BY p.sme_share_pct DESC NULLS LAST, p.total DESC NULLS LAST`,
    w.params,
  );
}
