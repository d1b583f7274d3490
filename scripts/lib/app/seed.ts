// Builds the seed (src/lib/db/seed.ts): the unfiltered pages' first queries run by Node's DuckDB
// over data/snapshot — the same SQL files, the same SQL text the browser sends — written to
// static/seed/queries.json for the build to embed. Rewritten only when its content changes, so
// an unchanged snapshot does not make the build look stale.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EMPTY_FILTERS } from '../../../src/lib/app/filters.ts';
import type { Query } from '../../../src/lib/app/queries/overview-sql.ts';
import { COLUMNS_QUERY } from '../../../src/lib/app/queries/findings-sql.ts';
import { SCALE_SEED_FILE, embeddedSeedQueries, openingFilters, scaleSeedQueries } from '../../../src/lib/app/queries/scale-seed.ts';
import { AGGREGATES, quoteIdent, sqlString } from '../../../src/lib/sql/index.ts';
import type { OpenSnapshot } from '../sql.ts';
import type { SeedFile } from '../../../src/lib/db/seed.ts';
import { openSnapshot } from '../sql.ts';

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
