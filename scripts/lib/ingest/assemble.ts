// The snapshot's tables, assembled out of core: the staged rows (staging.ts) are loaded into a
// DuckDB database on disk, given their unit and order by the plan (src/lib/snapshot/plan.ts),
// completed with the findings and derived figures that need several documents (run unit by
// unit and year by year, so only one slice is ever in memory), and written as Parquet (zstd)
// in Hive partitions <table>/fiscal_year=<y>/province=<p>/part-0.parquet. Each file is written
// from an ordered query, so the same inputs always give the same bytes.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { PEER_KEYS, TREND_KEYS, peerFindings, trendFindings, type DocRow, type FactRow, type UnitRowLite } from '../../../src/lib/findings/corpus.ts';
import { corpusFindingRows } from '../../../src/lib/snapshot/corpus.ts';
import { deriveFacts } from '../../../src/lib/snapshot/derive.ts';
import type { SnapshotPlan } from '../../../src/lib/snapshot/plan.ts';
import type { Row } from '../../../src/lib/snapshot/rows.ts';
import type { TableDef } from '../../../src/lib/snapshot/schema.ts';
import { PARTITION_KEYS, TABLES, isPartitioned, table } from '../../../src/lib/snapshot/schema.ts';
import { AGGREGATES, SQL_FILES, quoteIdent, sqlString } from '../../../src/lib/sql/index.ts';
import { readSql } from '../sql.ts';
import { appendRows } from './parquet.ts';
import { STAGED_TABLES } from './staging.ts';

export interface PartFile {
  /** Path relative to the snapshot folder, '/'-separated. */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** The partition's key values (absent for a table that is not partitioned). */
  fiscal_year?: number | null;
  province?: string | null;
}

export interface WrittenTable {
  rows: number;
  partition_by: string[];
  parts: PartFile[];
}

export interface AssembleResult {
  tables: Record<string, WrittenTable>;
  /** aggregates.sql's views, computed once over every partition: aggregates/<name>.parquet */
  aggregates: Record<string, PartFile>;
  facts: number;
  derived: number;
}

/** Hive's escaping of a partition value in a path (as Spark writes it); null is Hive's default partition. */
export function partitionSegment(key: string, value: string | number | null): string {
  if (value === null) return `${key}=__HIVE_DEFAULT_PARTITION__`;
  const esc = String(value).replace(/[\u0000-\u001F"#%'*/:=?\\\u007F{[\]^]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${key}=${esc}`;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const cols = (t: TableDef) => t.columns.map((c) => quoteIdent(c.name)).join(', ');
const inList = (xs: readonly string[]) => xs.map(sqlString).join(', ');

async function rowsOf<T>(conn: DuckDBConnection, sql: string, params: (string | number | null)[] = []): Promise<T[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
}

export interface AssembleOptions {
  plan: SnapshotPlan;
  stagingDir: string;
  /** Scratch folder: the DuckDB database and its spill files. */
  workDir: string;
  /** Where the Parquet files go (the new snapshot's temp folder). */
  outDir: string;
  /** After each table's files are complete (progress and the ingest's test hooks). */
  afterEach?: (table: string) => Promise<void> | void;
  log?: (line: string) => void;
}

export async function assembleTables(opts: AssembleOptions): Promise<AssembleResult> {
  const { plan } = opts;
  mkdirSync(opts.workDir, { recursive: true });
  const instance = await DuckDBInstance.create(join(opts.workDir, 'assemble.duckdb'), {
    threads: String(Math.max(1, availableParallelism())),
    temp_directory: join(opts.workDir, 'spill'),
    preserve_insertion_order: 'true',
    // Bounded, so a province-scale assembly spills to disk instead of growing without limit.
    memory_limit: '3GB',
  });
  const conn = await instance.connect();
  const t0 = performance.now();
  const say = opts.log ?? (() => {});
  const log = (line: string) => say(`${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  try {
    // 1. The plan: which staged rows are kept, under which unit, in which order.
    await conn.run('CREATE TABLE kept (doc_id VARCHAR, file VARCHAR, unit_id VARCHAR, rank INTEGER)');
    await appendRows(conn, 'kept', [
      { name: 'doc_id', type: 'VARCHAR' },
      { name: 'file', type: 'VARCHAR' },
      { name: 'unit_id', type: 'VARCHAR' },
      { name: 'rank', type: 'INTEGER' },
    ], plan.kept.map((k) => ({ doc_id: k.doc_id, file: k.file, unit_id: k.unit_id, rank: k.rank })));
    const rankOf = new Map(plan.kept.map((k) => [k.doc_id, k.rank]));
    const provinceOf = new Map(plan.kept.map((k) => [k.doc_id, k.province]));

    // 2. Staged rows → tables; the unit comes from the plan, rows of documents not kept are dropped.
    for (const name of STAGED_TABLES) {
      const t = table(name);
      const files = plan.kept.length ? listStaged(opts.stagingDir, name) : [];
      const def = t.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
      await conn.run(`CREATE TABLE ${quoteIdent(`s_${name}`)} (${def}, __rank INTEGER, __seq INTEGER)`);
      if (!files.length) continue;
      const spec = `{${[...t.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`), "'__file': 'VARCHAR'", "'__seq': 'INTEGER'"].join(', ')}}`;
      const select = t.columns.map((c) => (c.name === 'unit_id' ? 'k.unit_id' : `s.${quoteIdent(c.name)}`)).join(', ');
      await conn.run(
        `INSERT INTO ${quoteIdent(`s_${name}`)} SELECT ${select}, k.rank, s.__seq
         FROM read_json([${files.map(sqlString).join(', ')}], format = 'newline_delimited', columns = ${spec}) s
         JOIN kept k ON s.doc_id = k.doc_id AND s.__file = k.file`,
      );
    }
    log('staged rows loaded');

    // 3. Figures and findings across documents, one slice at a time.
    const buckets = Math.max(1, Math.min(64, Math.ceil(plan.kept.length / 5000)));
    const factCols = 'doc_id, unit_id, fiscal_year, kind, province, key, basis, value, derived, source_line, source_end_line, source_text';
    const changeKeys = (await rowsOf<{ key: string }>(conn, "SELECT DISTINCT key FROM s_facts WHERE basis = 'prior_change' AND kind = 'final' ORDER BY key")).map((r) => r.key);
    const factsTable = table('facts');
    let derived = 0;
    if (changeKeys.length)
      for (let b = 0; b < buckets; b++) {
        const slice = await rowsOf<Row>(
          conn,
          `SELECT ${factCols} FROM s_facts
           WHERE kind = 'final' AND NOT derived AND unit_id IS NOT NULL AND fiscal_year IS NOT NULL
             AND basis IN ('actual', 'prior_change') AND key IN (${inList(changeKeys)}) AND hash(unit_id) % ${buckets} = ${b}
           ORDER BY __rank, __seq`,
        );
        const made = deriveFacts(slice);
        derived += made.length;
        await appendRows(conn, 's_facts', [...factsTable.columns, { name: '__rank', type: 'INTEGER' }, { name: '__seq', type: 'INTEGER' }],
          made.map((r, i) => ({ ...r, __rank: rankOf.get(r.doc_id as string)!, __seq: 1_000_000 + i })));
      }
    const findingCols = [...table('findings').columns, { name: '__rank', type: 'INTEGER' as const }, { name: '__seq', type: 'INTEGER' as const }];
    const addFindings = async (rows: Row[]) => {
      const seqBase = new Map<string, number>();
      await appendRows(conn, 's_findings', findingCols, rows.map((r) => {
        const d = r.doc_id as string;
        const n = seqBase.get(d) ?? 0;
        seqBase.set(d, n + 1);
        return { ...r, __rank: rankOf.get(d)!, __seq: 1_000_000 + n };
      }));
    };
    const corpusRows: Row[] = [];
    for (let b = 0; b < buckets; b++) {
      const slice = await rowsOf<FactRow>(
        conn,
        `SELECT ${factCols} FROM s_facts
         WHERE kind = 'final' AND basis = 'actual' AND unit_id IS NOT NULL AND fiscal_year IS NOT NULL
           AND key IN (${inList(TREND_KEYS)}) AND hash(unit_id) % ${buckets} = ${b}
         ORDER BY __rank, __seq`,
      );
      corpusRows.push(...corpusFindingRows(trendFindings(slice), (d) => provinceOf.get(d) ?? null));
    }
    const units: UnitRowLite[] = plan.units.map((u) => ({ unit_id: u.unit_id as string, sector: u.sector as string | null }));
    const groups = await rowsOf<{ fiscal_year: number | null; kind: string | null }>(conn, 'SELECT DISTINCT fiscal_year, kind FROM s_facts ORDER BY fiscal_year NULLS LAST, kind NULLS LAST');
    for (const g of groups) {
      const slice = await rowsOf<FactRow>(
        conn,
        `SELECT ${factCols} FROM s_facts
         WHERE fiscal_year IS NOT DISTINCT FROM ${g.fiscal_year === null ? 'NULL' : Number(g.fiscal_year)}
           AND kind IS NOT DISTINCT FROM ${g.kind === null ? 'NULL' : sqlString(g.kind)}
           AND NOT derived AND key IN (${inList(PEER_KEYS)})
         ORDER BY __rank, __seq`,
      );
      const docs = plan.documents.filter((d) => d.status !== 'rejected' && d.fiscal_year === g.fiscal_year && d.kind === g.kind) as unknown as DocRow[];
      corpusRows.push(...corpusFindingRows(peerFindings(slice, docs, units), (d) => provinceOf.get(d) ?? null));
    }
    await addFindings(corpusRows);
    log(`cross-document rules: ${derived} derived figures, ${corpusRows.length} findings`);

    // 4. The documents and units tables come from the plan.
    const docTable = table('documents');
    await conn.run(`CREATE TABLE s_documents (${docTable.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')}, __rank INTEGER, __seq INTEGER)`);
    await appendRows(conn, 's_documents', [...docTable.columns, { name: '__rank', type: 'INTEGER' }, { name: '__seq', type: 'INTEGER' }],
      plan.documents.map((d, i) => ({ ...d, __rank: i, __seq: 0 })));
    const unitTable = table('units');
    await conn.run(`CREATE TABLE s_units (${unitTable.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')}, __rank INTEGER, __seq INTEGER)`);
    await appendRows(conn, 's_units', [...unitTable.columns, { name: '__rank', type: 'INTEGER' }, { name: '__seq', type: 'INTEGER' }],
      plan.units.map((u, i) => ({ ...u, __rank: i, __seq: 0 })));

    // 5. Parquet, partition by partition.
    const out: Record<string, WrittenTable> = {};
    let facts = 0;
    for (const t of TABLES) {
      const src = quoteIdent(`s_${t.name}`);
      const parts: PartFile[] = [];
      const write = async (where: string, rel: string, values: Pick<PartFile, 'fiscal_year' | 'province'>) => {
        const path = join(opts.outDir, ...rel.split('/'));
        mkdirSync(dirname(path), { recursive: true });
        await conn.run(`COPY (SELECT ${cols(t)} FROM ${src} ${where} ORDER BY __rank, __seq) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
        const bytes = readFileSync(path);
        const [{ n }] = await rowsOf<{ n: number }>(conn, `SELECT num_rows::INTEGER AS n FROM parquet_file_metadata(${sqlString(path)})`);
        parts.push({ file: rel, rows: n!, bytes: bytes.length, sha256: sha256(bytes), ...values });
      };
      if (isPartitioned(t)) {
        // Sorted once by the partition keys, so each partition's query reads only its row groups.
        await conn.run(`CREATE OR REPLACE TABLE ${src} AS SELECT * FROM ${src} ORDER BY fiscal_year NULLS LAST, province NULLS LAST, __rank, __seq`);
        const keys = await rowsOf<{ fiscal_year: number | null; province: string | null }>(
          conn,
          `SELECT DISTINCT fiscal_year, province FROM ${src} ORDER BY fiscal_year NULLS LAST, province NULLS LAST`,
        );
        for (const k of keys) {
          const where = `WHERE fiscal_year IS NOT DISTINCT FROM ${k.fiscal_year === null ? 'NULL' : Number(k.fiscal_year)} AND province IS NOT DISTINCT FROM ${k.province === null ? 'NULL' : sqlString(k.province)}`;
          const rel = [t.name, partitionSegment('fiscal_year', k.fiscal_year), partitionSegment('province', k.province), 'part-0.parquet'].join('/');
          await write(where, rel, { fiscal_year: k.fiscal_year, province: k.province });
        }
      } else await write('', `${t.name}.parquet`, {});
      const rows = parts.reduce((s, p) => s + p.rows, 0);
      if (t.name === 'facts') facts = rows;
      out[t.name] = { rows, partition_by: isPartitioned(t) ? [...PARTITION_KEYS] : [], parts };
      log(`${t.name}: ${parts.length} files`);
      await opts.afterEach?.(t.name);
    }
    // 6. The region-level aggregates, by the same SQL files the app runs, over the whole corpus.
    for (const t of TABLES) await conn.run(`CREATE OR REPLACE VIEW ${quoteIdent(t.name)} AS SELECT ${cols(t)} FROM ${quoteIdent(`s_${t.name}`)}`);
    for (const f of SQL_FILES) await conn.run(readSql(f));
    const aggregates = await writeAggregates(conn, opts.outDir);
    log(`aggregates: ${AGGREGATES.map((a) => `${a} ${aggregates[a]!.rows}`).join(', ')}`);
    return { tables: out, aggregates, facts, derived };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * Writes the views of aggregates.sql (already created on `conn`) as <dir>/aggregates/<name>.parquet,
 * each ordered by every column so the same data always gives the same bytes.
 */
export async function writeAggregates(conn: DuckDBConnection, dir: string): Promise<Record<string, PartFile>> {
  const aggregates: Record<string, PartFile> = {};
  for (const name of AGGREGATES) {
    const path = join(dir, 'aggregates', `${name}.parquet`);
    mkdirSync(dirname(path), { recursive: true });
    await conn.run(`COPY (SELECT * FROM ${quoteIdent(name)} ORDER BY ALL) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
    const bytes = readFileSync(path);
    const [{ n }] = await rowsOf<{ n: number }>(conn, `SELECT num_rows::INTEGER AS n FROM parquet_file_metadata(${sqlString(path)})`);
    aggregates[name] = { file: `aggregates/${name}.parquet`, rows: n!, bytes: bytes.length, sha256: sha256(bytes) };
  }
  return aggregates;
}

function listStaged(dir: string, name: (typeof STAGED_TABLES)[number]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}.`) && f.endsWith('.ndjson'))
    .sort()
    .map((f) => join(dir, f));
}
