// 概览: coverage of the snapshot (units × years × kind) and the headline totals, filtered.
// No `await ready()` here: queryRows waits for the database, or answers the unfiltered page
// from the build-time seed before it is up.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import type { SeedFile } from '../../db/seed.ts';
import { seedLookup } from '../../db/seed.ts';
import type { Filters } from '../filters.ts';
import { EMPTY_FILTERS } from '../filters.ts';
import { detailReady, fromAggregates, maybeInPlace } from '../snapshot.svelte.ts';

/**
 * Whether the overview answers from the aggregates; if not, and the snapshot is read in place,
 * once its base views cover the filters' partitions. (The embedded snapshot is not waited for:
 * the build-time seed may answer before the database is up.)
 */
async function fromAggs(f: Filters): Promise<boolean> {
  if (await fromAggregates(f)) return true;
  if (maybeInPlace()) await detailReady(f);
  return false;
}
import type { Query } from './overview-sql.ts';
import { coverageAggQuery, coverageQuery, headlineAggQuery, headlineCountsQuery, headlineSumsQuery, totalsByYearAggQuery, totalsByYearQuery } from './overview-sql.ts';

export interface CoverageCell {
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  kind: 'final' | 'budget';
  /** 'doc': a document of that year and kind; 'derived': only figures derived from a later account. */
  src: 'doc' | 'derived';
  status: string | null;
  file: string | null;
}

export async function loadCoverage(f: Filters, run: QueryOpts = {}): Promise<CoverageCell[]> {
  const q = (await fromAggs(f)) ? coverageAggQuery(f) : coverageQuery(f);
  return queryRows<CoverageCell>(q.sql, q.params, q.live, run);
}

export interface Headline {
  documents: number;
  units: number;
  years: number;
  expense_final: number | null;
  expense_budget: number | null;
  sangong_final: number | null;
  sangong_budget: number | null;
  procurement_final: number | null;
  procurement_budget: number | null;
}

export async function loadHeadline(f: Filters, run: QueryOpts = {}): Promise<Headline> {
  if (await fromAggs(f)) {
    const q = headlineAggQuery(f);
    return (await queryRows<Headline>(q.sql, q.params, q.live, run))[0]!;
  }
  const c = headlineCountsQuery(f);
  const m = headlineSumsQuery(f);
  const [[counts], [sums]] = await Promise.all([
    queryRows<{ documents: number; units: number; years: number }>(c.sql, c.params, undefined, run),
    queryRows<Omit<Headline, 'documents' | 'units' | 'years'>>(m.sql, m.params, undefined, run),
  ]);
  return { ...counts!, ...sums! };
}

export interface TotalByYear {
  fiscal_year: number;
  kind: 'final' | 'budget';
  expense_total: number;
  documents: number;
}

export async function loadTotalsByYear(f: Filters, run: QueryOpts = {}): Promise<TotalByYear[]> {
  const q = (await fromAggs(f)) ? totalsByYearAggQuery(f) : totalsByYearQuery(f);
  return queryRows<TotalByYear>(q.sql, q.params, q.live, run);
}

/** The unfiltered overview as its loaders answer it from the build-time seed. */
export interface OverviewSeed {
  /** The snapshot version the seed was computed from. */
  version: string;
  totals: TotalByYear[];
  coverage: CoverageCell[];
  headline: Headline;
}

/** The unfiltered overview from a seed file (to prerender the page with), or null. Pure. */
export function overviewFromSeed(seed: SeedFile | null): OverviewSeed | null {
  if (!seed || typeof seed.version !== 'string' || !Array.isArray(seed.entries)) return null;
  const rows = seedLookup(seed);
  const totals = rows<TotalByYear>(totalsByYearQuery(EMPTY_FILTERS));
  const coverage = rows<CoverageCell>(coverageQuery(EMPTY_FILTERS));
  const counts = rows<Pick<Headline, 'documents' | 'units' | 'years'>>(headlineCountsQuery(EMPTY_FILTERS))?.[0];
  const sums = rows<Omit<Headline, 'documents' | 'units' | 'years'>>(headlineSumsQuery(EMPTY_FILTERS))?.[0];
  if (!totals || !coverage || !counts || !sums) return null;
  return { version: seed.version, totals, coverage, headline: { ...counts, ...sums } };
}
