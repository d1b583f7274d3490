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

const seedIndex = (seed: SeedFile): Map<string, Row[]> => new Map(seed.entries.map((e) => [seedKey(e.sql, e.params), e.rows]));

/** The lookup table of a seed file, or null when it belongs to another snapshot. */
export function seedMap(seed: SeedFile | null, manifestVersion: string): Map<string, Row[]> | null {
  if (!seed || seed.version !== manifestVersion || !Array.isArray(seed.entries)) return null;
  return seedIndex(seed);
}

/** A seed's answer to a query, by its SQL and parameters (undefined: the seed does not hold it). */
export type SeedLookup = <T = Row>(q: { sql: string; params: Param[] }) => T[] | undefined;

/** The lookup of a seed file's answers (whatever snapshot it belongs to). */
export function seedLookup(seed: SeedFile): SeedLookup {
  const byKey = seedIndex(seed);
  return <T>(q: { sql: string; params: Param[] }) => byKey.get(seedKey(q.sql, q.params)) as T[] | undefined;
}

/** The index of the build-time view tables (static/seed/views/, scripts/lib/app/seed.ts). */
export const VIEW_SEED_INDEX = 'index.json';

export interface ViewSeedIndex {
  /** The manifest version of the snapshot they were computed from. */
  version: string;
  /** Each analytic view as one Parquet file (its name + .parquet), in the SQL files' order. */
  views: { name: string; file: string; bytes: number; sha256: string }[];
}

const VIEW_NAME = /^[a-z_][a-z0-9_]*$/;

/** The view files of an index, or null when it belongs to another snapshot or is malformed. Pure. */
export function viewSeedFiles(index: unknown, manifestVersion: string): ViewSeedIndex['views'] | null {
  const i = index as Partial<ViewSeedIndex> | null;
  if (!i || i.version !== manifestVersion || !Array.isArray(i.views)) return null;
  const ok = i.views.every((v) => v && typeof v.name === 'string' && VIEW_NAME.test(v.name) && v.file === `${v.name}.parquet` && typeof v.sha256 === 'string');
  return ok ? i.views : null;
}
