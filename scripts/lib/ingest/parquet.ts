// Rows → a DuckDB table through the Appender: values never pass through SQL text, and each is
// checked against its column's type in schema.ts (a wrong type is a bug, reported with where).
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Cell, Row } from '../../../src/lib/snapshot/rows.ts';
import type { ColumnType } from '../../../src/lib/snapshot/schema.ts';

export interface AppendColumn {
  name: string;
  type: ColumnType;
}

function append(a: DuckDBAppender, col: AppendColumn, v: Cell, where: string): void {
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

/** Appends rows to an existing table whose columns are `columns`, in that order. */
export async function appendRows(conn: DuckDBConnection, tableName: string, columns: readonly AppendColumn[], rows: readonly Row[]): Promise<void> {
  if (!rows.length) return;
  const known = new Set(columns.map((c) => c.name));
  const a = await conn.createAppender(tableName);
  try {
    rows.forEach((row, i) => {
      for (const k of Object.keys(row)) if (!known.has(k)) throw new TypeError(`${tableName}[${i}]: no column ${k} in schema.ts`);
      for (const c of columns) append(a, c, row[c.name] ?? null, `${tableName}[${i}]`);
      a.endRow();
    });
  } finally {
    a.closeSync();
  }
}
