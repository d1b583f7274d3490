// npm start: makes sure the embedded snapshot (data/snapshot) is current — ingesting data/raw
// when the snapshot is missing or older than its inputs, the extractor or the unit registry —
// then builds the web app if needed and serves it (scripts/lib/app/serve-app.ts).
import { relative } from 'node:path';
import { ingestIfStale } from './lib/ingest/stale.ts';
import { DEFAULT_OUT_DIR, REPO_ROOT } from './lib/ingest/paths.ts';
import { buildAndServe } from './lib/app/serve-app.ts';

async function main(): Promise<number> {
  let r;
  try {
    r = await ingestIfStale();
  } catch (e) {
    process.stderr.write(`start: the ingest failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  for (const line of r.recovered) process.stderr.write(`start: ${line}\n`);
  const where = relative(process.cwd(), DEFAULT_OUT_DIR) || relative(REPO_ROOT, DEFAULT_OUT_DIR);
  if (r.ran && r.result) {
    const s = r.result.report.summary;
    process.stdout.write(`start: re-ingested (${r.reason}): ${s.documents} documents, ${s.units} units, ${s.facts} facts; ${s.rejected} inputs rejected\n`);
  } else process.stdout.write(`start: ${r.reason}\n`);
  process.stdout.write(`start: snapshot in ${where}/ (manifest.json, DATA_DICTIONARY.md, ingest-report.json, *.parquet)\n`);
  return buildAndServe();
}

process.exitCode = await main();
