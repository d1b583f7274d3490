// Ingest throughput, end to end, on a synthetic corpus written for the run: documents/s (files
// read, extracted in worker threads, assembled and written as a partitioned snapshot), the
// phases, peak memory and the snapshot's size. The corpus and snapshot go to a temp folder
// and are removed. Prints a table and writes test/artifacts/bench-ingest.json; asserts nothing.
//
//   npm run bench:ingest [-- --units 200 --years 2015-2024]   (default: 2,000 documents)
//   npm run bench:ingest -- --docs DIR [--out SNAPSHOT]     (an existing corpus, e.g. a province
//     written by npm run synth; --out keeps the snapshot, for bench:app --snapshot)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IngestTiming, Manifest } from './lib/ingest/run.ts';
import { TIMING_FILE } from './lib/ingest/run.ts';
import { REPO_ROOT } from './lib/ingest/paths.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const units = arg('--units', '200');
const years = arg('--years', '2015-2024');
const givenDocs = process.argv.includes('--docs') ? resolve(arg('--docs', '')) : null;
const keepOut = process.argv.includes('--out') ? resolve(arg('--out', '')) : null;
export const TARGET_DOCS_PER_S = 500;

const dirSize = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);

const root = mkdtempSync(join(tmpdir(), 'fl-bench-ingest-'));
try {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const run = (script: string, args: string[]) => {
    const r = spawnSync(tsx, [join(REPO_ROOT, 'scripts', script), ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr.slice(-2000)}`);
  };
  const docsDir = givenDocs ?? join(root, 'corpus', 'docs');
  if (!givenDocs) run('synth.ts', ['--units', units, '--years', years, '--seed', 'bench', '--out', join(root, 'corpus'), '--quiet']);
  const docs = readdirSync(docsDir).length;
  const inputBytes = dirSize(docsDir);
  const snap = keepOut ?? join(root, 'snapshot');
  const spawned = performance.now();
  run('ingest.ts', [docsDir, '--out', snap, '--no-cache', '--quiet']);
  // The ingest times itself from its first step to its last write; the process also starts
  // Node and tsx and swaps the snapshot in.
  const processSeconds = Math.round((performance.now() - spawned) / 100) / 10;
  const m = JSON.parse(readFileSync(join(snap, 'manifest.json'), 'utf8')) as Manifest;
  const timing = JSON.parse(readFileSync(join(snap, TIMING_FILE), 'utf8')) as IngestTiming;
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100 },
    documents: docs,
    input_mib: Math.round((inputBytes / 2 ** 20) * 10) / 10,
    ...timing,
    process_seconds: processSeconds,
    corpus: givenDocs ?? `npm run synth -- --units ${units} --years ${years} --seed bench`,
    snapshot_mib: Math.round((dirSize(snap) / 2 ** 20) * 10) / 10,
    rows: Object.fromEntries(Object.entries(m.tables).map(([k, t]) => [k, t.rows])),
    target_docs_per_second: TARGET_DOCS_PER_S,
  };
  console.log(
    [
      `ingest of ${docs} synthetic documents (${result.input_mib} MiB), ${timing.jobs} worker threads, no record cache`,
      `  documents/s       ${String(timing.docs_per_second).padStart(8)}   target ≥ ${TARGET_DOCS_PER_S}`,
      `  total             ${String(timing.seconds).padStart(8)} s  (read and extract ${timing.extract_seconds} s, assemble and write ${timing.assemble_seconds} s); the process, start to exit: ${processSeconds} s`,
      `  assembly          ${Object.entries(timing.phases).map(([k, v]) => `${k} ${v} s`).join(', ')}`,
      `  peak memory       ${String(timing.peak_rss_mib).padStart(8)} MiB (peak RSS of the ingest process, worker threads and DuckDB included)`,
      `  snapshot          ${String(result.snapshot_mib).padStart(8)} MiB, ${m.tables.facts!.rows} facts in ${m.tables.facts!.parts.length} partitions`,
    ].join('\n'),
  );
  const out = join(REPO_ROOT, 'test', 'artifacts');
  mkdirSync(out, { recursive: true });
  const name = givenDocs ? 'bench-ingest-scale.json' : 'bench-ingest.json';
  writeFileSync(join(out, name), JSON.stringify(result, null, 2) + '\n');
  console.log(`bench-ingest: wrote test/artifacts/${name}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
