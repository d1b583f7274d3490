// Recomputes the region-level aggregates (src/lib/sql/aggregates.sql) of an existing snapshot
// from its Parquet tables, and records them in its manifest: for a snapshot written before the
// aggregates existed or changed, without ingesting its documents again; and the answers to every
// page's first charts at the scope the app opens such a snapshot on (aggregates/seed.json).
//   npm run aggregates -- <snapshot folder> [--seed-only]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from './lib/ingest/run.ts';
import { contentVersion } from './lib/ingest/run.ts';
import { writeAggregates } from './lib/ingest/assemble.ts';
import { writeScaleSeed } from './lib/app/seed.ts';
import { openSnapshot } from './lib/sql.ts';

const args = process.argv.slice(2);
/** --seed-only: the aggregates are current, only their seed is written again. */
const seedOnly = args.includes('--seed-only');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'data/snapshot');
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const t0 = performance.now();
if (!seedOnly) {
  const db = await openSnapshot(dir);
  try {
    manifest.aggregates = await writeAggregates(db.conn, dir);
    for (const [name, a] of Object.entries(manifest.aggregates)) console.log(`aggregates: ${name} ${a.rows} rows, ${(a.bytes / 1024).toFixed(1)} KiB`);
  } finally {
    db.close();
  }
  manifest.version = contentVersion(manifest.tables, manifest.aggregates);
}
// Every page's first charts at the scope the app opens it on, answered ahead (read in place).
manifest.files ??= {};
const seed = await writeScaleSeed(dir, manifest);
if (seed) console.log(`aggregates: ${seed} ${(manifest.files[seed]!.bytes / 1024).toFixed(1)} KiB`);
else console.log('aggregates: no seed (the snapshot has no document with a fiscal year)');
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`aggregates: ${dir} (version ${manifest.version}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
