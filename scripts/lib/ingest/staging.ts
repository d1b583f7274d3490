// Staged rows: every record's per-document rows, as CSV, in the files the snapshot's partitions
// are written from. A worker turns one record's rows into CSV text (stageRecord); the main
// thread appends each document's text in input order (openStaging), one file per table and
// partition (fiscal year, province). Input order is the snapshot's document order (the plan
// sorts by the same key), so each file already holds its partition's rows in snapshot order:
// the assembly converts it to Parquet with no join and no sort (a sort of a year's wide rows
// was most of the write). A document whose bytes came earlier (a second copy) is not staged.
//
// CSV rather than JSON lines: no key names repeated on every row, and DuckDB reads it several
// times faster. RFC 4180 with every string quoted, so an unquoted empty field is NULL and ""
// is the empty string (read with allow_quoted_nulls = false); the schema gives the types.
//
// Workers send the text as UTF-8 bytes, transferred rather than copied: the main thread only
// appends bytes (copying, decoding and re-encoding the strings was most of its work, and it
// shares two cores with the workers).
import { closeSync, mkdirSync, openSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, RecordTables, Row } from '../../../src/lib/snapshot/rows.ts';
import { table } from '../../../src/lib/snapshot/schema.ts';
import { sqlString } from '../../../src/lib/sql/index.ts';

export const STAGED_TABLES = ['facts', 'function_lines', 'economic_lines', 'projects', 'indicators', 'summary_projects', 'findings'] as const satisfies readonly (keyof RecordTables)[];
export type StagedTable = (typeof STAGED_TABLES)[number];

/** Columns of a staged file: the table's own, then the row's order in its document. */
export const stagedColumns = (t: StagedTable): { name: string; type: string }[] => [...table(t).columns, { name: '__seq', type: 'INTEGER' }];
const ownColumns = new Map(STAGED_TABLES.map((t) => [t, table(t).columns.map((c) => c.name)]));

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

/** Before a column's first value (which may be null or undefined). */
const NOT_SEEN = Symbol('not seen');

/** One document's rows of one table as CSV lines, each ending with its order in the document. */
export function csvLines(t: StagedTable, rows: readonly Row[]): string {
  const names = ownColumns.get(t)!;
  // A column whose value is the row before's reuses its field: a document's own columns
  // (doc_id, unit, year, province, a project's id) repeat on every row and were a third of
  // the fields quoted.
  const lastValue: unknown[] = new Array(names.length).fill(NOT_SEEN);
  const lastField: string[] = new Array(names.length).fill('');
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let line = '';
    for (let k = 0; k < names.length; k++) {
      const v = r[names[k]!];
      if (v !== lastValue[k]) {
        lastValue[k] = v;
        lastField[k] = csvField(v);
      }
      line += lastField[k] + ',';
    }
    text += line + i + '\n';
  }
  return text;
}

/** One record's rows, staged by a worker: the CSV bytes of each table, and where they go. */
export interface StagedDoc {
  doc_id: string;
  unit_id: string | null;
  fiscal_year: number | null;
  province: string | null;
  /** UTF-8 CSV of each table with rows, each its own buffer (so it can be transferred). */
  csv: Partial<Record<StagedTable, Uint8Array>>;
  /** Keys this final account states as a change on the previous year (the derived-figure rule reads them). */
  changeKeys: string[];
}

const utf8 = new TextEncoder();

/** A record's rows (recordRows) as a StagedDoc; every row of a record has its fiscal year and province. */
export function stageRecord(rows: RecordTables, keys: Pick<StagedDoc, 'doc_id' | 'unit_id' | 'fiscal_year' | 'province'>): StagedDoc {
  const csv: StagedDoc['csv'] = {};
  for (const t of STAGED_TABLES) if (rows[t].length) csv[t] = utf8.encode(csvLines(t, rows[t]));
  const changeKeys = new Set<string>();
  for (const f of rows.facts) if (f.basis === 'prior_change' && f.kind === 'final') changeKeys.add(f.key as string);
  return { ...keys, csv, changeKeys: [...changeKeys] };
}

/** The buffers of a StagedDoc, to transfer to another thread rather than copy. */
export const stagedBuffers = (d: StagedDoc | null): ArrayBuffer[] => (d ? Object.values(d.csv).map((b) => b.buffer as ArrayBuffer) : []);

/** One partition's staged file. */
export interface StagedPart {
  fiscal_year: number | null;
  province: string | null;
  path: string;
}

/** A document as staged, in input order: the assembly checks the plan kept the same ones. */
export interface StagedEntry {
  input: number;
  doc_id: string;
  unit_id: string | null;
}

export interface Staged {
  /** Each table's partition files. */
  parts: Map<StagedTable, StagedPart[]>;
  /** The documents staged, in order. */
  docs: StagedEntry[];
  /** Every change key noted, sorted. */
  changeKeys: string[];
}

export interface StagingWriter {
  /** The staged rows of input `index` (null: it has none). Every index from 0 up is given exactly once, in any order. */
  put(index: number, doc: StagedDoc | null): void;
  /** Writes what is buffered; throws if an index is missing. */
  close(): Staged;
}

/** Appends to a file once this many bytes are waiting for it. */
const FLUSH_BYTES = 1 << 16;

interface OpenFile {
  part: StagedPart;
  chunks: Uint8Array[];
  bytes: number;
}

/**
 * The main thread's writer. Documents come back from the workers out of order; each waits
 * until those before it are written (the pool never runs far ahead of the oldest unfinished
 * file, see pool.ts, so this holds a bounded number).
 */
export function openStaging(dir: string): StagingWriter {
  mkdirSync(dir, { recursive: true });
  const waiting = new Map<number, StagedDoc | null>();
  let next = 0;
  const seen = new Set<string>();
  const docs: StagedEntry[] = [];
  const changeKeys = new Set<string>();
  const files = new Map<string, OpenFile>();
  const parts = new Map<StagedTable, StagedPart[]>(STAGED_TABLES.map((t) => [t, []]));
  const flush = (f: OpenFile) => {
    if (!f.chunks.length) return;
    const fd = openSync(f.part.path, 'a');
    try {
      writevSync(fd, f.chunks);
    } finally {
      closeSync(fd);
    }
    f.chunks = [];
    f.bytes = 0;
  };
  const write = (input: number, d: StagedDoc) => {
    // A second copy of the same bytes: the plan keeps the first (input order) only.
    if (seen.has(d.doc_id)) return;
    seen.add(d.doc_id);
    docs.push({ input, doc_id: d.doc_id, unit_id: d.unit_id });
    for (const k of d.changeKeys) changeKeys.add(k);
    for (const t of STAGED_TABLES) {
      const bytes = d.csv[t];
      if (!bytes?.length) continue;
      const key = `${t}\u0000${d.fiscal_year}\u0000${d.province}`;
      let f = files.get(key);
      if (!f) {
        const part: StagedPart = { fiscal_year: d.fiscal_year, province: d.province, path: join(dir, `${t}.${files.size}.csv`) };
        files.set(key, (f = { part, chunks: [], bytes: 0 }));
        parts.get(t)!.push(part);
      }
      f.chunks.push(bytes);
      f.bytes += bytes.length;
      if (f.bytes >= FLUSH_BYTES) flush(f);
    }
  };
  return {
    put(index, doc) {
      if (index < next || waiting.has(index)) throw new Error(`staging: input ${index} given twice`);
      waiting.set(index, doc);
      while (waiting.has(next)) {
        const d = waiting.get(next)!;
        waiting.delete(next);
        if (d) write(next, d);
        next++;
      }
    },
    close() {
      if (waiting.size) throw new Error(`staging: input ${next} never came (${waiting.size} waiting after it)`);
      for (const f of files.values()) flush(f);
      return { parts, docs, changeKeys: [...changeKeys].sort() };
    },
  };
}

/** read_csv's options for the CSV csvField writes: a quoted "" is the empty string, an empty field NULL; the columns are given, never guessed. */
export const CSV_READ_OPTIONS = `header = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, auto_detect = false`;

/** The DuckDB table function reading staged files of one table (paths are literals, never data). */
export function readStagedSql(t: StagedTable, files: readonly string[]): string {
  const columns = `{${stagedColumns(t).map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;
  return `read_csv([${files.map(sqlString).join(', ')}], ${CSV_READ_OPTIONS}, columns = ${columns})`;
}
