// Builds the seed (src/lib/db/seed.ts): the unfiltered pages' first queries run by Node's DuckDB
// over data/snapshot — the same SQL files, the same SQL text the browser sends — written to
// static/seed/queries.json for the build to embed. Rewritten only when its content changes, so
// an unchanged snapshot does not make the build look stale.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EMPTY_FILTERS } from '../../../src/lib/app/filters.ts';
import type { Query } from '../../../src/lib/app/queries/overview-sql.ts';
import { COLUMNS_QUERY } from '../../../src/lib/app/queries/findings-sql.ts';
import { SCALE_SEED_FILE, embeddedSeedQueries, openingFilters, scaleSeedQueries } from '../../../src/lib/app/queries/scale-seed.ts';
import { AGGREGATES, SQL_FILES, quoteIdent, sqlString, viewsIn } from '../../../src/lib/sql/index.ts';
import type { ViewSeedIndex } from '../../../src/lib/db/seed.ts';
import { VIEW_SEED_INDEX } from '../../../src/lib/db/seed.ts';
import type { OpenSnapshot } from '../sql.ts';
import type { SeedFile } from '../../../src/lib/db/seed.ts';
import { openSnapshot, readSql } from '../sql.ts';

/** JSON-safe values as the browser's DuckDB returns them (BIGINT as a double). */
function plainRow(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

async function answers(db: OpenSnapshot, version: string, queries: Query[]): Promise<SeedFile> {
  const seed: SeedFile = { version, entries: [] };
  for (const q of queries) {
    const rows = (await db.query(q.sql, q.params as (string | number | boolean | null)[])).map(plainRow);
    seed.entries.push({ sql: q.sql, params: q.params, rows });
  }
  return seed;
}

export async function writeSeed(snapshotDir: string, outFile: string): Promise<boolean> {
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as { version: string };
  const db = await openSnapshot(snapshotDir);
  try {
    const cols = new Set((await db.query<{ c: string }>(COLUMNS_QUERY.sql, COLUMNS_QUERY.params as string[])).map((r) => r.c));
    const text = JSON.stringify(await answers(db, manifest.version, embeddedSeedQueries(EMPTY_FILTERS, cols))) + '\n';
    if (existsSync(outFile) && readFileSync(outFile, 'utf8') === text) return false;
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, text);
    return true;
  } finally {
    db.close();
  }
}

/**
 * The seed of a snapshot read in place (src/lib/app/queries/scale-seed.ts): every page's first
 * charts at the scope it opens on (its latest year), answered from its aggregate files as the
 * browser reads them, written to <snapshot>/aggregates/seed.json for the manifest's version and
 * listed in the manifest's `files` (the caller writes the manifest). Returns the file's name,
 * or null for a snapshot with no fiscal year (nothing to open on).
 */
export async function writeScaleSeed(
  snapshotDir: string,
  manifest: { version: string; tables: Record<string, { parts: { fiscal_year?: number | null }[] }>; aggregates?: Record<string, { file: string }>; files: Record<string, { bytes: number; sha256: string }> },
): Promise<string | null> {
  const years = (manifest.tables.documents?.parts ?? []).map((p) => p.fiscal_year).filter((y): y is number => typeof y === 'number');
  if (!years.length) return null;
  const db = await openSnapshot(snapshotDir);
  try {
    for (const name of AGGREGATES) {
      const a = manifest.aggregates?.[name];
      if (!a) throw new Error(`seed: the manifest lists no ${name}`);
      await db.conn.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet(${sqlString(join(snapshotDir, ...a.file.split('/')))})`);
    }
    const bytes = Buffer.from(JSON.stringify(await answers(db, manifest.version, scaleSeedQueries(openingFilters(Math.max(...years))))) + '\n');
    const path = join(snapshotDir, ...SCALE_SEED_FILE.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    manifest.files[SCALE_SEED_FILE] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    return SCALE_SEED_FILE;
  } finally {
    db.close();
  }
}

/**
 * The embedded snapshot's analytic views, computed at build time: every view of the SQL files
 * (in their order) run by Node's DuckDB over the snapshot and written as one Parquet file each
 * to `outDir`, with an index (VIEW_SEED_INDEX: the snapshot version, each file's size and
 * checksum). The browser loads them into tables when it opens the snapshot, instead of
 * computing each view on DuckDB-wasm's one thread while the page is in use (the snapshot never
 * changes in the browser; the views it creates from the same SQL files read these tables).
 * Rows sorted (ORDER BY ALL) on one thread, so every run writes the same bytes; files are rewritten only
 * when their bytes change. Returns whether anything changed.
 */
export async function writeViewSeed(snapshotDir: string, outDir: string): Promise<boolean> {
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as { version: string };
  const db = await openSnapshot(snapshotDir);
  const tmp = mkdtempSync(join(dirname(outDir), '.views-'));
  let changed = false;
  try {
    await db.conn.run('SET threads = 1');
    const index: ViewSeedIndex = { version: manifest.version, views: [] };
    for (const name of SQL_FILES.flatMap((f) => viewsIn(readSql(f)))) {
      const file = `${name}.parquet`;
      const path = join(tmp, file);
      await db.conn.run(`COPY (SELECT * FROM ${quoteIdent(name)} ORDER BY ALL) TO ${sqlString(path)} (FORMAT PARQUET, COMPRESSION zstd)`);
      const bytes = readFileSync(path);
      index.views.push({ name, file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    mkdirSync(outDir, { recursive: true });
    const keep = new Set([VIEW_SEED_INDEX, ...index.views.map((v) => v.file)]);
    for (const f of readdirSync(outDir)) if (!keep.has(f)) (rmSync(join(outDir, f), { force: true }), (changed = true));
    for (const v of index.views) {
      const bytes = readFileSync(join(tmp, v.file));
      const dst = join(outDir, v.file);
      if (existsSync(dst) && readFileSync(dst).equals(bytes)) continue;
      writeFileSync(dst, bytes);
      changed = true;
    }
    // The index last: it names only files that are there.
    const text = JSON.stringify(index) + '\n';
    const at = join(outDir, VIEW_SEED_INDEX);
    if (!existsSync(at) || readFileSync(at, 'utf8') !== text) (writeFileSync(at, text), (changed = true));
    return changed;
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
