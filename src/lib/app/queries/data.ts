// 数据: every table of the snapshot, filtered by the global filters, as CSV or Parquet.
import { fileUrl } from '../../db/manifest.ts';
import type { QueryOpts } from '../../db/query.ts';
import { query, queryRows, queryToParquet } from '../../db/query.ts';
import type { ArrowTable as Table } from '../../db/rows.ts';
import { toRows } from '../../db/rows.ts';
import type { Where } from '../../db/where.ts';
import { buildWhere } from '../../db/where.ts';
import { quoteIdent } from '../../sql/index.ts';
import { TABLES } from '../../snapshot/schema.ts';
import { toCsv } from '../csv.ts';
import type { Lang } from '../i18n.ts';
import type { Filters } from '../filters.ts';
import { detailReady, ready } from '../snapshot.svelte.ts';

export interface TableInfo {
  name: string;
  label: string;
  rows: number;
  filteredRows: number;
  /** The table's one file, or its folder of partition files. */
  file: string;
  /** A link to the one file; null for a partitioned table (download it filtered instead). */
  url: string | null;
  columns: string[];
}

async function columnsOf(table: string, run: QueryOpts = {}): Promise<string[]> {
  return (await queryRows<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', [table], undefined, run)).map((r) => r.c);
}

/** The filter of a table: through the columns it has (unit_id, fiscal_year, kind). */
function whereFor(cols: string[], f: Filters): Where {
  return buildWhere(f, {
    unit: cols.includes('unit_id') ? 'unit_id' : undefined,
    year: cols.includes('fiscal_year') ? 'fiscal_year' : undefined,
    kind: cols.includes('kind') ? 'kind' : undefined,
  });
}

export async function loadTables(f: Filters, lang: Lang, run: QueryOpts = {}): Promise<TableInfo[]> {
  const info = await detailReady(f);
  const out: TableInfo[] = [];
  for (const [name, t] of Object.entries(info.manifest.tables)) {
    const cols = await columnsOf(name, run);
    const w = whereFor(cols, f);
    const [{ n }] = await queryRows<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(name)} ${w.sql}`, w.params, undefined, run);
    const def = TABLES.find((x) => x.name === name);
    out.push({
      name,
      label: def ? (lang === 'en' ? def.en : def.zh) : name,
      rows: t.rows,
      filteredRows: n ?? 0,
      file: t.parts.length === 1 && !t.partition_by.length ? t.parts[0]!.file : `${name}/ (${t.parts.length} × ${t.partition_by.join(' / ')})`,
      url: t.parts.length === 1 && !t.partition_by.length ? fileUrl(info.manifestUrl, t.parts[0]!.file, t.sha256) : null,
      columns: cols,
    });
  }
  return out;
}

async function filtered(name: string, f: Filters): Promise<{ sql: string; params: Where['params'] }> {
  await detailReady(f);
  const cols = await columnsOf(name);
  const w = whereFor(cols, f);
  return { sql: `SELECT * FROM ${quoteIdent(name)} ${w.sql}`, params: w.params };
}

export async function tableCsv(name: string, f: Filters): Promise<string> {
  const q = await filtered(name, f);
  const t: Table = await query(q.sql, q.params);
  return toCsv(
    t.schema.fields.map((x: { name: string }) => ({ key: x.name })),
    toRows(t),
  );
}

export async function tableParquet(name: string, f: Filters): Promise<Uint8Array> {
  const q = await filtered(name, f);
  return queryToParquet(q.sql, q.params);
}

export async function loadText(file: string): Promise<string> {
  const info = await ready();
  const r = await fetch(fileUrl(info.manifestUrl, file, info.manifest.files?.[file]?.sha256));
  if (!r.ok) throw new Error(`${r.status}: ${file}`);
  return r.text();
}
