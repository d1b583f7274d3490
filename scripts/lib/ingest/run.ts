// The ingest: input files → records (worker threads, cached by content) → tables → a complete
// snapshot in a temp folder → swapped in atomically. See scripts/ingest.ts for the command.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../../src/lib/extract/decode.ts';
import type { IngestReport, IngestedInput } from '../../../src/lib/snapshot/assemble.ts';
import { assembleSnapshot } from '../../../src/lib/snapshot/assemble.ts';
import { dataDictionary } from '../../../src/lib/snapshot/dictionary.ts';
import { TABLES } from '../../../src/lib/snapshot/schema.ts';
import { extractorVersion, pipelineVersion } from './extractor-version.ts';
import { InputError, listInputs } from './inputs.ts';
import { writeParquetTables } from './parquet.ts';
import { DEFAULT_OUT_DIR, DEFAULT_RAW_DIR, DEFAULT_UNITS_CSV, defaultCacheDir } from './paths.ts';
import { runPool } from './pool.ts';
import type { FileResult, FileTask } from './process-file.ts';
import { processFile } from './process-file.ts';
import { progress } from './progress.ts';
import { assertReplaceable, lockSnapshot, recoverSnapshot, swapIn, tempDirOf } from './swap.ts';

export const SNAPSHOT_FORMAT = 1;

export interface Manifest {
  format: number;
  /** Content version: a hash of the tables' checksums (same data → same version). */
  version: string;
  created: string;
  extractor_version: string;
  /** Extractor, findings and row assembly together: a snapshot older than this is rebuilt. */
  pipeline_version: string;
  units_csv: { sha256: string | null };
  inputs: { file: string; doc_id: string | null; bytes: number | null; status: string }[];
  tables: Record<string, { file: string; rows: number; bytes: number; sha256: string }>;
  files: Record<string, { bytes: number; sha256: string }>;
}

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
  quiet?: boolean;
}

export interface IngestResult {
  out: string;
  manifest: Manifest;
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

async function inThisThread(tasks: readonly FileTask[], tick: (r: FileResult) => void): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const t of tasks) {
    const r = await processFile(t);
    tick(r);
    out.push(r);
  }
  return out;
}

function readPreviousManifest(out: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export async function runIngest(opts: IngestOptions = {}): Promise<IngestResult> {
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
    const previous = readPreviousManifest(out);

    // 1. Read, decode and extract in worker threads.
    const bar = progress(inputs.length, { quiet: opts.quiet });
    for (const r of recovered) bar.note(r);
    const tasks = inputs.map((f) => ({ path: f.path, file: f.file, cacheDir, extractorVersion: version }));
    const tick = (r: FileResult) => bar.tick(r.file, r.error ? 'rejected' : r.record?.warnings.length ? 'partial' : 'ok');
    const results =
      opts.jobs === 0
        ? await inThisThread(tasks, tick)
        : await runPool(tasks, { size: opts.jobs ?? availableParallelism(), timeoutMs: opts.timeoutMs ?? 120_000, onResult: tick });
    bar.done();
    await hold('extracted', tmp);

    // 2. Tables and report (pure).
    const registryCsv = existsSync(unitsPath) ? readFileSync(unitsPath, 'utf8') : null;
    const ingested: IngestedInput[] = results.map(({ cached: _cached, ...r }, i) => identify(r, inputs[i]!.path));
    const { tables, report } = assembleSnapshot(ingested, {
      registryCsv,
      extractorVersion: version,
      previous: previous ? new Map(previous.inputs.map((i) => [i.file, i.doc_id])) : undefined,
    });
    if (registryCsv === null) report.notes.push(`no unit registry at ${unitsPath}: every unit is new`);

    // 3. Write everything into the temp folder; manifest.json last.
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    let first = true;
    const written = await writeParquetTables(tmp, tables, async () => {
      if (first) await hold('write', tmp);
      first = false;
    });
    const other: Record<string, string> = {
      'DATA_DICTIONARY.md': dataDictionary(),
      'ingest-report.json': JSON.stringify(report, null, 2) + '\n',
    };
    for (const [name, text] of Object.entries(other)) writeFileSync(join(tmp, name), text);

    const tableInfo: Manifest['tables'] = {};
    for (const t of TABLES) {
      const bytes = readFileSync(join(tmp, written[t.name]!.file));
      tableInfo[t.name] = { file: written[t.name]!.file, rows: written[t.name]!.rows, bytes: bytes.length, sha256: sha256(bytes) };
    }
    const files: Manifest['files'] = {};
    for (const [name, text] of Object.entries(other)) files[name] = { bytes: Buffer.byteLength(text), sha256: sha256(text) };
    const contentVersion = sha256(TABLES.map((t) => `${t.name}:${tableInfo[t.name]!.sha256}\n`).join('')).slice(0, 16);
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      version: contentVersion,
      // Same content as before: keep its date, so an unchanged snapshot stays byte-identical.
      created: previous?.version === contentVersion && typeof previous.created === 'string' ? previous.created : new Date().toISOString(),
      extractor_version: version,
      pipeline_version: pipelineVersion(),
      units_csv: { sha256: registryCsv === null ? null : sha256(registryCsv) },
      inputs: report.inputs.map((i) => ({ file: i.file, doc_id: i.doc_id, bytes: i.bytes, status: i.status })),
      tables: tableInfo,
      files,
    };
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

    // 4. Swap it in.
    await swapIn(tmp, out, (phase) => hold(phase, tmp));
    return { out, manifest, report, cached: results.filter((r) => r.cached).length, recovered };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    release();
  }
}
