// Builds the seed (src/lib/db/seed.ts): the unfiltered first page's queries run by Node's DuckDB
// over data/snapshot — the same SQL files, the same SQL text the browser sends — written to
// static/seed/queries.json for the build to embed. Rewritten only when its content changes, so
// an unchanged snapshot does not make the build look stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EMPTY_FILTERS } from '../../../src/lib/app/filters.ts';
import { seedQueries } from '../../../src/lib/app/queries/overview-sql.ts';
import type { SeedFile } from '../../../src/lib/db/seed.ts';
import { openSnapshot } from '../sql.ts';

/** JSON-safe values as the browser's DuckDB returns them (BIGINT as a double). */
function plainRow(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

export async function writeSeed(snapshotDir: string, outFile: string): Promise<boolean> {
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as { version: string };
  const db = await openSnapshot(snapshotDir);
  try {
    const seed: SeedFile = { version: manifest.version, entries: [] };
    for (const q of seedQueries(EMPTY_FILTERS)) {
      const rows = (await db.query(q.sql, q.params as (string | number | boolean | null)[])).map(plainRow);
      seed.entries.push({ sql: q.sql, params: q.params, rows });
    }
    const text = JSON.stringify(seed) + '\n';
    if (existsSync(outFile) && readFileSync(outFile, 'utf8') === text) return false;
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, text);
    return true;
  } finally {
    db.close();
  }
}
