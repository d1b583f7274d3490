// 异常线索: the snapshot's findings table, when it has one. Its exact columns are decided by
// the findings stage (src/lib/findings/types.ts gives the shape: rule, family, severity,
// subject, zh, en, figures, expected, stated, difference); this reader asks the table which
// columns it has and uses those, so it keeps working as the table grows.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import type { Row } from '../../db/rows.ts';
import type { Filters } from '../filters.ts';
import { untrack } from 'svelte';
import type { SeedLookup } from '../../db/seed.ts';
import { detailScope, fromAggregates, hasTable, knownManifest, ready, snapshot } from '../snapshot.svelte.ts';
import type { FindingsQuery, RuleCount } from './findings-sql.ts';
import type { Query } from './overview-sql.ts';
import { RULES_AGG_QUERY, RULES_QUERY, COLUMNS_QUERY, countsAggregatable, findingsWhere, ruleCountsAggQuery, ruleCountsQuery } from './findings-sql.ts';

export type { FindingsQuery, RuleCount } from './findings-sql.ts';

export interface FindingFigure {
  label: string;
  value: number | null;
  unit: string;
  line: number | null;
  endLine: number | null;
  text: string | null;
}

export interface FindingRow {
  rule: string;
  family: string | null;
  severity: string | null;
  subject: string | null;
  zh: string | null;
  en: string | null;
  unit_id: string | null;
  unit_name: string | null;
  fiscal_year: number | null;
  kind: string | null;
  doc_id: string | null;
  file: string | null;
  expected: number | null;
  stated: number | null;
  difference: number | null;
  figures: FindingFigure[];
  source_line: number | null;
  source_end_line: number | null;
  source_text: string | null;
}

export interface FindingsResult {
  available: boolean;
  rows: FindingRow[];
  rules: string[];
  total: number;
}

const SEVERITY_ORDER = `CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END`;

let columnsCache: { url: string; cols: Promise<Set<string>> } | null = null;
let rulesCache: { url: string; rules: Map<string, Promise<string[]>> } | null = null;

/** The rule filter's options (RULES_QUERY or RULES_AGG_QUERY): the same whatever the filters, asked once per snapshot. */
function ruleList(q: Query): Promise<string[]> {
  const url = untrack(() => snapshot.url);
  if (rulesCache?.url !== url) rulesCache = { url, rules: new Map() };
  let p = rulesCache.rules.get(q.sql);
  if (!p) {
    const cache = rulesCache.rules;
    p = queryRows<{ rule: string }>(q.sql, q.params).then((r) => r.map((x) => x.rule));
    p.catch(() => cache.delete(q.sql));
    cache.set(q.sql, p);
  }
  return p;
}

async function findingColumns(): Promise<Set<string>> {
  const url = untrack(() => snapshot.url);
  if (columnsCache?.url !== url) {
    columnsCache = {
      url,
      cols: queryRows<{ c: string }>(COLUMNS_QUERY.sql, COLUMNS_QUERY.params).then(
        (r) => new Set(r.map((x) => x.c)),
      ),
    };
  }
  return columnsCache.cols;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (v == null ? null : String(v));

/** Figures may be stored as JSON text or as a list of structs; both become FindingFigure. */
export function parseFigures(v: unknown): FindingFigure[] {
  let list: unknown = v;
  if (typeof v === 'string') {
    try {
      list = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
    .map((x) => {
      const src = (x.source && typeof x.source === 'object' ? x.source : {}) as Record<string, unknown>;
      return {
        label: str(x.label) ?? '',
        value: num(x.value),
        unit: str(x.unit) ?? '',
        line: num(src.line ?? x.source_line ?? x.line),
        endLine: num(src.endLine ?? src.end_line ?? x.source_end_line ?? x.end_line),
        text: str(src.text ?? x.source_text ?? x.text),
      };
    });
}

function normalize(r: Row): FindingRow {
  return {
    rule: String(r.rule ?? ''),
    family: str(r.family),
    severity: str(r.severity),
    subject: str(r.subject),
    zh: str(r.zh ?? r.message_zh ?? r.message),
    en: str(r.en ?? r.message_en),
    unit_id: str(r.unit_id),
    unit_name: str(r.unit_name),
    fiscal_year: num(r.fiscal_year),
    kind: str(r.kind),
    doc_id: str(r.doc_id),
    file: str(r.file),
    expected: num(r.expected),
    stated: num(r.stated),
    difference: num(r.difference),
    figures: parseFigures(r.figures),
    source_line: num(r.source_line),
    source_end_line: num(r.source_end_line),
    source_text: str(r.source_text),
  };
}

/** The filters whose partitions a findings query reads: a chosen unit narrows them to its province. */
const scopeOf = (f: Filters, q: FindingsQuery): Filters => (q.unit && !f.units.length ? { ...f, units: [q.unit] } : f);

export async function loadFindings(f: Filters, q: FindingsQuery = {}, run: QueryOpts = {}): Promise<FindingsResult> {
  await ready();
  if (!hasTable('findings')) return { available: false, rows: [], rules: [], total: 0 };
  await detailScope(scopeOf(f, q));
  const cols = await findingColumns();
  const where = findingsWhere(f, cols, q);
  const joinUnit = cols.has('unit_id') && !cols.has('unit_name');
  const joinDoc = cols.has('doc_id') && !cols.has('file');
  const order = [cols.has('fiscal_year') ? 'f.fiscal_year DESC NULLS LAST' : null, cols.has('severity') ? SEVERITY_ORDER : null, cols.has('rule') ? 'f.rule' : null]
    .filter(Boolean)
    .join(', ');
  const limit = Math.floor(Math.max(1, Math.min(q.limit ?? 1000, 5000)));
  const from = `findings f${joinUnit ? ' LEFT JOIN units u ON u.unit_id = f.unit_id' : ''}${joinDoc ? ' LEFT JOIN documents d ON d.doc_id = f.doc_id' : ''}`;
  // The number of matching findings with the first `limit` of them, in one query (a window
  // count is taken before the LIMIT).
  const [rows, rules] = await Promise.all([
    queryRows(
      `SELECT f.*${joinUnit ? ', u.name AS unit_name' : ''}${joinDoc ? ', d.file AS file' : ''}, count(*) OVER () AS __matching FROM ${from} ${where.sql} ${order ? `ORDER BY ${order}` : ''} LIMIT ${limit}`,
      where.params,
      undefined,
      run,
    ),
    cols.has('rule') ? ruleList(RULES_QUERY) : Promise.resolve([]),
  ]);
  return { available: true, rows: rows.map(normalize), rules, total: rows.length ? Number(rows[0]!.__matching) : 0 };
}

export interface FindingCounts {
  available: boolean;
  /** Findings per rule and severity. */
  counts: RuleCount[];
  /** Every rule that has findings in the snapshot (the rule filter's options). */
  rules: string[];
  total: number;
  /** From the aggregates (the list is then read only on request). */
  scope: boolean;
}

/** Findings counted per rule and severity: from the aggregates when they carry the choices. */
export async function loadFindingCounts(f: Filters, q: FindingsQuery = {}, run: QueryOpts = {}): Promise<FindingCounts> {
  // From the aggregates without waiting for the database (the seed of a snapshot read in place may answer).
  const agg = countsAggregatable(q) && (await fromAggregates(f));
  const manifest = untrack(() => snapshot.manifest) ?? (await knownManifest()) ?? (await ready()).manifest;
  if (!manifest.tables.findings) return { available: false, counts: [], rules: [], total: 0, scope: false };
  let counts: RuleCount[];
  let rules: string[];
  if (agg && manifest.aggregates?.agg_findings) {
    const c = ruleCountsAggQuery(f, q);
    [counts, rules] = await Promise.all([queryRows<RuleCount>(c.sql, c.params, c.live, run), ruleList(RULES_AGG_QUERY)]);
  } else {
    await detailScope(scopeOf(f, q));
    const cols = await findingColumns();
    if (!cols.has('rule')) return { available: true, counts: [], rules: [], total: 0, scope: false };
    const c = ruleCountsQuery(f, cols, q);
    [counts, rules] = await Promise.all([queryRows<RuleCount>(c.sql, c.params, c.live, run), ruleList(RULES_QUERY)]);
  }
  return { available: true, counts, rules, total: counts.reduce((n, c) => n + c.findings, 0), scope: agg && !!manifest.aggregates?.agg_findings };
}

/** The findings page's first queries (the embedded snapshot; `get`: the seed's answers, for the table's columns). */
export function findingCountsFirstQueries(get: SeedLookup, f: Filters): Query[] {
  const cols = new Set((get<{ c: string }>(COLUMNS_QUERY) ?? []).map((r) => r.c));
  return cols.has('rule') ? [COLUMNS_QUERY, ruleCountsQuery(f, cols, {}), RULES_QUERY] : [COLUMNS_QUERY];
}

/** loadFindingCounts's answer with no page choices from the seed (the embedded snapshot), or null. */
export function findingCountsFromSeed(get: SeedLookup, f: Filters): FindingCounts | null {
  const cols = get<{ c: string }>(COLUMNS_QUERY);
  if (!cols) return null;
  const set = new Set(cols.map((r) => r.c));
  if (!set.has('rule')) return null;
  const counts = get<RuleCount>(ruleCountsQuery(f, set, {}));
  const rules = get<{ rule: string }>(RULES_QUERY);
  if (!counts || !rules) return null;
  return { available: true, counts, rules: rules.map((r) => r.rule), total: counts.reduce((n, c) => n + c.findings, 0), scope: false };
}

/**
 * The findings list, unless the counts come from the aggregates and it was not asked for (at
 * scale it reads the partitions of the filters): then null.
 */
export async function loadFindingsOnRequest(f: Filters, q: FindingsQuery, wanted: boolean, run: QueryOpts = {}): Promise<FindingsResult | null> {
  if (!wanted && countsAggregatable(q) && (await fromAggregates(f))) return null;
  return loadFindings(f, q, run);
}

/** Counts per rule with their severities side by side, most findings first (for a bar chart). Pure. */
export function byRule(counts: RuleCount[]): { rule: string; high: number; medium: number; low: number; total: number }[] {
  const m = new Map<string, { rule: string; high: number; medium: number; low: number; total: number }>();
  for (const c of counts) {
    let r = m.get(c.rule);
    if (!r) m.set(c.rule, (r = { rule: c.rule, high: 0, medium: 0, low: 0, total: 0 }));
    const sev = c.severity === 'high' || c.severity === 'medium' ? c.severity : 'low';
    r[sev] += c.findings;
    r.total += c.findings;
  }
  return [...m.values()].sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule));
}
