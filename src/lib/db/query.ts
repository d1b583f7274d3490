// The app's only way to ask DuckDB anything: a SQL text written in the code, with `?`
// placeholders, and its parameters bound by DuckDB — never a SQL string built from user input.
// Prepared statements are kept per SQL text, so a filter change only re-binds values.
import type { AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import type { Db } from './duckdb.ts';
import type { ArrowTable as Table, Row } from './rows.ts';
import { toRows } from './rows.ts';
import { seedKey } from './seed.ts';
import type { Param } from './where.ts';

let dbPromise: Promise<Db> | null = null;
const prepared = new Map<string, Promise<AsyncPreparedStatement>>();
let inFlight = 0;
let lastDone = 0;

/** Whether no query has run for `ms` milliseconds (background work waits for that). */
export function idleFor(ms: number): boolean {
  return inFlight === 0 && performance.now() - lastDone >= ms;
}

/**
 * Forgets prepared statements after the catalog changed under them (they are prepared again
 * on next use; the old ones are left alone, a query may still be running on one).
 */
export function resetPrepared(): void {
  prepared.clear();
}

let gate: Promise<unknown> = Promise.resolve();

/** Queries wait for `p` before running (the base views are being pointed at other files). */
export function setGate(p: Promise<unknown>): void {
  gate = p.catch(() => {});
}

let seed: Promise<Map<string, Row[]> | null> | null = null;
let live = false;
let seedAnsweredNow: () => void = () => {};
/** Resolves when the seed has answered a query (the page is drawing from it). */
export const seedAnswered = new Promise<void>((r) => (seedAnsweredNow = r));

/**
 * Points the query layer at the database; `db` resolves once the snapshot's views exist.
 * `seedAnswers` (optional) answers the first page's exact queries until then.
 */
export function useDb(db: Promise<Db>, seedAnswers: Promise<Map<string, Row[]> | null> | null = null): void {
  dbPromise = db;
  seed = seedAnswers;
  live = false;
  prepared.clear();
  db.then(
    () => (live = true),
    () => {},
  );
}

function check(params: readonly Param[]): void {
  for (const p of params) {
    if (!(p === null || typeof p === 'string' || typeof p === 'boolean' || (typeof p === 'number' && Number.isFinite(p)))) {
      throw new TypeError(`query parameter of unsupported type: ${typeof p}`);
    }
  }
}

/** Recent query timings (ms), for the benchmark and for looking at a slow page. */
export const queryLog: { sql: string; ms: number; at: number }[] = [];
if (typeof window !== 'undefined') (window as unknown as { __fiscallensQueries: typeof queryLog }).__fiscallensQueries = queryLog;

/** Runs `sql` with `params` bound to its `?` placeholders; the result as an Arrow table. */
export async function query(sql: string, params: readonly Param[] = []): Promise<Table> {
  if (!dbPromise) throw new Error('the database is not open yet');
  check(params);
  const { conn } = await dbPromise;
  await gate;
  const t0 = performance.now();
  let stmt = prepared.get(sql);
  if (!stmt) {
    stmt = conn.prepare(sql);
    prepared.set(sql, stmt);
    stmt.catch(() => prepared.delete(sql));
  }
  inFlight++;
  let result: Table;
  try {
    result = await (await stmt).query(...params);
  } finally {
    inFlight--;
    lastDone = performance.now();
  }
  queryLog.push({ sql: sql.replace(/\s+/g, ' ').slice(0, 60), ms: performance.now() - t0, at: t0 });
  if (queryLog.length > 200) queryLog.splice(0, queryLog.length - 200);
  return result;
}

/**
 * Same, as plain row objects (from the seed while the database is not up yet). `asRun`: the
 * same question as the database should run it (over tables the seed writer does not have, see
 * src/lib/db/rollups.ts); the seed still answers it by `sql` and `params`.
 */
export async function queryRows<T = Row>(sql: string, params: readonly Param[] = [], asRun?: { sql: string; params: readonly Param[] }): Promise<T[]> {
  if (seed && !live) {
    const t0 = performance.now();
    const hit = (await seed.catch(() => null))?.get(seedKey(sql, params));
    if (hit && !live) {
      queryLog.push({ sql: `[seed] ${sql.replace(/\s+/g, ' ').slice(0, 53)}`, ms: performance.now() - t0, at: t0 });
      seedAnsweredNow();
      return structuredClone(hit) as T[];
    }
  }
  return toRows<T>(await (asRun ? query(asRun.sql, asRun.params) : query(sql, params)));
}

/**
 * The result of a bound query as a Parquet file: the rows go through an Arrow table into a
 * scratch table, which DuckDB writes out — no value is ever spliced into SQL text.
 */
export async function queryToParquet(sql: string, params: readonly Param[] = []): Promise<Uint8Array> {
  const table = await query(sql, params);
  const { db, conn } = await dbPromise!;
  const name = `export_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const file = `${name}.parquet`;
  await conn.insertArrowTable(table, { name, create: true });
  try {
    await conn.query(`COPY ${name} TO '${file}' (FORMAT PARQUET)`);
    return await db.copyFileToBuffer(file);
  } finally {
    await conn.query(`DROP TABLE IF EXISTS ${name}`);
    await db.dropFile(file).catch(() => {});
  }
}
