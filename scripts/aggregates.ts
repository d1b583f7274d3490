// Recomputes the region-level aggregates (src/lib/sql/aggregates.sql) of an existing snapshot
// from its Parquet tables, and records them in its manifest: for a snapshot written before the
// aggregates existed or changed, without ingesting its documents again.
//   npm run aggregates -- <snapshot folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from './lib/ingest/run.ts';
import { contentVersion } from './lib/ingest/run.ts';
import { writeAggregates } from './lib/ingest/assemble.ts';
import { openSnapshot } from './lib/sql.ts';

const dir = resolve(process.argv[2] ?? 'data/snapshot');
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const t0 = performance.now();
const db = await openSnapshot(dir);
try {
  manifest.aggregates = await writeAggregates(db.conn, dir);
  for (const [name, a] of Object.entries(manifest.aggregates)) console.log(`aggregates: ${name} ${a.rows} rows, ${(a.bytes / 1024).toFixed(1)} KiB`);
} finally {
  db.close();
}
manifest.version = contentVersion(manifest.tables, manifest.aggregates);
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`aggregates: ${dir} (version ${manifest.version}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
