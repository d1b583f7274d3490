// Opens a snapshot in the browser's DuckDB: fetches manifest.json, registers each table's
// Parquet file, creates the base views exactly as the Node loader does (CREATE VIEW facts AS
// SELECT * FROM read_parquet('facts.parquet')), then runs the analytic SQL files in order.
import { TABLES } from '../snapshot/schema.ts';
import { baseViewSql, quoteIdent, viewsIn } from '../sql/index.ts';
import type { Db } from './duckdb.ts';
import type { Manifest } from './manifest.ts';
import { checkManifest, emptyViewSql, fileUrl } from './manifest.ts';
import type { SqlSource } from './sql-order.ts';

export interface SnapshotInfo {
  manifestUrl: string;
  manifest: Manifest;
  /** Tables with a Parquet file in this snapshot (findings only once it has one). */
  tables: string[];
  /** Views created by the SQL files. */
  views: string[];
  /** SQL files that failed (the rest of the app still works). */
  viewErrors: { file: string; message: string }[];
  ms: { manifest: number; files: number; views: number };
}

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
  return checkManifest(await (await fetchOk(manifestUrl, preloaded ? {} : { cache: 'no-cache' })).json());
}

export async function openSnapshot(dbP: Promise<Db>, manifestUrl: string, sqlFiles: SqlSource[], manifestP: Promise<Manifest> = fetchManifest(manifestUrl)): Promise<SnapshotInfo> {
  const t0 = performance.now();
  // The manifest and the Parquet files download while the wasm module compiles.
  const manifest = await manifestP;
  const t1 = performance.now();
  const entries = Object.entries(manifest.tables);
  const buffers = entries.map(async ([name, t]) => {
    const buf = await (await fetchOk(fileUrl(manifestUrl, t.file, t.sha256))).arrayBuffer();
    if (t.sha256 && crypto.subtle) {
      const got = await sha256Hex(buf);
      if (got !== t.sha256) throw new Error(`${t.file}: checksum does not match the manifest`);
    }
    return [name, t.file, new Uint8Array(buf)] as const;
  });
  const { db, conn } = await dbP;
  const files = await Promise.all(buffers);
  // Few round trips to the worker: registrations pipelined, the views in one statement list.
  await Promise.all(files.map(([, file, bytes]) => db.registerFileBuffer(file, bytes)));
  const baseSql = [
    ...files.map(([name, file]) => baseViewSql(name, file)),
    // A base table the snapshot lacks still exists, empty, so that every view can be created.
    ...TABLES.filter((t) => !(t.name in manifest.tables)).map(emptyViewSql),
  ];
  await conn.query(baseSql.join(';\n'));
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
  const t3 = performance.now();
  return {
    manifestUrl,
    manifest,
    tables: entries.map(([n]) => n),
    views,
    viewErrors,
    ms: { manifest: t1 - t0, files: t2 - t1, views: t3 - t2 },
  };
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
    const cache = quoteIdent(`__cache_${name}`);
    await conn.query(`CREATE OR REPLACE TABLE ${cache} AS SELECT * FROM ${quoteIdent(name)}`);
    await conn.query(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM ${cache}`);
  }
  return performance.now() - t0;
}
