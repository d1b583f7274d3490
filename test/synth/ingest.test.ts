// The whole pipeline on a synthetic corpus, the generator being the gold: ~200 documents are
// written as files, ingested with worker threads into a partitioned snapshot, and each record
// is rebuilt from the snapshot's Parquet tables (facts, function and economic lines, projects,
// summary rows) with plain DuckDB SQL. Every value must equal the generator's truth, every
// document must be marked synthetic, and every planted inconsistency must be in the findings
// table.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult } from '../../scripts/lib/ingest/run.ts';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import { openSnapshot, type OpenSnapshot } from '../../scripts/lib/sql.ts';
import type { ExtractionRecord } from '../../src/lib/extract/types.ts';
import { compareRecord, SECTIONS } from '../../src/lib/synth/compare.ts';
import { generate, type SynthDoc } from '../../src/lib/synth/index.ts';

const root = mkdtempSync(join(tmpdir(), 'fl-synth-ingest-'));
let docs: SynthDoc[];
let snap: IngestResult;
let db: OpenSnapshot;

beforeAll(async () => {
  // 24 units × 8 years = 192 documents in every seed layout, one in ten with a planted inconsistency.
  docs = [...generate({ seed: 'ingest', units: 24, from: 2016, to: 2023, inconsistencyRate: 0.1 })];
  const dir = join(root, 'docs');
  mkdirSync(dir, { recursive: true });
  for (const d of docs) writeFileSync(join(dir, d.file), d.text);
  snap = await runIngest({ inputs: [dir], out: join(root, 'snapshot'), unitsCsv: join(root, 'no-units.csv'), cacheDir: null, quiet: true, jobs: 2 });
  db = await openSnapshot(snap.out, { views: false });
}, 300_000);
afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

type R = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

type Rec = Pick<ExtractionRecord, 'unit_name' | 'region' | 'fiscal_year' | 'kind' | 'facts' | 'function_lines' | 'economic_lines' | 'projects' | 'summary_projects'>;

/** Every document's record as the snapshot holds it, in the extraction spec's shape, by file. */
async function recordsFromSnapshot(): Promise<Map<string, Rec>> {
  const byDoc = async (sql: string) => {
    const m = new Map<string, R[]>();
    for (const r of await db.query<R>(sql)) {
      const k = r.doc_id as string;
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const facts = await byDoc('SELECT doc_id, key, basis, value FROM facts WHERE NOT derived');
  const fl = await byDoc('SELECT doc_id, code, name, fund, amount, basic, project FROM function_lines');
  const el = await byDoc('SELECT doc_id, code, name, amount, personnel, public FROM economic_lines');
  const pr = await byDoc('SELECT doc_id, name, budget, budget_initial, budget_full_year, executed, exec_rate, score, indicator_count FROM projects');
  const sp = await byDoc('SELECT doc_id, name, unit, budget_initial, budget_full_year, executed, exec_rate, completion_pct, score FROM summary_projects');
  const out = new Map<string, Rec>();
  for (const doc of await db.query<R>('SELECT doc_id, file, unit_name, province, prefecture, county, fiscal_year, kind FROM documents')) {
    const id = doc.doc_id as string;
    out.set(doc.file as string, {
      unit_name: doc.unit_name as string,
      region: [doc.province, doc.prefecture, doc.county].filter((x): x is string => typeof x === 'string'),
      fiscal_year: doc.fiscal_year as number,
      kind: doc.kind as 'final' | 'budget',
      facts: facts(id).map((f) => ({ key: f.key as string, basis: f.basis as ExtractionRecord['facts'][number]['basis'], value: f.value as number })),
      function_lines: fl(id).map((l) => ({ code: l.code as string | null, name: l.name as string, fund: l.fund as 'gpb' | 'govfund', amount: num(l.amount), basic: num(l.basic), project: num(l.project) })) as ExtractionRecord['function_lines'],
      economic_lines: el(id).map((l) => ({ code: l.code as string, name: l.name as string, amount: num(l.amount), personnel: num(l.personnel), public: num(l.public) })) as ExtractionRecord['economic_lines'],
      projects: pr(id).map((p) => ({ name: p.name as string, budget: num(p.budget), budget_initial: num(p.budget_initial), budget_full_year: num(p.budget_full_year), executed: num(p.executed), exec_rate: num(p.exec_rate), score: num(p.score), indicator_count: p.indicator_count as number })) as ExtractionRecord['projects'],
      summary_projects: sp(id).map((p) => ({ name: p.name as string, unit: (p.unit as string | null) ?? undefined, budget_initial: num(p.budget_initial), budget_full_year: num(p.budget_full_year), executed: num(p.executed), exec_rate: num(p.exec_rate), completion_pct: num(p.completion_pct), score: num(p.score) })) as ExtractionRecord['summary_projects'],
    });
  }
  return out;
}

describe('ingesting a synthetic corpus', () => {
  it('keeps every document, each marked synthetic, in year/province partitions', async () => {
    expect(snap.report.summary.inputs).toBe(docs.length);
    expect(snap.report.summary.rejected).toBe(0);
    const [d] = await db.query<{ n: number; synthetic: number; years: number }>('SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE synthetic)::INTEGER AS synthetic, count(DISTINCT fiscal_year)::INTEGER AS years FROM documents');
    expect(d).toEqual({ n: docs.length, synthetic: docs.length, years: 8 });
    expect(snap.manifest.inputs.synthetic).toBe(docs.length);
    const [u] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM units WHERE name LIKE '%（合成）%'");
    expect(u!.n).toBe(24);
    const years = new Set(snap.manifest.tables.facts!.parts.map((p) => p.fiscal_year));
    for (let y = 2016; y <= 2023; y++) expect(years.has(y), `facts partition for ${y}`).toBe(true);
  });

  it('holds exactly the generator’s values, section by section, for every document', async () => {
    const misses: string[] = [];
    let compared = 0;
    const records = await recordsFromSnapshot();
    for (const doc of docs) {
      const c = compareRecord(doc.truth, records.get(doc.file)!);
      for (const s of SECTIONS) {
        compared += c[s].truth;
        misses.push(...c[s].misses.map((m) => `${doc.file} ${s} missing ${m}`), ...c[s].extras.map((m) => `${doc.file} ${s} extra ${m}`));
      }
    }
    console.log(`synthetic ingest: ${docs.length} documents, ${compared} truth values compared through the snapshot`);
    expect(compared).toBeGreaterThan(docs.length * 50);
    expect(misses.slice(0, 20)).toEqual([]);
  });

  it('reports every planted inconsistency in the findings table', async () => {
    const planted = docs.flatMap((d) => d.injections.map((i) => ({ file: d.file, rule: i.rule })));
    expect(planted.length).toBeGreaterThan(5);
    const found = await db.query<{ file: string; rule: string }>('SELECT DISTINCT d.file, f.rule FROM findings f JOIN documents d USING (doc_id)');
    const have = new Set(found.map((f) => `${f.file}|${f.rule}`));
    for (const p of planted) expect(have.has(`${p.file}|${p.rule}`), `${p.file} ${p.rule}`).toBe(true);
  });
});
