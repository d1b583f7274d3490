// The snapshot's tables, assembled out of core: the staged rows (staging.ts), one file per
// partition already in document order, are completed with the findings and derived figures
// that need several documents (the facts those rules read are loaded once; the rules run unit
// by unit and year by year, so only one slice is ever in memory), and written as Parquet (zstd)
// in Hive partitions <table>/fiscal_year=<y>/province=<p>/part-0.parquet: a partition's staged
// rows in document order, then the rows the ingest added, by document. The order is total, so
// the same inputs always give the same bytes.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { PEER_KEYS, TREND_ABS, TREND_KEYS, TREND_PCT, peerFindings, trendFindings, type DocRow, type FactRow, type UnitRowLite } from '../../../src/lib/findings/corpus.ts';
import { corpusFindingRows } from '../../../src/lib/snapshot/corpus.ts';
import type { SnapshotPlan } from '../../../src/lib/snapshot/plan.ts';
import type { Row } from '../../../src/lib/snapshot/rows.ts';
import type { TableDef } from '../../../src/lib/snapshot/schema.ts';
import { PARTITION_KEYS, TABLES, isPartitioned, table } from '../../../src/lib/snapshot/schema.ts';
import { AGGREGATES, SQL_FILES, baseViewSql, quoteIdent, sqlString } from '../../../src/lib/sql/index.ts';
import { readSql } from '../sql.ts';
import { loadRows } from './load-rows.ts';
import { STAGED_TABLES, readStagedSql, type Staged, type StagedPart, type StagedTable } from './staging.ts';

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
  /** Seconds each step took: load, cross-document rules, write, aggregates. */
  phases: Record<string, number>;
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

/**
 * A query's rows as plain objects, built from its columns: DuckDB's own row objects cost ~15 µs
 * a row, too slow for the millions of facts the cross-document rules read.
 */
async function rowsOf<T>(conn: DuckDBConnection, sql: string, params: (string | number | null)[] = []): Promise<T[]> {
  const r = await conn.runAndReadAll(sql, params);
  const names = r.columnNames();
  const columns = r.getColumnsJS();
  const n = r.currentRowCount;
  const out: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o: Record<string, unknown> = {};
    for (let k = 0; k < names.length; k++) o[names[k]!] = columns[k]![i];
    out[i] = o;
  }
  return out as T[];
}

export interface AssembleOptions {
  plan: SnapshotPlan;
  /** The staged rows (staging.ts): the documents the plan kept, in its order. */
  staged: Staged;
  /** Scratch folder: the DuckDB database and its spill files. */
  workDir: string;
  /** Where the Parquet files go (the new snapshot's temp folder). */
  outDir: string;
  /** After each table's files are complete (progress and the ingest's test hooks). */
  afterEach?: (table: string) => Promise<void> | void;
  log?: (line: string) => void;
}

export async function assembleTables(opts: AssembleOptions): Promise<AssembleResult> {
  const { plan, staged } = opts;
  checkStaged(plan, staged);
  mkdirSync(opts.workDir, { recursive: true });
  // In memory, spilling to the work folder beyond the limit: the big tables are never held,
  // they stream from the staged files to Parquet; only the facts the cross-document rules read
  // are loaded.
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(THREADS),
    temp_directory: join(opts.workDir, 'spill'),
    preserve_insertion_order: 'true',
    memory_limit: '4GB',
  });
  const conn = await instance.connect();
  const writers = [conn];
  for (let i = 1; i < THREADS; i++) writers.push(await instance.connect());
  const t0 = performance.now();
  const say = opts.log ?? (() => {});
  const phases: Record<string, number> = {};
  let lap = t0;
  /** Ends a step: its time goes to `phases`, its line to the log. */
  const log = (line: string, phase?: string) => {
    const now = performance.now();
    if (phase) phases[phase] = Math.round(((phases[phase] ?? 0) + (now - lap) / 1000) * 10) / 10;
    lap = now;
    say(`${line} (${((now - t0) / 1000).toFixed(1)} s)`);
  };
  try {
    // 1. Each kept document's place in the snapshot's order (the rules read facts by it).
    await conn.run('CREATE TABLE kept (doc_id VARCHAR, rank INTEGER)');
    await loadRows(conn, 'kept', [
      { name: 'doc_id', type: 'VARCHAR' },
      { name: 'rank', type: 'INTEGER' },
    ], plan.kept.map((k) => ({ doc_id: k.doc_id, rank: k.rank })), opts.workDir);
    const rankOf = new Map(plan.kept.map((k) => [k.doc_id, k.rank]));
    const provinceOf = new Map(plan.kept.map((k) => [k.doc_id, k.province]));

    // 2. The staged facts, every partition, with each row's document's rank (for the rules).
    const factFiles = staged.parts.get('facts')!.map((p) => p.path);
    await conn.run(
      `CREATE VIEW st_facts AS ${
        factFiles.length
          ? `SELECT s.* EXCLUDE (__seq), k.rank AS __rank, s.__seq FROM ${readStagedSql('facts', factFiles)} s JOIN kept k ON s.doc_id = k.doc_id`
          : `SELECT ${table('facts').columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ')}, 0 AS __rank, 0 AS __seq WHERE false`
      }`,
    );
    // Rows the ingest adds to the staged ones: derived facts, findings across documents.
    const extraCols = (name: string) => [...table(name).columns, { name: '__rank', type: 'INTEGER' as const }, { name: '__seq', type: 'INTEGER' as const }];
    for (const name of ['facts', 'findings']) await conn.run(`CREATE TABLE ${quoteIdent(`extra_${name}`)} (${extraCols(name).map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`);

    // 3. Figures and findings across documents. The facts their rules read are loaded once;
    // the rules run one slice at a time (units by hash, then year and kind), so memory holds
    // one slice of row objects.
    const factCols = 'doc_id, unit_id, fiscal_year, kind, province, key, basis, value, derived, source_line, source_end_line, source_text';
    const changeKeys = staged.changeKeys;
    const ruleKeys = [...new Set([...changeKeys, ...TREND_KEYS, ...PEER_KEYS])];
    await conn.run(`CREATE TABLE rule_facts AS SELECT ${factCols}, __rank, __seq FROM st_facts WHERE key IN (${inList(ruleKeys)})`);
    log('rule facts loaded', 'load');
    // The derived figures are set-based SQL (src/lib/snapshot/derive.sql): a province has
    // millions of facts that rule reads, and carrying them through JavaScript rows was most of
    // this step.
    await conn.run('CREATE TABLE change_keys (key VARCHAR)');
    await loadRows(conn, 'change_keys', [{ name: 'key', type: 'VARCHAR' }], changeKeys.map((key) => ({ key })), opts.workDir);
    await conn.run(DERIVE_SQL);
    await conn.run('INSERT INTO extra_facts SELECT * FROM derived_facts');
    const [{ derived }] = await rowsOf<{ derived: number }>(conn, 'SELECT count(*)::INTEGER AS derived FROM extra_facts');
    await conn.run(`INSERT INTO rule_facts SELECT ${factCols}, __rank, __seq FROM extra_facts`);
    log(`derived figures: ${derived}`, 'cross_document');
    // The trend and peer rules are pure functions over rows (src/lib/findings/corpus.ts). SQL
    // only narrows what they are given to rows they could use (the two years around a jump);
    // they apply their own conditions to what they get.
    const corpusRows: Row[] = [];
    // Thresholds loosened by 1 % here: the rule applies the exact ones.
    corpusRows.push(
      ...corpusFindingRows(
        trendFindings(
          await rowsOf<FactRow>(
            conn,
            `WITH t AS (SELECT * FROM rule_facts WHERE kind = 'final' AND basis = 'actual' AND unit_id IS NOT NULL AND fiscal_year IS NOT NULL
                          AND key IN (${inList(TREND_KEYS)})),
                  jumps AS (SELECT DISTINCT c.unit_id, c.key, c.fiscal_year AS y FROM t c
                            JOIN t p ON p.unit_id = c.unit_id AND p.key = c.key AND p.fiscal_year = c.fiscal_year - 1
                            WHERE p.value > 0 AND abs(c.value - p.value) >= ${TREND_ABS * 0.99} AND abs(c.value - p.value) / p.value * 100 >= ${TREND_PCT * 0.99}),
                  -- Both years of each jump, so the last join is on equalities only (an IN there made it a nested loop).
                  years AS (SELECT unit_id, key, y AS fiscal_year FROM jumps UNION SELECT unit_id, key, y - 1 FROM jumps)
             SELECT ${factCols} FROM t SEMI JOIN years j ON j.unit_id = t.unit_id AND j.key = t.key AND j.fiscal_year = t.fiscal_year
             ORDER BY __rank, __seq`,
          ),
        ),
        (d) => provinceOf.get(d) ?? null,
      ),
    );
    log('trend findings', 'cross_document');
    const units: UnitRowLite[] = plan.units.map((u) => ({ unit_id: u.unit_id as string, sector: u.sector as string | null }));
    // Only the rows the rule reads, filtered once: a document's first figure of each key on the
    // basis the rule compares (the year's main one; a stock such as staff also by 'actual').
    await conn.run(
      `CREATE TABLE peer_facts AS SELECT fiscal_year, kind, __rank, __seq, key, basis, value, source_line, source_end_line, source_text FROM rule_facts
       WHERE NOT derived AND key IN (${inList(PEER_KEYS)}) AND basis IN (CASE WHEN kind = 'budget' THEN 'budget' ELSE 'actual' END, 'actual')
       QUALIFY row_number() OVER (PARTITION BY __rank, key, basis ORDER BY __seq) = 1`,
    );
    const groups = await rowsOf<{ fiscal_year: number | null; kind: string | null }>(conn, 'SELECT DISTINCT fiscal_year, kind FROM peer_facts ORDER BY fiscal_year NULLS LAST, kind NULLS LAST');
    const docsOf = new Map<string, DocRow[]>();
    for (const d of plan.documents) {
      if (d.status === 'rejected') continue;
      const k = `${d.fiscal_year}|${d.kind}`;
      const list = docsOf.get(k);
      if (list) list.push(d as unknown as DocRow);
      else docsOf.set(k, [d as unknown as DocRow]);
    }
    // Peers need every value of a group, but only an outlier's figures are cited: the rule runs
    // on the values alone, then again once the documents it flagged have their sources (same
    // values, so the same findings). The group's year and kind, each row's document (from its
    // rank), key and basis (from their codes) are filled in here rather than read back as
    // strings a million times.
    const docIdOf = plan.kept.map((k) => k.doc_id);
    const BASES = ['actual', 'budget'];
    const code = (col: string, names: readonly string[]) => `CAST(list_position([${inList(names)}], ${col}) - 1 AS INTEGER)`;
    const where = (g: { fiscal_year: number | null; kind: string | null }) =>
      `fiscal_year IS NOT DISTINCT FROM ${g.fiscal_year === null ? 'NULL' : Number(g.fiscal_year)} AND kind IS NOT DISTINCT FROM ${g.kind === null ? 'NULL' : sqlString(g.kind)}`;
    for (const g of groups) {
      const r = await conn.runAndReadAll(`SELECT __rank, ${code('key', PEER_KEYS)}, ${code('basis', BASES)}, value FROM peer_facts WHERE ${where(g)} ORDER BY __rank, __seq`);
      const [rank, key, basis, value] = r.getColumnsJS() as [number[], number[], number[], number[]];
      const facts: FactRow[] = new Array(r.currentRowCount);
      const rowsOfDoc = new Map<string, FactRow[]>();
      for (let i = 0; i < facts.length; i++) {
        const doc_id = docIdOf[rank[i]!]!;
        const f: FactRow = {
          doc_id, unit_id: null, fiscal_year: g.fiscal_year, kind: g.kind, key: PEER_KEYS[key[i]!]!, basis: BASES[basis[i]!]!, value: value[i]!,
          derived: false, source_line: null, source_end_line: null, source_text: null,
        };
        facts[i] = f;
        const list = rowsOfDoc.get(doc_id);
        if (list) list.push(f);
        else rowsOfDoc.set(doc_id, [f]);
      }
      const docs = docsOf.get(`${g.fiscal_year}|${g.kind}`) ?? [];
      const flagged = [...new Set(peerFindings(facts, docs, units).map((f) => f.doc_id))];
      if (!flagged.length) continue;
      const sources = await conn.runAndReadAll(
        `SELECT __rank, ${code('key', PEER_KEYS)}, ${code('basis', BASES)}, source_line, source_end_line, source_text FROM peer_facts
         WHERE ${where(g)} AND __rank IN (${flagged.map((d) => rankOf.get(d)!).join(', ')})`,
      );
      const [sRank, sKey, sBasis, line, endLine, text] = sources.getColumnsJS() as [number[], number[], number[], (number | null)[], (number | null)[], (string | null)[]];
      for (let i = 0; i < sRank.length; i++) {
        const f = rowsOfDoc.get(docIdOf[sRank[i]!]!)?.find((x) => x.key === PEER_KEYS[sKey[i]!] && x.basis === BASES[sBasis[i]!]);
        if (!f) continue;
        f.source_line = line[i]!;
        f.source_end_line = endLine[i]!;
        f.source_text = text[i]!;
      }
      corpusRows.push(...corpusFindingRows(peerFindings(facts, docs, units), (d) => provinceOf.get(d) ?? null));
    }
    await conn.run('DROP TABLE peer_facts');
    // Numbered per document in a fixed order (rule, subject), whatever order the rules met them in.
    corpusRows.sort((a, b) => rankOf.get(a.doc_id as string)! - rankOf.get(b.doc_id as string)! || (a.finding_id! < b.finding_id! ? -1 : a.finding_id! > b.finding_id! ? 1 : 0));
    const seqBase = new Map<string, number>();
    await loadRows(conn, 'extra_findings', extraCols('findings'), corpusRows.map((r) => {
      const d = r.doc_id as string;
      const n = seqBase.get(d) ?? 0;
      seqBase.set(d, n + 1);
      return { ...r, __rank: rankOf.get(d)!, __seq: 1_000_000 + n };
    }), opts.workDir);
    await conn.run('DROP TABLE rule_facts');
    log(`cross-document rules: ${derived} derived figures, ${corpusRows.length} findings`, 'cross_document');

    // 4. The documents and units tables come from the plan.
    for (const [name, rows] of [['documents', plan.documents], ['units', plan.units]] as const) {
      await conn.run(`CREATE TABLE ${quoteIdent(`st_${name}`)} (${extraCols(name).map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`);
      await loadRows(conn, `st_${name}`, extraCols(name), rows.map((r, i) => ({ ...r, __rank: i, __seq: 0 })), opts.workDir);
    }
    log('documents and units', 'plan_tables');

    // 5. Parquet, a year at a time: each year's rows materialised once and written partition
    // by partition.
    const out: Record<string, WrittenTable> = {};
    let facts = 0;
    for (const t of TABLES) {
      let parts: PartFile[];
      if (!isPartitioned(t)) parts = [await writeOne(conn, t, quoteIdent(`st_${t.name}`), opts.outDir)];
      else if ((STAGED_TABLES as readonly string[]).includes(t.name)) {
        const extra = t.name === 'facts' || t.name === 'findings' ? `extra_${t.name}` : null;
        parts = await writeStaged(writers, t, staged.parts.get(t.name as StagedTable)!, extra, opts.outDir);
      } else {
        const source = quoteIdent(`st_${t.name}`);
        parts = [];
        const years = (await rowsOf<{ y: number | null }>(conn, `SELECT DISTINCT fiscal_year AS y FROM ${source}`)).map((r) => r.y);
        for (const y of years.sort(byKey)) {
          parts.push(...(await writePartitioned(writers, t, `(SELECT * FROM ${source} WHERE fiscal_year IS NOT DISTINCT FROM ${y === null ? 'NULL' : Number(y)})`, opts.outDir)));
        }
      }
      const rows = parts.reduce((n, p) => n + p.rows, 0);
      if (t.name === 'facts') facts = rows;
      out[t.name] = { rows, partition_by: isPartitioned(t) ? [...PARTITION_KEYS] : [], parts };
      log(`${t.name}: ${parts.length} files`, 'write');
      await opts.afterEach?.(t.name);
    }
    // 6. The region-level aggregates, by the same SQL files the app runs, over the files just
    // written (read back column by column, as the app reads them).
    for (const t of TABLES) await conn.run(baseViewSql(t.name, out[t.name]!.parts.map((p) => join(opts.outDir, ...p.file.split('/')))));
    for (const f of SQL_FILES) await conn.run(readSql(f));
    const aggregates = await writeAggregates(conn, opts.outDir, writers.slice(1));
    log(`aggregates: ${AGGREGATES.map((a) => `${a} ${aggregates[a]!.rows}`).join(', ')}`, 'aggregates');
    return { tables: out, aggregates, facts, derived, phases };
  } finally {
    for (const w of writers) w.closeSync();
    instance.closeSync();
  }
}

const THREADS = Math.max(1, availableParallelism());

/** The derived-figure rule (src/lib/snapshot/derive.sql). */
export const DERIVE_SQL = readFileSync(new URL('../../../src/lib/snapshot/derive.sql', import.meta.url), 'utf8');

/** Partition keys in order: numbers, then strings by code point; null last. */
function byKey(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** A partition's file, relative to the snapshot folder. */
const partFile = (table: string, fiscal_year: number | null, province: string | null): string =>
  [table, partitionSegment('fiscal_year', fiscal_year), partitionSegment('province', province), 'part-0.parquet'].join('/');

/** The condition selecting one partition's rows (its keys as SQL literals). */
const partWhere = (p: { fiscal_year: number | null; province: string | null }): string =>
  `fiscal_year IS NOT DISTINCT FROM ${p.fiscal_year === null ? 'NULL' : Number(p.fiscal_year)} AND province IS NOT DISTINCT FROM ${p.province === null ? 'NULL' : sqlString(p.province)}`;

/** Writes each part with `copy`, on several connections at once (one COPY of a small partition keeps one core busy). */
async function eachPart<P extends { file: string }>(writers: DuckDBConnection[], parts: readonly P[], outDir: string, copy: (w: DuckDBConnection, p: P, path: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    writers.map(async (w) => {
      while (next < parts.length) {
        const p = parts[next++]!;
        const path = join(outDir, ...p.file.split('/'));
        mkdirSync(dirname(path), { recursive: true });
        await copy(w, p, path);
      }
    }),
  );
}

/**
 * The staged rows must be the documents the plan kept, in its order, under its units: the
 * write takes each staged file's order as the snapshot's. A difference is a bug, never data.
 */
export function checkStaged(plan: SnapshotPlan, staged: Staged): void {
  const n = Math.max(plan.kept.length, staged.docs.length);
  for (let i = 0; i < n; i++) {
    const k = plan.kept[i];
    const s = staged.docs[i];
    if (!k || !s || k.input !== s.input || k.doc_id !== s.doc_id || k.unit_id !== s.unit_id)
      throw new Error(`staged rows out of step with the plan at document ${i}: staged ${JSON.stringify(s ?? null)}, planned ${JSON.stringify(k ? { input: k.input, doc_id: k.doc_id, unit_id: k.unit_id } : null)}`);
  }
}

/**
 * A staged table's partitions: each staged file converted as it is (its rows are in document
 * order), followed by the partition's rows from \`extra\` (the ingest's own, sorted by document
 * once for all partitions). A partition may have only extra rows. Partitions are written by
 * several connections at once (one small COPY keeps one core busy).
 */
async function writeStaged(writers: DuckDBConnection[], t: TableDef, stagedParts: readonly StagedPart[], extra: string | null, outDir: string): Promise<PartFile[]> {
  const [conn] = writers as [DuckDBConnection];
  const byPart = new Map<string, { fiscal_year: number | null; province: string | null; path: string | null }>();
  const keyOf = (y: number | null, p: string | null) => JSON.stringify([y, p]);
  for (const s of stagedParts) byPart.set(keyOf(s.fiscal_year, s.province), s);
  const sorted = extra ? quoteIdent(`${extra}_sorted`) : null;
  if (extra) {
    await conn.run(`CREATE OR REPLACE TABLE ${sorted} AS SELECT * FROM ${quoteIdent(extra)} ORDER BY fiscal_year NULLS LAST, province NULLS LAST, __rank, __seq`);
    for (const k of await rowsOf<{ fiscal_year: number | null; province: string | null }>(conn, `SELECT DISTINCT fiscal_year, province FROM ${sorted}`)) {
      const key = keyOf(k.fiscal_year, k.province);
      if (!byPart.has(key)) byPart.set(key, { ...k, path: null });
    }
  }
  const parts = [...byPart.values()]
    .sort((a, b) => byKey(a.fiscal_year, b.fiscal_year) || byKey(a.province, b.province))
    .map((k) => ({ file: partFile(t.name, k.fiscal_year, k.province), fiscal_year: k.fiscal_year, province: k.province, staged: k.path }));
  try {
    await eachPart(writers, parts, outDir, async (w, p, path) => {
      // UNION ALL, a single table's scan and WHERE keep row order (DuckDB's order preservation).
      const from = [
        ...(p.staged ? [`SELECT ${cols(t)} FROM ${readStagedSql(t.name as StagedTable, [p.staged])}`] : []),
        ...(sorted ? [`SELECT ${cols(t)} FROM ${sorted} WHERE ${partWhere(p)}`] : []),
      ].join(' UNION ALL ');
      await w.run(`COPY (${from}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
      // Read for the last time: removed now, while the other connections write, rather than
      // with the whole work folder at the end (a province stages several GB).
      if (p.staged) rmSync(p.staged, { force: true });
    });
  } finally {
    if (sorted) await conn.run(`DROP TABLE IF EXISTS ${sorted}`);
  }
  return describeParts(conn, outDir, parts.map(({ staged: _s, ...p }) => p));
}

/**
 * One table's rows, in snapshot order, as <table>/fiscal_year=<y>/province=<p>/part-0.parquet.
 * The rows are materialised once, unsorted; each partition's COPY reads its own rows (the scan
 * filters on the two key columns before it fetches the others) and sorts just those, so no
 * sort ever spans a whole year of a table. Partitions are written by several connections at
 * once (one COPY of a small partition keeps one core busy). DuckDB's PARTITION_BY writer is not
 * used: it does not keep the rows of a partition in input order, and the same inputs must give
 * the same bytes.
 */
async function writePartitioned(writers: DuckDBConnection[], t: TableDef, src: string, outDir: string): Promise<PartFile[]> {
  const [conn] = writers as [DuckDBConnection];
  await conn.run(`CREATE OR REPLACE TABLE rows_in AS SELECT * FROM ${src}`);
  try {
    const keys = await rowsOf<{ fiscal_year: number | null; province: string | null }>(
      conn,
      'SELECT DISTINCT fiscal_year, province FROM rows_in ORDER BY fiscal_year NULLS LAST, province NULLS LAST',
    );
    const parts = keys.map((k) => ({ file: partFile(t.name, k.fiscal_year, k.province), fiscal_year: k.fiscal_year, province: k.province }));
    // (__rank, __seq) is unique within a table: the order, and so the bytes, are fixed.
    await eachPart(writers, parts, outDir, (w, p, path) =>
      w.run(`COPY (SELECT ${cols(t)} FROM rows_in WHERE ${partWhere(p)} ORDER BY __rank, __seq) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`),
    );
    return await describeParts(conn, outDir, parts);
  } finally {
    await conn.run('DROP TABLE rows_in');
  }
}

async function writeOne(conn: DuckDBConnection, t: TableDef, src: string, outDir: string): Promise<PartFile> {
  const rel = `${t.name}.parquet`;
  await conn.run(`COPY (SELECT ${cols(t)} FROM ${src} ORDER BY __rank, __seq) TO ${sqlString(join(outDir, rel))} (FORMAT parquet, COMPRESSION zstd)`);
  return (await describeParts(conn, outDir, [{ file: rel }]))[0]!;
}

/** Row count (from each file's footer, in one query) and checksum of written files. */
async function describeParts(conn: DuckDBConnection, outDir: string, parts: Omit<PartFile, 'rows' | 'bytes' | 'sha256'>[]): Promise<PartFile[]> {
  if (!parts.length) return [];
  const paths = parts.map((p) => join(outDir, ...p.file.split('/')));
  const counts = new Map(
    (await rowsOf<{ file_name: string; n: number }>(conn, `SELECT file_name, num_rows::INTEGER AS n FROM parquet_file_metadata([${paths.map(sqlString).join(', ')}])`)).map((r) => [r.file_name, r.n]),
  );
  return parts.map((p, i) => {
    const bytes = readFileSync(paths[i]!);
    const rows = counts.get(paths[i]!);
    if (rows === undefined) throw new Error(`no footer read for ${p.file}`);
    return { ...p, rows, bytes: bytes.length, sha256: sha256(bytes) };
  });
}

/**
 * Writes the views of aggregates.sql (already created on `conn`, and on each of `more`, which
 * share its database) as <dir>/aggregates/<name>.parquet, each ordered by every column so the
 * same data always gives the same bytes. Each runs on one thread: a parallel sum of doubles
 * adds in whatever order the threads finish, and its last digits would change from run to run.
 * The connections run different aggregates at once.
 */
export async function writeAggregates(conn: DuckDBConnection, dir: string, more: DuckDBConnection[] = []): Promise<Record<string, PartFile>> {
  const written = new Map<string, PartFile>();
  mkdirSync(join(dir, 'aggregates'), { recursive: true });
  await conn.run('SET threads = 1');
  try {
    let next = 0;
    await Promise.all(
      [conn, ...more].map(async (c) => {
        while (next < AGGREGATES.length) {
          const name = AGGREGATES[next++]!;
          const path = join(dir, 'aggregates', `${name}.parquet`);
          await c.run(`COPY (SELECT * FROM ${quoteIdent(name)} ORDER BY ALL) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
          const bytes = readFileSync(path);
          const [{ n }] = await rowsOf<{ n: number }>(c, `SELECT num_rows::INTEGER AS n FROM parquet_file_metadata(${sqlString(path)})`);
          written.set(name, { file: `aggregates/${name}.parquet`, rows: n!, bytes: bytes.length, sha256: sha256(bytes) });
        }
      }),
    );
  } finally {
    await conn.run('RESET threads');
  }
  return Object.fromEntries(AGGREGATES.map((a) => [a, written.get(a)!]));
}
