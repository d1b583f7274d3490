// Node side of src/lib/sql: reads the .sql files and opens a snapshot folder in DuckDB with
// the base tables as views over its Parquet files and every analytic view on top — the same
// statements the browser runs over its registered files.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BASE_TABLES, SQL_FILES, baseViewSql } from '../../src/lib/sql/index.ts';
import type { SqlFile } from '../../src/lib/sql/index.ts';
import { REPO_ROOT } from './ingest/paths.ts';
import type { Manifest } from './ingest/run.ts';

export const SQL_DIR = resolve(REPO_ROOT, 'src', 'lib', 'sql');

export function readSql(file: SqlFile): string {
  return readFileSync(join(SQL_DIR, file), 'utf8');
}

/** The Parquet files of each table of the snapshot in `dir`, as its manifest.json lists them. */
export function snapshotFiles(dir: string): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(resolve(dir), 'manifest.json'), 'utf8')) as Manifest;
  return Object.fromEntries(BASE_TABLES.map((t) => [t, (manifest.tables[t]?.parts ?? []).map((p) => join(resolve(dir), ...p.file.split('/')))]));
}

/** Creates the base-table views over the snapshot's Parquet files. */
export async function createBaseViews(conn: DuckDBConnection, dir: string): Promise<void> {
  const files = snapshotFiles(dir);
  for (const t of BASE_TABLES) await conn.run(baseViewSql(t, files[t]!));
}

/** Runs every analytic SQL file, in dependency order. */
export async function createAnalyticViews(conn: DuckDBConnection): Promise<void> {
  for (const f of SQL_FILES) await conn.run(readSql(f));
}

export interface OpenSnapshot {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  /** Rows of a query as plain JS objects (numbers, strings, booleans, arrays). */
  query<T = Record<string, unknown>>(sql: string, params?: (string | number | boolean | null)[]): Promise<T[]>;
  close(): void;
}

/** An in-memory DuckDB with the snapshot in `dir` loaded (base tables and views). */
export async function openSnapshot(dir: string, opts: { views?: boolean } = {}): Promise<OpenSnapshot> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await createBaseViews(conn, dir);
  if (opts.views !== false) await createAnalyticViews(conn);
  return {
    instance,
    conn,
    async query<T>(sql: string, params?: (string | number | boolean | null)[]) {
      const r = await conn.runAndReadAll(sql, params);
      return r.getRowObjectsJS() as T[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
