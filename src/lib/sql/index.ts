// The analytic SQL shared by Node and the browser: src/lib/sql/*.sql, each a set of
// CREATE OR REPLACE VIEW statements over the snapshot's base tables (documents, units, facts,
// function_lines, economic_lines, projects, indicators, summary_projects). Pure: Node reads the
// files with fs (scripts/lib/sql.ts), the browser imports them with Vite's `?raw`.
import { TABLES } from '../snapshot/schema.ts';

/** The view files in dependency order: each may use the views of the files before it. */
export const SQL_FILES = ['base.sql', 'spending.sql', 'sangong.sql', 'procurement.sql', 'projects.sql', 'per_staff.sql', 'peers.sql', 'findings.sql', 'aggregates.sql'] as const;
export type SqlFile = (typeof SQL_FILES)[number];

/** Names of the base tables the loader must provide (one Parquet file each). */
export const BASE_TABLES: readonly string[] = TABLES.map((t) => t.name);

/** A SQL string literal: single quotes doubled. For paths and names, never for data values. */
export function sqlString(s: string): string {
  if (s.includes('\0')) throw new Error('NUL in a SQL string literal');
  return `'${s.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The statement that exposes one base table from its Parquet files (paths or URLs): all of a
 * partitioned table's files, or only those a filter needs. No file: the table's columns, no rows.
 */
export function baseViewSql(table: string, locations: string | readonly string[]): string {
  const list = typeof locations === 'string' ? [locations] : locations;
  if (!list.length) {
    const t = TABLES.find((x) => x.name === table);
    if (!t) throw new Error(`no table ${table}`);
    const cols = t.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ');
    return `CREATE OR REPLACE VIEW ${quoteIdent(table)} AS SELECT ${cols} WHERE false`;
  }
  // The partition keys are read from the files, not the paths (older DuckDB, as in the browser,
  // would type them VARCHAR from the path).
  return `CREATE OR REPLACE VIEW ${quoteIdent(table)} AS SELECT * FROM read_parquet([${list.map(sqlString).join(', ')}], hive_partitioning = false)`;
}

/** The region-level aggregates (aggregates.sql) the ingest also writes as Parquet files. */
export const AGGREGATES = [
  'agg_coverage', 'agg_figures', 'agg_scores', 'agg_findings',
  'agg_function', 'agg_spending', 'agg_procurement', 'agg_procurement_top', 'agg_score_exec',
] as const;

/** Names of the views a SQL file creates, read from its CREATE … VIEW statements. */
export function viewsIn(sql: string): string[] {
  return [...sql.matchAll(/CREATE\s+OR\s+REPLACE\s+VIEW\s+([A-Za-z_][A-Za-z0-9_]*)/gi)].map((m) => m[1]!);
}
