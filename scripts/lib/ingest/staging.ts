// Staged rows: each worker appends the per-document rows of every record it extracts to its
// own CSV files, one per table, in one write per document. Nothing is held in memory, and a
// worker that is stopped (time limit) or dies leaves complete lines for the documents it
// finished; the assembly (assemble.ts) keeps only documents the plan kept, so a stray line
// never reaches the snapshot.
//
// CSV rather than JSON lines: no key names repeated on every row, and DuckDB reads it several
// times faster. RFC 4180 with every string quoted, so an unquoted empty field is NULL and ""
// is the empty string (read with allow_quoted_nulls = false); the schema gives the types.
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, RecordTables, Row } from '../../../src/lib/snapshot/rows.ts';
import { table } from '../../../src/lib/snapshot/schema.ts';
import { sqlString } from '../../../src/lib/sql/index.ts';

export const STAGED_TABLES = ['facts', 'function_lines', 'economic_lines', 'projects', 'indicators', 'summary_projects', 'findings'] as const satisfies readonly (keyof RecordTables)[];
export type StagedTable = (typeof STAGED_TABLES)[number];

/**
 * The staged file of one table, fiscal year and writer: <dir>/<table>.y<year>.<writer>.csv
 * (y- for a record without a year). By year, so the assembly sorts and writes one year at a
 * time and memory holds a year of rows, not the corpus.
 */
export const stagedFile = (dir: string, t: StagedTable, year: number | null, writer: string): string => join(dir, `${t}.y${year ?? '-'}.${writer}.csv`);

/** The staged files in `dir` of one table, by fiscal year, each list sorted. */
export function listStaged(dir: string, t: StagedTable): Map<number | null, string[]> {
  const out = new Map<number | null, string[]>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    const m = /^([a-z_]+)\.y(\d+|-)\.[^.]+\.csv$/.exec(f);
    if (!m || m[1] !== t) continue;
    const year = m[2] === '-' ? null : Number(m[2]);
    const list = out.get(year);
    if (list) list.push(join(dir, f));
    else out.set(year, [join(dir, f)]);
  }
  return out;
}

/** Columns the plan gives each row (assemble.ts joins them on __doc): not staged. */
const FROM_PLAN = new Set(['doc_id', 'unit_id']);

/**
 * Columns of a staged file: the table's own but those the plan gives, then the input's index
 * (its position in the ingest's list, see FileTask.index) and the row's order in its document.
 */
export const stagedColumns = (t: StagedTable): { name: string; type: string }[] => [
  ...table(t).columns.filter((c) => !FROM_PLAN.has(c.name)),
  { name: '__doc', type: 'INTEGER' },
  { name: '__seq', type: 'INTEGER' },
];
const ownColumns = new Map(STAGED_TABLES.map((t) => [t, stagedColumns(t).slice(0, -2).map((c) => c.name)]));

/** One CSV field. Strings are always quoted; numbers as JavaScript prints them (shortest exact form). */
export function csvField(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.includes('"') ? `"${v.replaceAll('"', '""')}"` : `"${v}"`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`staging: ${v} is not a finite number`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new TypeError(`staging: lists are not staged (${JSON.stringify(v)})`);
}

/** One document's rows of one table as CSV lines. */
export function csvLines(t: StagedTable, rows: readonly Row[], doc: number): string {
  const names = ownColumns.get(t)!;
  const tail = `,${doc},`;
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let line = csvField(r[names[0]!]);
    for (let k = 1; k < names.length; k++) line += ',' + csvField(r[names[k]!]);
    text += line + tail + i + '\n';
  }
  return text;
}

/** The DuckDB table function reading staged files of one table (paths are literals, never data). */
export function readStagedSql(t: StagedTable, files: readonly string[]): string {
  const columns = `{${stagedColumns(t).map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;
  return `read_csv([${files.map(sqlString).join(', ')}], header = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = ${columns}, auto_detect = false)`;
}

/**
 * Keys that some final account states as a change on the previous year: the derived-figure rule
 * needs their facts. Each writer notes a key once, as it first stages one (change-keys.<writer>.txt),
 * so the assembly need not read every staged fact to learn them.
 */
const changeKeysFile = (dir: string, writer: string): string => join(dir, `change-keys.${writer}.txt`);

/** Every key noted by any writer in `dir`, sorted. */
export function stagedChangeKeys(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const keys = new Set<string>();
  for (const f of readdirSync(dir)) if (/^change-keys\.[^.]+\.txt$/.test(f)) for (const k of readFileSync(join(dir, f), 'utf8').split('\n')) if (k) keys.add(k);
  return [...keys].sort();
}

export interface StagingWriter {
  /** Appends one document's rows (all of its fiscal year), each with its input's index and its order in the document. */
  add(doc: number, year: number | null, rows: RecordTables): void;
  close(): void;
}

export function openStaging(dir: string, writer: string): StagingWriter {
  mkdirSync(dir, { recursive: true });
  // Opened as years turn up: a corpus spans a few years, so a worker holds a few dozen files.
  const fds = new Map<string, number>();
  const fdOf = (t: StagedTable, year: number | null): number => {
    const path = stagedFile(dir, t, year, writer);
    let fd = fds.get(path);
    if (fd === undefined) fds.set(path, (fd = openSync(path, 'a')));
    return fd;
  };
  const changeKeys = new Set<string>();
  return {
    add(doc, year, rows) {
      for (const f of rows.facts) {
        if (f.basis !== 'prior_change' || f.kind !== 'final' || changeKeys.has(f.key as string)) continue;
        changeKeys.add(f.key as string);
        // Before the rows, so a key is never staged without its note.
        appendFileSync(changeKeysFile(dir, writer), `${f.key}\n`);
      }
      for (const t of STAGED_TABLES) {
        const list = rows[t];
        if (list.length) writeSync(fdOf(t, year), csvLines(t, list, doc));
      }
    },
    close() {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}
