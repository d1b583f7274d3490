// The ingest: input files → records (worker threads, cached by content), whose rows are staged
// on disk → the plan (units, order) → tables assembled in DuckDB → a complete, partitioned
// snapshot in a temp folder → swapped in atomically. Memory holds one summary per input, never
// the rows, so a province's 200,000 documents fit. See scripts/ingest.ts for the command.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../../src/lib/extract/decode.ts';
import type { IngestReport, IngestedInput } from '../../../src/lib/snapshot/plan.ts';
import { formatReport, planSnapshot } from '../../../src/lib/snapshot/plan.ts';
import { dataDictionary } from '../../../src/lib/snapshot/dictionary.ts';
import { TABLES } from '../../../src/lib/snapshot/schema.ts';
import type { PartFile } from './assemble.ts';
import { assembleTables } from './assemble.ts';
import { writeScaleSeed } from '../app/seed.ts';
import { extractorVersion, pipelineVersion } from './extractor-version.ts';
import { InputError, listInputs } from './inputs.ts';
import type { StagingWriter } from './staging.ts';
import { openStaging } from './staging.ts';
import { parseUnitRegistry } from '../../../src/lib/snapshot/units.ts';
import { DEFAULT_OUT_DIR, DEFAULT_RAW_DIR, DEFAULT_UNITS_CSV, defaultCacheDir } from './paths.ts';
import { runPool } from './pool.ts';
import type { FileResult, FileTask } from './process-file.ts';
import { processFile } from './process-file.ts';
import { progress } from './progress.ts';
import { assertReplaceable, lockSnapshot, recoverSnapshot, swapIn, tempDirOf } from './swap.ts';

/** 2: tables are lists of (partition) files; the inputs are in ingest-report.json only. */
export const SNAPSHOT_FORMAT = 2;

export interface ManifestTable {
  rows: number;
  bytes: number;
  /** SHA-256 of the parts' checksums, in order. */
  sha256: string;
  /** Partition keys, in path order; [] for a table in one file. */
  partition_by: string[];
  parts: PartFile[];
}

export interface Manifest {
  format: number;
  /** Content version: a hash of the tables' checksums (same data → same version). */
  version: string;
  created: string;
  extractor_version: string;
  /** Extractor, findings and row assembly together: a snapshot older than this is rebuilt. */
  pipeline_version: string;
  units_csv: { sha256: string | null };
  /** Counts of the inputs by status (each input is listed in ingest-report.json). */
  inputs: { total: number; ok: number; partial: number; rejected: number; synthetic: number };
  tables: Record<string, ManifestTable>;
  /** Region-level aggregates over every partition (src/lib/sql/aggregates.sql), one file each. */
  aggregates: Record<string, PartFile>;
  files: Record<string, { bytes: number; sha256: string }>;
}

/**
 * How long the ingest took (timing.json beside the manifest, for the benchmarks): kept out of the
 * manifest so that re-ingesting the same inputs leaves every file of the snapshot as it was.
 */
export interface IngestTiming {
  seconds: number;
  extract_seconds: number;
  assemble_seconds: number;
  /** The assembly's steps (assemble.ts), seconds each. */
  phases: Record<string, number>;
  docs_per_second: number;
  jobs: number;
  peak_rss_mib: number;
}

export const TIMING_FILE = 'timing.json';

export interface IngestOptions {
  /** Folders and files; default data/raw. */
  inputs?: string[];
  /** Snapshot folder; default data/snapshot. */
  out?: string;
  /** The unit registry; default data/units.csv. A missing file means an empty registry. */
  unitsCsv?: string;
  /** Record cache folder; default <out>/../.cache/records; null disables the cache. */
  cacheDir?: string | null;
  /** Worker threads; default os.availableParallelism(). 0: no workers, all in this thread (tests, debugging; no time limit). */
  jobs?: number;
  /** Longest time for one file, ms; default 120 s. */
  timeoutMs?: number;
  /** How far past the oldest unfinished file the workers may read (pool.ts WINDOW; tests make it small). */
  window?: number;
  quiet?: boolean;
}

export interface IngestResult {
  out: string;
  manifest: Manifest;
  timing: IngestTiming;
  report: IngestReport;
  /** Files whose record came from the cache. */
  cached: number;
  /** What recoverSnapshot repaired before the run. */
  recovered: string[];
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/**
 * Tests only: FISCALLENS_TEST_HOLD=<phase> stops the ingest at that phase ('extracted', 'write'
 * after the first Parquet file, 'swap' between the two renames), announces it on stderr and
 * waits to be killed.
 */
async function hold(phase: string, where: string): Promise<void> {
  if (process.env.FISCALLENS_TEST_HOLD !== phase) return;
  process.stderr.write(`FISCALLENS_TEST_HOLD ${phase} ${where}\n`);
  await new Promise(() => setInterval(() => {}, 1 << 30));
}

/**
 * A file whose worker hung or died comes back without an id; hash it here so that it still gets
 * its row (status rejected, with the reason) in the documents table.
 */
function identify(r: IngestedInput, path: string): IngestedInput {
  if (r.doc_id !== null || !r.error || r.error.code === 'unreadable') return r;
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_DOCUMENT_BYTES) return r;
    const bytes = readFileSync(path);
    return { ...r, doc_id: sha256(bytes), bytes: bytes.length };
  } catch {
    return r;
  }
}

async function inThisThread(tasks: readonly FileTask[], registryCsv: string | null, staging: StagingWriter, tick: (r: FileResult) => void): Promise<FileResult[]> {
  const registry = parseUnitRegistry(registryCsv ?? '');
  const out: FileResult[] = [];
  for (const t of tasks) {
    const { result, staged } = await processFile(t, registry);
    staging.put(t.index, staged);
    tick(result);
    out.push(result);
  }
  return out;
}

function readPrevious(out: string): { manifest: Manifest; inputs: Map<string, string | null> } | null {
  try {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as IngestReport;
    return { manifest, inputs: new Map(report.inputs.map((i) => [i.file, i.doc_id])) };
  } catch {
    return null;
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** A snapshot's content version: a hash of its tables' and aggregates' checksums (same data → same version). */
export function contentVersion(tables: Manifest['tables'], aggregates: Manifest['aggregates']): string {
  const lines = [...TABLES.map((t) => `${t.name}:${tables[t.name]!.sha256}\n`), ...Object.entries(aggregates).map(([n, a]) => `${n}:${a.sha256}\n`)];
  return sha256(lines.join('')).slice(0, 16);
}

export async function runIngest(opts: IngestOptions = {}): Promise<IngestResult> {
  const started = performance.now();
  const out = resolve(opts.out ?? DEFAULT_OUT_DIR);
  const cacheDir = opts.cacheDir === null ? null : resolve(opts.cacheDir ?? defaultCacheDir(out));
  const inputs = listInputs(opts.inputs?.length ? opts.inputs : [DEFAULT_RAW_DIR], cacheDir ? [out, cacheDir] : [out]);
  if (!inputs.length) throw new InputError('no input files (names starting with "." are skipped)');
  const unitsPath = resolve(opts.unitsCsv ?? DEFAULT_UNITS_CSV);
  const version = extractorVersion();

  mkdirSync(resolve(out, '..'), { recursive: true });
  const release = lockSnapshot(out);
  const tmp = tempDirOf(out);
  try {
    const recovered = recoverSnapshot(out);
    assertReplaceable(out);
    const previous = readPrevious(out);
    const work = `${tmp}-work`;
    rmSync(work, { recursive: true, force: true });
    const stagingDir = join(work, 'staged');
    mkdirSync(stagingDir, { recursive: true });

    // 1. Read, decode and extract in worker threads; the rows are staged on disk.
    const registryCsv = existsSync(unitsPath) ? readFileSync(unitsPath, 'utf8') : null;
    const staging = openStaging(stagingDir);
    const bar = progress(inputs.length, { quiet: opts.quiet });
    for (const r of recovered) bar.note(r);
    const tasks = inputs.map((f, index) => ({ index, path: f.path, file: f.file, cacheDir, extractorVersion: version }));
    const tick = (r: FileResult) => bar.tick(r.file, r.error ? 'rejected' : r.record?.warnings.length ? 'partial' : 'ok');
    const results =
      opts.jobs === 0
        ? await inThisThread(tasks, registryCsv, staging, tick)
        : await runPool(tasks, { size: opts.jobs ?? availableParallelism(), timeoutMs: opts.timeoutMs ?? 120_000, window: opts.window, registryCsv, onStaged: staging.put, onResult: tick });
    const staged = staging.close();
    bar.done();
    const extracted = performance.now();
    await hold('extracted', tmp);

    // 2. The plan (pure): units, order, report.
    const ingested: IngestedInput[] = results.map(({ cached: _cached, ...r }, i) => identify(r, inputs[i]!.path));
    const plan = planSnapshot(ingested, { registryCsv, extractorVersion: version, previous: previous?.inputs });
    const { report } = plan;
    if (registryCsv === null) report.notes.push(`no unit registry at ${unitsPath}: every unit is new`);

    // 3. Assemble and write everything into the temp folder; manifest.json last.
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    let first = true;
    const assembled = await assembleTables({
      plan,
      staged,
      workDir: work,
      outDir: tmp,
      afterEach: async () => {
        if (first) await hold('write', tmp);
        first = false;
      },
      log: opts.quiet ? undefined : (line) => process.stderr.write(`ingest: ${line}\n`),
    });
    rmSync(work, { recursive: true, force: true });
    report.summary.facts = assembled.facts;
    report.summary.derived_facts = assembled.derived;
    const other: Record<string, string> = {
      'DATA_DICTIONARY.md': dataDictionary(),
      'ingest-report.json': formatReport(report),
    };
    for (const [name, text] of Object.entries(other)) writeFileSync(join(tmp, name), text);

    const tableInfo: Manifest['tables'] = {};
    for (const t of TABLES) {
      const w = assembled.tables[t.name]!;
      tableInfo[t.name] = {
        rows: w.rows,
        bytes: w.parts.reduce((s, p) => s + p.bytes, 0),
        sha256: sha256(w.parts.map((p) => `${p.file}:${p.sha256}\n`).join('')),
        partition_by: w.partition_by,
        parts: w.parts,
      };
    }
    const files: Manifest['files'] = {};
    for (const [name, text] of Object.entries(other)) files[name] = { bytes: Buffer.byteLength(text), sha256: sha256(text) };
    const version16 = contentVersion(tableInfo, assembled.aggregates);
    const prevManifest = previous?.manifest;
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      version: version16,
      // Same content as before: keep its date, so an unchanged snapshot stays byte-identical.
      created: prevManifest?.version === version16 && typeof prevManifest.created === 'string' ? prevManifest.created : new Date().toISOString(),
      extractor_version: version,
      pipeline_version: pipelineVersion(),
      units_csv: { sha256: registryCsv === null ? null : sha256(registryCsv) },
      inputs: {
        total: report.summary.inputs,
        ok: report.summary.ok,
        partial: report.summary.partial,
        rejected: report.summary.rejected,
        synthetic: ingested.filter((i) => i.synthetic).length,
      },
      tables: tableInfo,
      aggregates: assembled.aggregates,
      files,
    };
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    // The answers to every page's first charts at the scope the app opens a large snapshot on
    // (scripts/lib/app/seed.ts), so the app draws them before DuckDB-wasm is up. Read from the
    // files just written, so the manifest goes first and is written again with the seed listed.
    const seedStart = performance.now();
    if (await writeScaleSeed(tmp, manifest)) writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    // Timed after the seed, the last step that reads or writes data: only the swap's two renames follow.
    const phases = { ...assembled.phases, seed: r1((performance.now() - seedStart) / 1000) };
    const timing: IngestTiming = {
      seconds: r1((performance.now() - started) / 1000),
      extract_seconds: r1((extracted - started) / 1000),
      assemble_seconds: r1((performance.now() - extracted) / 1000),
      phases,
      docs_per_second: r1(inputs.length / ((performance.now() - started) / 1000)),
      jobs: opts.jobs === 0 ? 0 : Math.max(1, Math.min(opts.jobs ?? availableParallelism(), inputs.length)),
      peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    writeFileSync(join(tmp, TIMING_FILE), JSON.stringify(timing, null, 2) + '\n');

    // 4. Swap it in.
    await swapIn(tmp, out, (phase) => hold(phase, tmp));
    return { out, manifest, timing, report, cached: results.filter((r) => r.cached).length, recovered };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(`${tmp}-work`, { recursive: true, force: true });
    throw e;
  } finally {
    release();
  }
}
