// Snapshot tables → Parquet files (zstd) through DuckDB: each table is created from its
// schema.ts definition, filled with the Appender (values never pass through SQL text), and
// copied out in insertion order, so the same rows always give the same bytes.
import { DuckDBInstance, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import type { Cell, Row } from '../../../src/lib/snapshot/rows.ts';
import type { Column, TableDef } from '../../../src/lib/snapshot/schema.ts';
import { TABLES } from '../../../src/lib/snapshot/schema.ts';
import { quoteIdent, sqlString } from '../../../src/lib/sql/index.ts';

function append(a: DuckDBAppender, col: Column, v: Cell, where: string): void {
  if (v === null || v === undefined) return a.appendNull();
  const bad = () => new TypeError(`${where}.${col.name}: ${JSON.stringify(v)} is not a ${col.type}`);
  switch (col.type) {
    case 'VARCHAR':
      if (typeof v !== 'string') throw bad();
      return a.appendVarchar(v);
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > 0x7fffffff) throw bad();
      return a.appendInteger(v);
    case 'DOUBLE':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return a.appendDouble(v);
    case 'BOOLEAN':
      if (typeof v !== 'boolean') throw bad();
      return a.appendBoolean(v);
    case 'VARCHAR[]':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad();
      return a.appendList(listValue([...(v as string[])]), LIST(VARCHAR));
    default:
      throw new TypeError(`${where}.${col.name}: column type ${col.type} is not supported by the writer`);
  }
}

async function createTable(conn: DuckDBConnection, t: TableDef, rows: readonly Row[]): Promise<void> {
  const cols = t.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
  await conn.run(`CREATE TABLE ${quoteIdent(t.name)} (${cols})`);
  const known = new Set(t.columns.map((c) => c.name));
  const a = await conn.createAppender(t.name);
  try {
    rows.forEach((row, i) => {
      for (const k of Object.keys(row)) if (!known.has(k)) throw new TypeError(`${t.name}[${i}]: no column ${k} in schema.ts`);
      for (const c of t.columns) append(a, c, row[c.name] ?? null, `${t.name}[${i}]`);
      a.endRow();
    });
  } finally {
    a.closeSync();
  }
}

export interface WrittenTable {
  file: string;
  rows: number;
}

/**
 * Writes one <table>.parquet per table of schema.ts into `dir`. `afterEach` runs after each
 * file is complete (the ingest uses it for progress and its test hooks).
 */
export async function writeParquetTables(
  dir: string,
  tables: Readonly<Record<string, readonly Row[]>>,
  afterEach?: (table: string) => Promise<void> | void,
): Promise<Record<string, WrittenTable>> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  const out: Record<string, WrittenTable> = {};
  try {
    for (const t of TABLES) {
      const rows = tables[t.name] ?? [];
      await createTable(conn, t, rows);
      const file = `${t.name}.parquet`;
      await conn.run(`COPY (SELECT * FROM ${quoteIdent(t.name)}) TO ${sqlString(join(dir, file))} (FORMAT parquet, COMPRESSION zstd)`);
      out[t.name] = { file, rows: rows.length };
      await afterEach?.(t.name);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return out;
}
