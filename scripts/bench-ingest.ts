// Ingest throughput, end to end, on a synthetic corpus written for the run: documents/s (files
// read, extracted in worker threads, assembled and written as a partitioned snapshot), the
// phases, peak memory and the snapshot's size. The corpus and snapshot go to a temp folder
// and are removed. Prints a table and writes test/artifacts/bench-ingest.json; asserts nothing.
//
//   npm run bench:ingest [-- --units 200 --years 2015-2024]   (default: 2,000 documents)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestTiming, Manifest } from './lib/ingest/run.ts';
import { TIMING_FILE } from './lib/ingest/run.ts';
import { REPO_ROOT } from './lib/ingest/paths.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const units = arg('--units', '200');
const years = arg('--years', '2015-2024');
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
  run('synth.ts', ['--units', units, '--years', years, '--seed', 'bench', '--out', join(root, 'corpus'), '--quiet']);
  const docs = readdirSync(join(root, 'corpus', 'docs')).length;
  const inputBytes = dirSize(join(root, 'corpus', 'docs'));
  run('ingest.ts', [join(root, 'corpus', 'docs'), '--out', join(root, 'snapshot'), '--no-cache', '--quiet']);
  const m = JSON.parse(readFileSync(join(root, 'snapshot', 'manifest.json'), 'utf8')) as Manifest;
  const timing = JSON.parse(readFileSync(join(root, 'snapshot', TIMING_FILE), 'utf8')) as IngestTiming;
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100 },
    documents: docs,
    input_mib: Math.round((inputBytes / 2 ** 20) * 10) / 10,
    ...timing,
    snapshot_mib: Math.round((dirSize(join(root, 'snapshot')) / 2 ** 20) * 10) / 10,
    rows: Object.fromEntries(Object.entries(m.tables).map(([k, t]) => [k, t.rows])),
    target_docs_per_second: TARGET_DOCS_PER_S,
  };
  console.log(
    [
      `ingest of ${docs} synthetic documents (${result.input_mib} MiB), ${timing.jobs} worker threads, no record cache`,
      `  documents/s       ${String(timing.docs_per_second).padStart(8)}   target ≥ ${TARGET_DOCS_PER_S}`,
      `  total             ${String(timing.seconds).padStart(8)} s  (extract ${timing.extract_seconds} s, assemble and write ${timing.assemble_seconds} s)`,
      `  peak memory       ${String(timing.peak_rss_mib).padStart(8)} MiB (main process)`,
      `  snapshot          ${String(result.snapshot_mib).padStart(8)} MiB, ${m.tables.facts!.rows} facts in ${m.tables.facts!.parts.length} partitions`,
    ].join('\n'),
  );
  const out = join(REPO_ROOT, 'test', 'artifacts');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-ingest.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('bench-ingest: wrote test/artifacts/bench-ingest.json');
} finally {
  rmSync(root, { recursive: true, force: true });
}
