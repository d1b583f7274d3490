// The one DuckDB-wasm instance of the page, in a Web Worker. Started once, on first use; every
// query shares its single connection (the worker runs them one after another anyway).
// DuckDB's JavaScript (with Arrow) is imported when the database starts, not with the page:
// the first page can draw from the build-time seed without it.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { BUNDLES } from './bundles.ts';

export interface Db {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  bundle: 'eh' | 'mvp';
}

let started: Promise<Db> | null = null;

/**
 * Wasm exception handling (the EH bundle), tested synchronously with the probe module of
 * wasm-feature-detect: the worker then starts in the same tick, not after an await that
 * would wait for the page's own start-up work.
 */
function hasWasmExceptions(): boolean {
  try {
    return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]));
  } catch {
    return false;
  }
}

async function start(): Promise<Db> {
  const bundle = hasWasmExceptions() ? BUNDLES.eh! : BUNDLES.mvp;
  const worker = new Worker(bundle.mainWorker!);
  const duckdb = await import('@duckdb/duckdb-wasm');
  // VoidLogger: DuckDB's own log lines would otherwise land in the console on every query.
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  // Plain JS numbers out of Arrow: counts (BIGINT) and decimals as doubles.
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  return { db, conn, bundle: bundle === BUNDLES.eh ? 'eh' : 'mvp' };
}

/** The instance, started on the first call. */
export function getDb(): Promise<Db> {
  started ??= start().catch((e) => {
    started = null; // a later call may retry
    throw e;
  });
  return started;
}
