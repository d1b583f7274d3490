// 支出结构: 功能分类 lines (类 → 款 → 项), 基本/项目 split, 人员/公用 and 经济分类 classes, per
// document (or, from the aggregates, per year and kind for every unit in scope), with
// headcounts for per-staff figures. The SQL is in spending-sql.ts.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import type { Filters } from '../filters.ts';
import type { SeedLookup } from '../../db/seed.ts';
import { detailScope, fromAggregates } from '../snapshot.svelte.ts';
import type { DocSplit, FunctionLine } from './spending-sql.ts';
import { docSplitsAggQuery, docSplitsQuery, functionLinesAggQuery, functionLinesQuery } from './spending-sql.ts';

export type { DocSplit, FunctionLine, TreeNode } from './spending-sql.ts';
export { functionTree, nodeAt } from './spending-sql.ts';

/** The page's first queries (the embedded snapshot), which it is prerendered with. */
export const spendingFirstQueries = (f: Filters) => [functionLinesQuery(f), docSplitsQuery(f)];

/** loadSpending's answer from the seed (the embedded snapshot), or null when it lacks one. */
export function spendingFromSeed(get: SeedLookup, f: Filters): { lines: FunctionLine[]; docs: DocSplit[]; scope: boolean } | null {
  const lines = get<FunctionLine>(functionLinesQuery(f));
  const docs = get<DocSplit>(docSplitsQuery(f));
  return lines && docs ? { lines, docs, scope: false } : null;
}

export async function loadSpending(f: Filters, run: QueryOpts = {}): Promise<{ lines: FunctionLine[]; docs: DocSplit[]; scope: boolean }> {
  const agg = await fromAggregates(f);
  if (!agg) await detailScope(f);
  const l = agg ? functionLinesAggQuery(f) : functionLinesQuery(f);
  const d = agg ? docSplitsAggQuery(f) : docSplitsQuery(f);
  // Both asked at once: the second is sent as soon as the first has answered.
  const [lines, docs] = await Promise.all([queryRows<FunctionLine>(l.sql, l.params, l.live, run), queryRows<DocSplit>(d.sql, d.params, d.live, run)]);
  return { lines, docs, scope: agg };
}
