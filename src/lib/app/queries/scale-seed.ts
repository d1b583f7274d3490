// The first charts of every page of a snapshot read in place, at the scope it opens on (its
// latest year, no other filter): the queries answered ahead of time by Node's DuckDB over the
// snapshot's aggregates (scripts/lib/app/seed.ts, `npm run aggregates`), stored beside them as
// aggregates/seed.json. Until DuckDB-wasm is up, the query layer answers exactly these queries
// — same SQL, same parameters, same snapshot version — from it, as it does for the embedded
// snapshot's first page. Pure.
import type { Filters } from '../filters.ts';
import { EMPTY_FILTERS, withFilters } from '../filters.ts';
import { COLUMNS_QUERY, RULES_AGG_QUERY, RULES_QUERY, ruleCountsAggQuery, ruleCountsQuery } from './findings-sql.ts';
import type { Query } from './overview-sql.ts';
import { coverageAggQuery, headlineAggQuery, sangongQuery, sangongScopeQuery, sangongVehiclesQuery, seedQueries, totalsByYearAggQuery } from './overview-sql.ts';
import { binsAggQuery, binsQuery, cellsAggQuery, projectsQuery } from './performance-sql.ts';
import { procurementAggQuery, procurementQuery, rankingAggQuery } from './procurement-sql.ts';
import { docSplitsAggQuery, docSplitsQuery, functionLinesAggQuery, functionLinesQuery } from './spending-sql.ts';

/** Where the seed of a snapshot read in place lives, next to its manifest. */
export const SCALE_SEED_FILE = 'aggregates/seed.json';

/** The filters a snapshot read in place opens on: its latest year. */
export const openingFilters = (latestYear: number): Filters => withFilters(EMPTY_FILTERS, { yearFrom: latestYear, yearTo: latestYear });

export function scaleSeedQueries(f: Filters): Query[] {
  return [
    totalsByYearAggQuery(f),
    coverageAggQuery(f),
    headlineAggQuery(f),
    sangongScopeQuery(f),
    functionLinesAggQuery(f),
    docSplitsAggQuery(f),
    procurementAggQuery(f),
    rankingAggQuery(f),
    binsAggQuery(f),
    cellsAggQuery(f),
    ruleCountsAggQuery(f, {}),
    RULES_AGG_QUERY,
  ];
}

/**
 * The build-time seed of the embedded snapshot (downloaded whole, no filters): the overview's
 * and the filter bar's queries, and every other page's first charts from the detail views.
 * `findingColumns`: the findings table's columns, as COLUMNS_QUERY answers (asked first).
 */
export function embeddedSeedQueries(f: Filters, findingColumns: Set<string> | null): Query[] {
  return [
    ...seedQueries(f),
    functionLinesQuery(f),
    docSplitsQuery(f),
    sangongQuery(f),
    sangongVehiclesQuery(f),
    procurementQuery(f),
    projectsQuery(f),
    binsQuery(f),
    COLUMNS_QUERY,
    ...(findingColumns?.has('rule') ? [ruleCountsQuery(f, findingColumns, {}), RULES_QUERY] : []),
  ];
}
