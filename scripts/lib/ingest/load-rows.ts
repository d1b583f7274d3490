// Rows → a DuckDB table, through a CSV file DuckDB reads: values never pass through SQL text,
// and each is checked against its column's type in schema.ts (a wrong type is a bug, reported
// with where). DuckDB's Appender took ~2 µs a value across the native boundary; the CSV reader
// parses the same rows in a fraction of that (a province's documents table is 200,000 rows).
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, Row } from '../../../src/lib/snapshot/rows.ts';
import type { ColumnType } from '../../../src/lib/snapshot/schema.ts';
import { quoteIdent, sqlString } from '../../../src/lib/sql/index.ts';
import { CSV_READ_OPTIONS, csvField } from './staging.ts';

export interface LoadColumn {
  name: string;
  type: ColumnType;
}

function bad(col: LoadColumn, v: Cell, where: string): TypeError {
  return new TypeError(`${where}.${col.name}: ${JSON.stringify(v)} is not a ${col.type}`);
}

/** One value as a CSV field, checked against its column's type: as the staging writes it (csvField), lists as a quoted JSON array. */
export function loadField(col: LoadColumn, v: Cell | undefined, where: string): string {
  if (v === null || v === undefined) return '';
  switch (col.type) {
    case 'VARCHAR':
      if (typeof v !== 'string') throw bad(col, v, where);
      return csvField(v);
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > 0x7fffffff) throw bad(col, v, where);
      return csvField(v);
    case 'DOUBLE':
      // String(-0) is "0": the sign is kept here, as the Appender kept it.
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(col, v, where);
      return Object.is(v, -0) ? '-0.0' : csvField(v);
    case 'BOOLEAN':
      if (typeof v !== 'boolean') throw bad(col, v, where);
      return csvField(v);
    case 'VARCHAR[]':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(col, v, where);
      return csvField(JSON.stringify(v));
    default:
      throw new TypeError(`${where}.${col.name}: column type ${col.type} is not supported by the loader`);
  }
}

/**
 * Appends rows, in order, to an existing table whose columns are `columns` in that order. The
 * CSV goes to `dir` and is removed once read.
 */
export async function loadRows(conn: DuckDBConnection, tableName: string, columns: readonly LoadColumn[], rows: readonly Row[], dir: string): Promise<void> {
  if (!rows.length) return;
  const known = new Set(columns.map((c) => c.name));
  const path = join(dir, `load-${tableName.replace(/[^A-Za-z0-9_]/g, '_')}.csv`);
  // Written a block at a time, so the text of a row is garbage by the next block: the main
  // thread's heap holds the whole plan, and long-lived strings made every collection slow.
  try {
    const fd = openSync(path, 'w');
    try {
      let block = '';
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const where = `${tableName}[${i}]`;
        for (const k in row) if (!known.has(k)) throw new TypeError(`${where}: no column ${k} in schema.ts`);
        for (let c = 0; c < columns.length; c++) block += (c ? ',' : '') + loadField(columns[c]!, row[columns[c]!.name], where);
        block += '\n';
        if (block.length > 1 << 16) {
          writeSync(fd, block);
          block = '';
        }
      }
      writeSync(fd, block);
    } finally {
      closeSync(fd);
    }
    // Lists arrive as JSON text; every other column is read as its own type.
    const read = `{${columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type === 'VARCHAR[]' ? 'VARCHAR' : c.type)}`).join(', ')}}`;
    const select = columns.map((c) => (c.type === 'VARCHAR[]' ? `CAST(CAST(${quoteIdent(c.name)} AS JSON) AS VARCHAR[])` : quoteIdent(c.name))).join(', ');
    await conn.run(
      `INSERT INTO ${quoteIdent(tableName)} SELECT ${select} FROM read_csv(${sqlString(path)}, ${CSV_READ_OPTIONS}, columns = ${read})`,
    );
  } finally {
    rmSync(path, { force: true });
  }
}
