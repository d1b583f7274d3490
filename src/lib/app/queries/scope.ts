// Rows that stand for every unit in scope (a snapshot read in place answering from its
// region-level aggregates) carry this unit id instead of a unit's. Pure.

/** The id of the one row that stands for every unit of the filters. */
export const SCOPE_ID = 'region:scope';
