// 政府采购: totals and their composition, and the shares to SMEs and to small and micro firms,
// per document (or, from the aggregates, per year and kind for every unit in scope), and the
// ranking by SME share with the sentences the figures were read from. SQL: procurement-sql.ts.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import type { Filters } from '../filters.ts';
import type { SeedLookup } from '../../db/seed.ts';
import { detailScope, fromAggregates, maybeInPlace } from '../snapshot.svelte.ts';
import type { ProcurementRow } from './procurement-sql.ts';
import { RANKING_TOP, procurementAggQuery, procurementQuery, rankingAggQuery, rankingAggregatable } from './procurement-sql.ts';

export type { ProcurementRow } from './procurement-sql.ts';

/** The page's first queries (the embedded snapshot: the ranking is the same query), which it is prerendered with. */
export const procurementFirstQueries = (f: Filters) => [procurementQuery(f)];

/** loadProcurement's and loadProcurementRanking's answers from the seed (the embedded snapshot), or null. */
export function procurementFromSeed(get: SeedLookup, f: Filters): { data: { rows: ProcurementRow[]; scope: boolean }; ranking: { rows: ProcurementRow[]; limit: number | null } } | null {
  const rows = get<ProcurementRow>(procurementQuery(f));
  return rows ? { data: { rows, scope: false }, ranking: { rows, limit: null } } : null;
}

/** The rows of the charts: one per document, or per year and kind for the whole scope. */
export async function loadProcurement(f: Filters, run: QueryOpts = {}): Promise<{ rows: ProcurementRow[]; scope: boolean }> {
  const agg = await fromAggregates(f);
  if (!agg) await detailScope(f);
  const q = agg ? procurementAggQuery(f) : procurementQuery(f);
  return { rows: await queryRows<ProcurementRow>(q.sql, q.params, q.live, run), scope: agg };
}

/**
 * The ranking: every document (a downloaded snapshot), else the first RANKING_TOP — from the
 * aggregates when they carry the filters, else from the detail partitions.
 */
export async function loadProcurementRanking(f: Filters, run: QueryOpts = {}): Promise<{ rows: ProcurementRow[]; limit: number | null }> {
  if ((await fromAggregates(f)) && rankingAggregatable(f)) {
    const q = rankingAggQuery(f);
    return { rows: await queryRows<ProcurementRow>(q.sql, q.params, q.live, run), limit: RANKING_TOP };
  }
  await detailScope(f);
  const limit = maybeInPlace() ? RANKING_TOP : null;
  const q = procurementQuery(f, limit);
  return { rows: await queryRows<ProcurementRow>(q.sql, q.params, q.live, run), limit };
}
