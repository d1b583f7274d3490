// Opens a snapshot in the browser's DuckDB: fetches manifest.json, registers the Parquet files
// of every table (all partitions), creates the base views exactly as the Node loader does
// (CREATE VIEW facts AS SELECT * FROM read_parquet([...])), then runs the analytic SQL files in
// order. A small snapshot is downloaded whole, checked against its checksums and kept in
// memory. A large one (a province, ten years) is read in place: it opens on its region-level
// aggregates (downloaded whole, a few MB) and its units; the partitioned tables start as empty
// views and are pointed at files only when a page needs detail rows (applyScope), then at the
// partitions of the active filters (year range, province) alone: their files are registered by
// URL and DuckDB fetches by HTTP range only the footers, row groups and columns a query touches.
import { TABLES } from '../snapshot/schema.ts';
import { baseViewSql, quoteIdent, sqlString, viewsIn } from '../sql/index.ts';
import type { Db } from './duckdb.ts';
import type { Manifest, ManifestPart, Scope } from './manifest.ts';
import { checkManifest, fileUrl, manifestBytes, partsFor } from './manifest.ts';
import { ROLLUPS, rollupSql } from './rollups.ts';
import type { SqlSource } from './sql-order.ts';

/** Above this many bytes of Parquet, a snapshot is read in place rather than downloaded. */
export const EAGER_BYTES = 48 * 2 ** 20;

export interface SnapshotInfo {
  manifestUrl: string;
  manifest: Manifest;
  /** Tables with files in this snapshot. */
  tables: string[];
  /** Views created by the SQL files. */
  views: string[];
  /** SQL files that failed (the rest of the app still works). */
  viewErrors: { file: string; message: string }[];
  /** 'memory': downloaded whole; 'ranges': read in place, partitions pruned by the filters. */
  mode: 'memory' | 'ranges';
  /**
   * The scope the base views currently cover (always everything in 'memory' mode); null: read
   * in place and no detail asked for yet (the partitioned tables are empty views).
   */
  scope: Scope | null;
  /** Tables and views already computed into tables when it opened (see cacheViews). */
  cached: string[];
  /** Durations, and `db`: when DuckDB-wasm had started (ms since navigation start). */
  ms: { manifest: number; files: number; views: number; db: number };
}

/** A view computed at build time: its Parquet file's URL and checksum. */
export interface PrecomputedView {
  name: string;
  url: string;
  sha256: string;
}

/** The DuckDB file name a precomputed view is registered under. */
const viewFile = (name: string) => `__views/${name}.parquet`;

export const ALL: Scope = Object.freeze({ yearFrom: null, yearTo: null, province: null });

async function sha256Hex(buf: ArrayBuffer): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', buf);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}: ${url}`);
  return r;
}

/**
 * The snapshot's manifest.json, checked. `preloaded`: the page preloads it (default cache mode
 * so the preload is used; the embedded one is served with no-cache anyway); otherwise always
 * revalidated.
 */
export async function fetchManifest(manifestUrl: string, preloaded = false): Promise<Manifest> {
  // Another snapshot's manifest may already be on its way (requested by app.html's first script).
  const early = typeof window === 'undefined' ? undefined : (window as { __fiscallensManifest?: { url: string; response: Promise<Response> } }).__fiscallensManifest;
  if (early?.url === manifestUrl) {
    delete (window as { __fiscallensManifest?: unknown }).__fiscallensManifest;
    const r = await early.response.catch(() => null);
    if (r?.ok) return checkManifest(await r.json());
  }
  return checkManifest(await (await fetchOk(manifestUrl, preloaded ? {} : { cache: 'no-cache' })).json());
}

/** The base views of the tables over the given files. */
function baseViews(manifest: Manifest, files: (name: string) => ManifestPart[]): string[] {
  return TABLES.map((t) => baseViewSql(t.name, t.name in manifest.tables ? files(t.name).map((p) => p.file) : []));
}

export async function openSnapshot(
  dbP: Promise<Db>,
  manifestUrl: string,
  sqlFiles: SqlSource[],
  manifestP: Promise<Manifest> = fetchManifest(manifestUrl),
  /** Read in place even when small (how the tests exercise a province-scale snapshot's path). */
  inPlace = false,
  /**
   * The analytic views computed at build time (the embedded snapshot: static/seed/views, for
   * this manifest's version), or null. A downloaded snapshot then opens with every table and
   * those views already in tables (see cacheViews), so no query ever runs a view's SQL.
   */
  precomputed: Promise<PrecomputedView[] | null> | null = null,
  /**
   * Read in place: the aggregates are read into tables once this resolves (the page has drawn
   * its first charts from the snapshot's seed: the worker's work then no longer competes with
   * that drawing for the machine's cores).
   */
  tablesAfter: Promise<unknown> = Promise.resolve(),
): Promise<SnapshotInfo> {
  const t0 = performance.now();
  // The manifest and the Parquet files download while the wasm module compiles.
  const manifest = await manifestP;
  const t1 = performance.now();
  const entries = Object.entries(manifest.tables);
  const mode: SnapshotInfo['mode'] = inPlace || manifestBytes(manifest) > EAGER_BYTES ? 'ranges' : 'memory';
  let registered: Promise<unknown>;
  /** The precomputed views that downloaded and checked (the others are computed in the browser). */
  let loadedViews: Promise<string[]> = Promise.resolve([]);
  if (mode === 'memory') {
    const download = async (file: string, url: string, sha256: string | undefined) => {
      const buf = await (await fetchOk(url)).arrayBuffer();
      if (sha256 && crypto.subtle) {
        const got = await sha256Hex(buf);
        if (got !== sha256) throw new Error(`${file}: checksum does not match the manifest`);
      }
      return [file, new Uint8Array(buf)] as const;
    };
    const buffers = entries.flatMap(([, t]) => t.parts).map((p) => download(p.file, fileUrl(manifestUrl, p.file, p.sha256), p.sha256));
    // A view file that fails to download is computed in the browser instead.
    const viewBuffers = (precomputed ?? Promise.resolve(null)).then((list) =>
      Promise.all((list ?? []).map((v) => download(viewFile(v.name), v.url, v.sha256).then((f) => [v.name, f] as const, () => null))),
    );
    const { db } = await dbP;
    const files = await Promise.all(buffers);
    // Few round trips to the worker: registrations pipelined.
    registered = Promise.all(files.map(([file, bytes]) => db.registerFileBuffer(file, bytes)));
    loadedViews = viewBuffers.then(async (vs) => {
      const ok = vs.filter((v) => v != null);
      await Promise.all(ok.map(([, [file, bytes]]) => db.registerFileBuffer(file, bytes)));
      return ok.map(([name]) => name);
    });
  } else {
    // The aggregates and the tables that are not partitioned (units) are small and answer the
    // pages whatever the year: downloaded whole, while the wasm module compiles. The
    // partitioned tables are read by range, once a page asks for detail rows (applyScope).
    const whole = [...Object.values(manifest.aggregates ?? {}), ...entries.filter(([, t]) => !t.partition_by.length).flatMap(([, t]) => t.parts)];
    const buffers = whole.map(async (p) => [p.file, new Uint8Array(await (await fetchOk(fileUrl(manifestUrl, p.file, p.sha256))).arrayBuffer())] as const);
    registered = Promise.all(
      buffers.map(async (b) => {
        const { db } = await dbP;
        const [file, bytes] = await b;
        await db.registerFileBuffer(file, bytes);
      }),
    );
  }
  const { conn } = await dbP;
  const dbAt = performance.now();
  await registered;
  // Downloaded whole, with views computed at build time: every table goes into a table at once
  // and the views are created over those (binding a view over tables reads no Parquet
  // metadata), then each precomputed view is pointed at its own table — the same cache
  // cacheViews builds, made before any query runs, and no query ever runs a view's SQL.
  const loaded = new Set(mode === 'memory' ? await loadedViews : []);
  const cached: string[] = [];
  if (loaded.size) {
    await conn.query(
      [
        ...entries.map(([n, t]) => (t.parts.length ? cacheSql(n, `read_parquet([${t.parts.map((p) => sqlString(p.file)).join(', ')}], hive_partitioning = false)`) : baseViewSql(n, []))),
        ...baseViews(manifest, () => []).filter((_, i) => !(TABLES[i]!.name in manifest.tables)),
        ...[...loaded].map((v) => `CREATE OR REPLACE TABLE ${quoteIdent(`__cache_${v}`)} AS SELECT * FROM read_parquet(${sqlString(viewFile(v))})`),
      ].join(';\n'),
    );
    cached.push(...entries.filter(([, t]) => t.parts.length).map(([n]) => n));
  } else await conn.query(baseViews(manifest, (name) => (mode === 'memory' || !manifest.tables[name]!.partition_by.length ? manifest.tables[name]!.parts : [])).join(';\n'));
  const t2 = performance.now();
  const views: string[] = [];
  const viewErrors: SnapshotInfo['viewErrors'] = [];
  try {
    await conn.query(sqlFiles.map((f) => f.sql).join('\n;\n'));
    for (const f of sqlFiles) views.push(...viewsIn(f.sql));
  } catch {
    // One file failed: run them one by one to know which, and keep the others.
    for (const f of sqlFiles) {
      try {
        await conn.query(f.sql);
        views.push(...viewsIn(f.sql));
      } catch (e) {
        viewErrors.push({ file: f.name, message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  // Read in place: the aggregates come precomputed over every partition, not from the pruned
  // views. They answer every page's filter changes: each is read into a table now, with the
  // tables that are not partitioned (units), before any query runs — not on each query from its
  // Parquet file (a few hundred thousand rows decoded every time), nor in the background while
  // the page is in use (building a large one held the worker through filter changes).
  if (mode === 'ranges') {
    await tablesAfter;
    const whole = entries.filter(([, t]) => !t.partition_by.length && t.parts.length).map(([n]) => n);
    const aggs = Object.entries(manifest.aggregates ?? {});
    // And the province-level rollups of the largest (src/lib/db/rollups.ts), which filters
    // without prefecture and level read.
    await conn.query(
      [
        ...whole.map((n) => cacheSql(n, quoteIdent(n))),
        ...aggs.map(([name, p]) => cacheSql(name, `read_parquet(${sqlString(p.file)})`)),
        ...aggs.filter(([name]) => name in ROLLUPS).map(([name]) => rollupSql(name)),
      ].join(';\n'),
    );
    cached.push(...whole, ...aggs.map(([n]) => n));
  }
  const precomputedViews = views.filter((v) => loaded.has(v));
  if (precomputedViews.length) {
    await conn.query(precomputedViews.map((v) => `CREATE OR REPLACE VIEW ${quoteIdent(v)} AS SELECT * FROM ${quoteIdent(`__cache_${v}`)}`).join(';\n'));
    cached.push(...precomputedViews);
  }
  const t3 = performance.now();
  return {
    manifestUrl,
    manifest,
    tables: entries.map(([n]) => n),
    views,
    viewErrors,
    cached,
    mode,
    scope: mode === 'memory' ? ALL : null,
    ms: { manifest: t1 - t0, files: t2 - t1, views: t3 - t2, db: dbAt },
  };
}

const byUrl = new WeakMap<object, Set<string>>();

/** Registers files of a snapshot read in place by URL (DuckDB reads them by range), each once. */
async function registerUrls(dbP: Promise<Db>, manifestUrl: string, parts: ManifestPart[]): Promise<void> {
  const { db } = await dbP;
  const done = byUrl.get(db) ?? new Set<string>();
  byUrl.set(db, done);
  const todo = parts.filter((p) => !done.has(p.file));
  if (!todo.length) return;
  const { DuckDBDataProtocol } = await import('@duckdb/duckdb-wasm');
  await Promise.all(todo.map((p) => db.registerFileURL(p.file, fileUrl(manifestUrl, p.file, p.sha256), DuckDBDataProtocol.HTTP, false)));
  for (const p of todo) done.add(p.file);
}

const sameScope = (a: Scope | null, b: Scope) => !!a && a.yearFrom === b.yearFrom && a.yearTo === b.yearTo && a.province === b.province;

/**
 * Points the base views of a snapshot read in place at the partitions of `scope`. The
 * analytic views read the base views by name, so they follow. Returns whether anything changed.
 */
export async function applyScope(dbP: Promise<Db>, info: SnapshotInfo, scope: Scope): Promise<boolean> {
  if (info.mode === 'memory' || sameScope(info.scope, scope)) return false;
  const { conn } = await dbP;
  const m = info.manifest;
  const partitioned = TABLES.filter((t) => m.tables[t.name]?.partition_by.length);
  await registerUrls(dbP, info.manifestUrl, partitioned.flatMap((t) => partsFor(m.tables[t.name]!, scope)));
  await conn.query(partitioned.map((t) => baseViewSql(t.name, partsFor(m.tables[t.name]!, scope).map((p) => p.file))).join(';\n'));
  info.scope = { ...scope };
  return true;
}

/** `name` computed from `source` into its cache table, and the view `name` pointed at it. */
function cacheSql(name: string, source: string): string {
  const cache = quoteIdent(`__cache_${name}`);
  return `CREATE OR REPLACE TABLE ${cache} AS SELECT * FROM ${source};\nCREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM ${cache}`;
}

/**
 * A result cache for an immutable snapshot: each base table and each analytic view, in
 * dependency order, is computed once into a table, and the view is pointed at it. The SQL of
 * every view is the one the files define — it just no longer runs on every query. Statement by
 * statement, so the app's own queries get their turn in between; `shouldYield` lets it wait.
 */
export async function cacheViews(dbP: Promise<Db>, names: string[], waitTurn: () => Promise<void>): Promise<number> {
  const { conn } = await dbP;
  const t0 = performance.now();
  for (const name of names) {
    await waitTurn();
    await conn.query(cacheSql(name, quoteIdent(name)));
  }
  return performance.now() - t0;
}
