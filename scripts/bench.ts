// The benchmark report: every figure issue 6 names, at the embedded data and at province scale,
// each beside its target. Runs the benchmarks (each prints its own detail and writes its own
// test/artifacts/bench-*.json), then prints one table and writes test/artifacts/bench.json.
// Asserts nothing: figures depend on the machine and on what else runs on it.
//
//   npm run bench                                   embedded data only (with a 2,000-document
//                                                   synthetic ingest for the ingest rate)
//   npm run bench -- --scale DOCS [--scale-out SNAP]  also province scale: ingest the synthetic
//                                                   corpus DOCS (written by npm run synth) into
//                                                   SNAP (default DOCS/../snapshot), then the app on it
//   npm run bench -- --scale-snapshot SNAP          province scale from a snapshot already
//                                                   ingested (its timing.json gives the ingest)
//   --skip-embedded                                 the province column only
//
// bench.json: { date, machine, targets, embedded: Column | null, province: Column | null } with
// Column = { label, documents, ingest_docs_per_second, ingest_seconds, ingest_peak_rss_mib,
// snapshot_mib, first_chart_ms {p50,p95}, update_ms {p50,p95}, pages [{path,p50,p95,first_chart_p95,heap_mib}] }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { IngestTiming, Manifest } from './lib/ingest/run.ts';
import { TIMING_FILE } from './lib/ingest/run.ts';
import { REPO_ROOT } from './lib/ingest/paths.ts';
import { TARGETS, formatReport, type Column, type Quantiles } from './lib/bench/report.ts';

const ARTIFACTS = join(REPO_ROOT, 'test', 'artifacts');
const argOf = (name: string): string | null => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : null;
};

/** Runs one npm script with its arguments, its output passed through; stops the report on failure. */
function run(script: string, args: string[]): void {
  console.log(`\n== npm run ${script} -- ${args.join(' ')}`);
  const r = spawnSync('npm', ['run', '-s', script, '--', ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed (exit ${r.status})`);
}
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const dirMib = (dir: string): number =>
  Math.round(
    (readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0) /
      2 ** 20) *
      10,
  ) / 10;

interface AppJson {
  cold_first_chart_ms: Quantiles;
  filter_update_ms: Quantiles;
  filter_update_rapid_ms?: Quantiles;
  per_page: { path: string; p50: number | null; p95: number | null; heap_mib: number | null; cold_first_chart_ms?: { p95: number | null } }[];
}
interface IngestJson {
  documents: number;
  docs_per_second: number;
  seconds: number;
  peak_rss_mib: number;
  snapshot_mib: number;
}

function column(label: string, ingest: IngestJson, app: AppJson): Column {
  return {
    label,
    documents: ingest.documents,
    ingest_docs_per_second: ingest.docs_per_second,
    ingest_seconds: ingest.seconds,
    ingest_peak_rss_mib: ingest.peak_rss_mib,
    snapshot_mib: ingest.snapshot_mib,
    first_chart_ms: { p50: app.cold_first_chart_ms.p50, p95: app.cold_first_chart_ms.p95 },
    update_ms: { p50: app.filter_update_ms.p50, p95: app.filter_update_ms.p95 },
    update_rapid_ms: app.filter_update_rapid_ms ? { p50: app.filter_update_rapid_ms.p50, p95: app.filter_update_rapid_ms.p95 } : null,
    pages: app.per_page.map((p) => ({ path: p.path, p50: p.p50, p95: p.p95, first_chart_p95: p.cold_first_chart_ms?.p95 ?? null, heap_mib: p.heap_mib })),
  };
}

/** Ingest figures of a snapshot made earlier, from its timing.json and manifest. */
function ingestOf(snap: string): IngestJson {
  const t = readJson<IngestTiming>(join(snap, TIMING_FILE));
  const m = readJson<Manifest>(join(snap, 'manifest.json'));
  return { documents: m.inputs.total, docs_per_second: t.docs_per_second, seconds: t.seconds, peak_rss_mib: t.peak_rss_mib, snapshot_mib: dirMib(snap) };
}

async function main(): Promise<void> {
  const scaleDocs = argOf('--scale');
  const scaleSnapArg = argOf('--scale-snapshot');
  const skipEmbedded = process.argv.includes('--skip-embedded');
  mkdirSync(ARTIFACTS, { recursive: true });

  let embedded: Column | null = null;
  if (!skipEmbedded) {
    run('bench:extract', []);
    run('bench:ingest', []);
    run('bench:app', []);
    embedded = column('embedded', readJson<IngestJson>(join(ARTIFACTS, 'bench-ingest.json')), readJson<AppJson>(join(ARTIFACTS, 'bench-app.json')));
  }

  let province: Column | null = null;
  let scaleSnap = scaleSnapArg;
  if (scaleDocs) {
    if (!existsSync(scaleDocs)) throw new Error(`--scale: no folder ${scaleDocs}`);
    scaleSnap = argOf('--scale-out') ?? join(dirname(scaleDocs), 'snapshot');
    run('bench:ingest', ['--docs', scaleDocs, '--out', scaleSnap]);
  }
  if (scaleSnap) {
    run('bench:app', ['--snapshot', scaleSnap, '--cold', '3', '--updates', '20']);
    const ingest = scaleDocs ? readJson<IngestJson>(join(ARTIFACTS, 'bench-ingest-scale.json')) : ingestOf(scaleSnap);
    province = column('province', ingest, readJson<AppJson>(join(ARTIFACTS, 'bench-app-scale.json')));
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, memory_gib: Math.round(totalmem() / 2 ** 30), loadavg_1m: Math.round(loadavg()[0]! * 100) / 100, node: process.version },
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    targets: TARGETS,
    embedded,
    province,
  };
  writeFileSync(join(ARTIFACTS, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\n== FiscalLens benchmark report (${report.machine.cpus} CPUs ${report.machine.model ?? ''}, ${report.machine.memory_gib} GiB, load ${report.machine.loadavg_1m})`);
  console.log(formatReport(embedded, province));
  console.log('bench: wrote test/artifacts/bench.json');
}

await main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
