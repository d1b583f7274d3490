// Recomputes the region-level aggregates (src/lib/sql/aggregates.sql) of an existing snapshot
// from its Parquet tables, and records them in its manifest: for a snapshot written before the
// aggregates existed or changed, without ingesting its documents again.
//   npm run aggregates -- <snapshot folder>
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from './lib/ingest/run.ts';
import { contentVersion } from './lib/ingest/run.ts';
import { openSnapshot } from './lib/sql.ts';
import { AGGREGATES, sqlString } from '../src/lib/sql/index.ts';

const dir = resolve(process.argv[2] ?? 'data/snapshot');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const t0 = performance.now();
const db = await openSnapshot(dir);
try {
  manifest.aggregates = {};
  mkdirSync(join(dir, 'aggregates'), { recursive: true });
  for (const name of AGGREGATES) {
    const file = `aggregates/${name}.parquet`;
    const path = join(dir, 'aggregates', `${name}.parquet`);
    await db.conn.run(`COPY (SELECT * FROM ${name} ORDER BY ALL) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
    const bytes = readFileSync(path);
    const [{ n }] = await db.query<{ n: number }>(`SELECT num_rows::INTEGER AS n FROM parquet_file_metadata(${sqlString(path)})`);
    manifest.aggregates[name] = { file, rows: n!, bytes: bytes.length, sha256: sha256(bytes) };
    console.log(`aggregates: ${name} ${n} rows, ${(bytes.length / 1024).toFixed(1)} KiB`);
  }
} finally {
  db.close();
}
manifest.version = contentVersion(manifest.tables, manifest.aggregates);
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`aggregates: ${dir} (version ${manifest.version}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
