// Shared by the ingest and SQL tests: temp folders, seed snapshots built through the real
// ingest, the CLI run as a child process, and plain DuckDB reads of Parquet files.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../scripts/lib/ingest/paths.ts';
import type { IngestOptions, IngestResult } from '../../scripts/lib/ingest/run.ts';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import { snapshotFiles } from '../../scripts/lib/sql.ts';
import { SEEDS_DIR } from '../../scripts/lib/seeds.ts';

export { REPO_ROOT, SEEDS_DIR };
export const UNITS_CSV = join(REPO_ROOT, 'data', 'units.csv');
export const SEED_FILES = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
export const GB18030_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', '000_8238d9174a1472af.gb18030.txt');

const made: string[] = [];

/** A fresh temp folder, removed by cleanup(). */
export function tempDir(label: string): string {
  const d = mkdtempSync(join(tmpdir(), `fiscallens-${label}-`));
  made.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Copies the named seeds (default: all) into a new folder. */
export function seedFolder(label: string, names: readonly string[] = SEED_FILES): string {
  const dir = join(tempDir(label), 'raw');
  mkdirSync(dir);
  for (const n of names) copyFileSync(join(SEEDS_DIR, n), join(dir, n));
  return dir;
}

/** Ingests the seeds (in this process, worker threads as in the CLI) into a temp snapshot. */
export async function seedSnapshot(label: string, opts: Partial<IngestOptions> = {}): Promise<IngestResult> {
  const root = tempDir(label);
  return runIngest({ inputs: [SEEDS_DIR], out: join(root, 'snapshot'), unitsCsv: UNITS_CSV, cacheDir: null, quiet: true, jobs: 0, ...opts });
}

/** An in-memory DuckDB connection kept for a whole test file; close() frees it. */
export async function memoryDb(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  return {
    conn,
    close: () => {
      conn.closeSync();
      inst.closeSync();
    },
  };
}

/** Plain DuckDB over Parquet: rows of `sql` (which may use read_parquet($1) etc.). */
export async function duck<T = Record<string, unknown>>(sql: string, params: (string | number)[] = []): Promise<T[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

export async function parquetCount(file: string | string[]): Promise<number> {
  const files = typeof file === 'string' ? [file] : file;
  if (!files.length) return 0;
  const [r] = await duck<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet([${files.map((_, i) => `$${i + 1}`).join(', ')}])`, files);
  return r!.n;
}

/** The Parquet files of one table of the snapshot in `dir` (from its manifest). */
export function tableFiles(dir: string, table: string): string[] {
  return snapshotFiles(dir)[table] ?? [];
}

/** Rows of one table of the snapshot in `dir`, counted by DuckDB over its files. */
export const tableCount = (dir: string, table: string): Promise<number> => parquetCount(tableFiles(dir, table));

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  /** Resolves with the first stderr line that contains `marker`. */
  waitFor(marker: string): Promise<string>;
}

/** tsx's loader by absolute URL: a child may run in any folder. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs `tsx scripts/<script>` as a child process, as `npm run` would. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}, cwd = REPO_ROOT): CliRun {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, join(REPO_ROOT, 'scripts', script), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { marker: string; resolve: (line: string) => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of [...waiters]) {
      const line = err.split('\n').find((l) => l.includes(w.marker));
      if (line) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | string>((res) => child.on('exit', (code, signal) => res(code ?? signal ?? -1)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (marker) =>
      new Promise((res, rej) => {
        const line = err.split('\n').find((l) => l.includes(marker));
        if (line) return res(line);
        waiters.push({ marker, resolve: res });
        void exited.then((code) => rej(new Error(`exited (${code}) before "${marker}"; stderr:\n${err}`)));
      }),
  };
}
