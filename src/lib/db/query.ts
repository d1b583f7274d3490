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

/** How a query is asked for (every field optional). */
export interface QueryOpts {
  /**
   * Aborted once the answer is no longer wanted (the page's inputs changed): a query still
   * waiting for its turn is then never sent, and rejects with an AbortError. One already sent
   * runs to its end (DuckDB-wasm cannot stop it) and answers as usual.
   */
  signal?: AbortSignal;
  /** Among the queries waiting, a higher one is sent first (the page's first chart: 1); equal ones in the order asked. */
  priority?: number;
  /**
   * Asked ahead of its page (a filter change starts, src/lib/app/ahead.svelte.ts): the answer
   * is handed to the next query of the same SQL text and parameters, if one comes within
   * AHEAD_MS, instead of that query being sent again.
   */
  ahead?: boolean;
}

/** How long an answer asked ahead waits for the query it was asked for. */
export const AHEAD_MS = 2000;
const aheadOf = new Map<string, Promise<Table>>();

/** The rejection of a query that was dropped before it was sent. */
export class QueryAbortedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('query dropped: its answer was no longer wanted');
  }
}

/** Whether `e` is the rejection of an abandoned query (callers ignore it). */
export function isAbort(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'AbortError';
}

/** Whether no query has run or waited for `ms` milliseconds (background work waits for that). */
export function idleFor(ms: number): boolean {
  return inFlight === 0 && waiting.length === 0 && performance.now() - lastDone >= ms;
}

/**
 * Forgets prepared statements after the catalog changed under them (they are prepared again
 * on next use; the old ones are left alone, a query may still be running on one).
 */
export function resetPrepared(): void {
  prepared.clear();
}

let gate: Promise<unknown> = Promise.resolve();

/** Queries wait for `p` before they are sent (the base views are being pointed at other files). */
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

/**
 * Recent query timings (ms), for the benchmark and for looking at a slow page: `at` when it
 * was sent, `ms` until its answer, `waited` ms in the queue before it was sent. A query
 * dropped before it was sent is logged as '[dropped] …' with ms 0.
 */
export const queryLog: { sql: string; ms: number; at: number; waited?: number }[] = [];
/** Queries running or waiting now (the benchmark waits for none before it changes a filter). */
export const queriesPending = (): number => inFlight + waiting.length;
if (typeof window !== 'undefined') Object.assign(window, { __fiscallensQueries: queryLog, __fiscallensPending: queriesPending });

function log(entry: (typeof queryLog)[number]): void {
  queryLog.push(entry);
  if (queryLog.length > 200) queryLog.splice(0, queryLog.length - 200);
}
const short = (sql: string, n: number) => sql.replace(/\s+/g, ' ').slice(0, n);

// The queue. DuckDB-wasm runs the queries of a connection one at a time, in the order they
// arrive, and a query sent cannot be taken back. So they are sent from here one at a time (the
// first chart's together, see pump): a query waits in this queue (where it can still be
// dropped, or overtaken by a query of higher priority) until the one before it has answered.
interface Job {
  sql: string;
  params: readonly Param[];
  priority: number;
  asked: number;
  conn: Db['conn'];
  signal: AbortSignal | undefined;
  onAbort: () => void;
  resolve: (t: Table) => void;
  reject: (e: unknown) => void;
}
const waiting: Job[] = [];
let pumping = false;

/** The next job: highest priority, then first asked. */
function peekNext(): Job | undefined {
  let best: Job | undefined;
  for (const j of waiting) if (!best || j.priority > best.priority) best = j;
  return best;
}

function drop(job: Job): void {
  const i = waiting.indexOf(job);
  if (i >= 0) waiting.splice(i, 1);
  log({ sql: `[dropped] ${short(job.sql, 50)}`, ms: 0, at: performance.now(), waited: performance.now() - job.asked });
  job.reject(new QueryAbortedError());
}

/**
 * Resolves in a later task (a message to itself: no timer clamping). The queue starts after
 * it, so that the queries asked in the same task (the panels of a page) go by priority.
 */
const nextTaskWaiters: (() => void)[] = [];
let channel: MessageChannel | null = null;
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => nextTaskWaiters.splice(0).forEach((r) => r());
    // Node (the tests): the port must not keep the process alive.
    (channel.port1 as unknown as { unref?: () => void }).unref?.();
  }
  return new Promise((r) => {
    if (nextTaskWaiters.push(r) === 1) channel!.port2.postMessage(null);
  });
}

/** The queries sent and not answered yet. */
const running: Job[] = [];
/** Sent together: the first chart's queries (priority ≥ 1) while only such queries run. */
const FIRST = 1;

/**
 * Sends the next queries when their turn comes: one at a time, except that a first chart's
 * query (priority ≥ FIRST) also goes while only first charts' queries run — they are all
 * wanted, and the worker starts the next as soon as one ends instead of after a round trip
 * through a main thread that may be busy. `fresh`: a query was just asked (the queue waits a
 * task first, for the others asked with it).
 */
async function pump(fresh: boolean): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    if (fresh) await nextTask();
    for (;;) {
      // The gate may be replaced while it is waited for: the latest one is passed first.
      for (let g = gate; ; g = gate) {
        await g;
        if (g === gate) break;
      }
      const next = peekNext();
      if (!next) break;
      if (running.length && !(next.priority >= FIRST && running.every((j) => j.priority >= FIRST))) break;
      waiting.splice(waiting.indexOf(next), 1);
      next.signal?.removeEventListener('abort', next.onAbort);
      if (next.signal?.aborted) {
        drop(next);
        continue;
      }
      run(next);
    }
  } finally {
    pumping = false;
  }
}

function run(job: Job): void {
  const t0 = performance.now();
  running.push(job);
  inFlight++;
  (async () => {
    try {
      let stmt = prepared.get(job.sql);
      if (!stmt) {
        const p = job.conn.prepare(job.sql);
        prepared.set(job.sql, p);
        p.catch(() => {
          if (prepared.get(job.sql) === p) prepared.delete(job.sql);
        });
        stmt = p;
      }
      const result = await (await stmt).query(...job.params);
      log({ sql: short(job.sql, 60), ms: performance.now() - t0, at: t0, waited: t0 - job.asked });
      job.resolve(result);
    } catch (e) {
      job.reject(e);
    } finally {
      running.splice(running.indexOf(job), 1);
      inFlight--;
      lastDone = performance.now();
      void pump(false);
    }
  })();
}

/**
 * Runs `sql` with `params` bound to its `?` placeholders; the result as an Arrow table. Sent
 * to DuckDB in its turn (see QueryOpts), never if `opts.signal` is aborted before then.
 */
export async function query(sql: string, params: readonly Param[] = [], opts: QueryOpts = {}): Promise<Table> {
  if (!dbPromise) throw new Error('the database is not open yet');
  check(params);
  const key = seedKey(sql, params);
  if (opts.ahead) {
    const p = send(sql, params, opts);
    aheadOf.set(key, p);
    p.catch(() => {});
    setTimeout(() => {
      if (aheadOf.get(key) === p) {
        aheadOf.delete(key);
        log({ sql: `[unused] ${short(sql, 51)}`, ms: 0, at: performance.now() });
      }
    }, AHEAD_MS);
    return p;
  }
  const early = aheadOf.get(key);
  if (early) {
    aheadOf.delete(key);
    // Dropped (a newer change came before it was sent): asked again, for this caller.
    return early.catch((e: unknown) => (isAbort(e) ? send(sql, params, opts) : Promise.reject(e)));
  }
  return send(sql, params, opts);
}

/** Into the queue. */
async function send(sql: string, params: readonly Param[], opts: QueryOpts): Promise<Table> {
  const { signal } = opts;
  if (signal?.aborted) throw new QueryAbortedError();
  const { conn } = await dbPromise!;
  if (signal?.aborted) throw new QueryAbortedError();
  return new Promise<Table>((resolve, reject) => {
    const job: Job = { sql, params, priority: opts.priority ?? 0, asked: performance.now(), conn, signal, onAbort: () => drop(job), resolve, reject };
    signal?.addEventListener('abort', job.onAbort, { once: true });
    waiting.push(job);
    void pump(true);
  });
}

/**
 * Same, as plain row objects (from the seed while the database is not up yet). `asRun`: the
 * same question as the database should run it (over tables the seed writer does not have, see
 * src/lib/db/rollups.ts); the seed still answers it by `sql` and `params`.
 */
export async function queryRows<T = Row>(sql: string, params: readonly Param[] = [], asRun?: { sql: string; params: readonly Param[] }, opts: QueryOpts = {}): Promise<T[]> {
  if (seed && !live) {
    const t0 = performance.now();
    const hit = (await seed.catch(() => null))?.get(seedKey(sql, params));
    if (hit && !live) {
      log({ sql: `[seed] ${short(sql, 53)}`, ms: performance.now() - t0, at: t0 });
      seedAnsweredNow();
      return structuredClone(hit) as T[];
    }
  }
  return toRows<T>(await (asRun ? query(asRun.sql, asRun.params, opts) : query(sql, params, opts)));
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
