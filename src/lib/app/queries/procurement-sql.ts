// The SQL of the 政府采购 page as pure functions of the filters, from the detail view (one row
// per document, v_procurement_shares, with the sentences its figures were read from) and from
// the aggregates: agg_procurement summed per year and kind for every unit in scope, and the
// ranking from agg_procurement_top (each province's first 50 of each year and kind: exact for
// any set of provinces, so only without a prefecture or level filter). Node's tests compare the
// two; the browser picks one.
import { aggWhere, aggregatable, buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import type { Query } from './overview-sql.ts';
import { SCOPE_ID } from './scope.ts';

export interface ProcurementRow {
  doc_id: string | null;
  unit_id: string;
  unit_name: string | null;
  fiscal_year: number;
  kind: 'final' | 'budget';
  /** Documents behind the row: 1, or every document in scope of that year and kind. */
  documents?: number;
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

/** The ranking's order (the same in agg_procurement_top, which breaks ties by doc_id too). */
const RANK_ORDER = 'sme_share_pct DESC NULLS LAST, total DESC NULLS LAST';

/** Rows of the ranking shown when it comes from the aggregates (and at most from the detail). */
export const RANKING_TOP = 50;

/** Every document in scope that states a procurement total, ranked, with its source sentences. */
export function procurementQuery(f: Filters, limit: number | null = null): Query {
  const w = buildWhere(f, { unit: 'p.unit_id', year: 'p.fiscal_year', kind: 'p.kind' });
  // Each figure's source sentence: the first of its document (one pass over the figures, not a
  // subquery per column).
  const src = (key: string, col: 'source_line' | 'source_text') => `min(${col}) FILTER (WHERE key = '${key}')`;
  return {
    sql: `SELECT p.doc_id, p.unit_id, p.unit_name, p.fiscal_year, p.kind, 1 AS documents, p.total, p.goods, p.works, p.services, p.sme, p.small_micro,
            p.sme_share_pct, p.small_micro_share_pct,
            g.total_line, g.total_text, g.sme_line, g.sme_text, g.small_line, g.small_text,
            d.file
     FROM v_procurement_shares p LEFT JOIN documents d ON d.doc_id = p.doc_id
     LEFT JOIN (
       SELECT doc_id,
              ${src('procurement.total', 'source_line')} AS total_line, ${src('procurement.total', 'source_text')} AS total_text,
              ${src('procurement.sme', 'source_line')} AS sme_line, ${src('procurement.sme', 'source_text')} AS sme_text,
              ${src('procurement.small_micro', 'source_line')} AS small_line, ${src('procurement.small_micro', 'source_text')} AS small_text
       FROM v_figures WHERE key IN ('procurement.total', 'procurement.sme', 'procurement.small_micro') GROUP BY doc_id
     ) g ON g.doc_id = p.doc_id
     ${w.sql}
     ORDER BY p.${RANK_ORDER.replace(', ', ', p.')}, p.doc_id${limit != null ? ` LIMIT ${Math.floor(limit)}` : ''}`,
    params: w.params,
  };
}

/** One row per year and kind for every document in scope; shares of the totals that state them. */
export function procurementAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  return {
    sql: `SELECT NULL AS doc_id, '${SCOPE_ID}' AS unit_id, NULL AS unit_name, fiscal_year, kind,
            CAST(sum(documents) AS INTEGER) AS documents, sum(total) AS total, sum(goods) AS goods, sum(works) AS works,
            sum(services) AS services, sum(sme) AS sme, sum(small_micro) AS small_micro,
            100 * sum(sme) / nullif(sum(sme_base), 0) AS sme_share_pct,
            100 * sum(small_micro) / nullif(sum(small_micro_base), 0) AS small_micro_share_pct,
            NULL AS total_line, NULL AS total_text, NULL AS sme_line, NULL AS sme_text, NULL AS small_line, NULL AS small_text, NULL AS file
     FROM agg_procurement ${w.sql}
     GROUP BY fiscal_year, kind ORDER BY fiscal_year, kind`,
    params: w.params,
  };
}

/** Whether the ranking can come from agg_procurement_top (it is kept per province). */
export const rankingAggregatable = (f: Filters): boolean => aggregatable(f) && f.prefecture == null && f.level == null;

/** The first RANKING_TOP documents in scope by SME share, from agg_procurement_top. */
export function rankingAggQuery(f: Filters): Query {
  const w = aggWhere(f);
  return {
    sql: `SELECT NULL AS doc_id, unit_id, unit_name, fiscal_year, kind, 1 AS documents, total, goods, works, services, sme, small_micro,
            sme_share_pct, small_micro_share_pct,
            NULL AS total_line, NULL AS total_text, NULL AS sme_line, NULL AS sme_text, NULL AS small_line, NULL AS small_text, NULL AS file
     FROM agg_procurement_top ${w.sql}
     ORDER BY ${RANK_ORDER}, province, fiscal_year, kind, rank LIMIT ${RANKING_TOP}`,
    params: w.params,
  };
}
