// The seed: answers to the queries of the unfiltered first page, computed at build time by
// Node's DuckDB over the same snapshot with the same SQL (scripts/lib/app/seed.ts). Until
// DuckDB-wasm has opened the snapshot, the query layer answers those exact queries from it, so
// the first page draws without waiting for the wasm module to compile. Pure.
import type { Row } from './rows.ts';
import type { Param } from './where.ts';

export interface SeedFile {
  /** The manifest version of the snapshot it was computed from. */
  version: string;
  entries: { sql: string; params: Param[]; rows: Row[] }[];
}

export function seedKey(sql: string, params: readonly Param[]): string {
  return `${sql}\u0000${JSON.stringify(params)}`;
}

/** The lookup table of a seed file, or null when it belongs to another snapshot. */
export function seedMap(seed: SeedFile | null, manifestVersion: string): Map<string, Row[]> | null {
  if (!seed || seed.version !== manifestVersion || !Array.isArray(seed.entries)) return null;
  return new Map(seed.entries.map((e) => [seedKey(e.sql, e.params), e.rows]));
}
