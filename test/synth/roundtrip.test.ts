// The generator is the gold: a synthetic corpus covering every seed layout is extracted in
// process and the records must equal the truth the generator wrote, section by section; the
// planted inconsistencies must be found by the checks engine, and the consistent documents
// must raise no arithmetic finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { extract, type ExtractionRecord } from '../../src/lib/extract/index.ts';
import { checkRecord, type Finding } from '../../src/lib/findings/index.ts';
import { compareRecord, SECTIONS, type Section } from '../../src/lib/synth/compare.ts';
import { generate, INJECTION_RULE, type InjectionKind, type SynthDoc } from '../../src/lib/synth/index.ts';

interface Done {
  doc: SynthDoc;
  rec: ExtractionRecord;
  findings: Finding[];
}

/**
 * Extractor limitations the round trip tolerates: none. (Every truth item of every layout is
 * recovered exactly; see KNOWN_FINDINGS below for the one false finding on consistent documents.)
 */
const TOLERATED: Partial<Record<Section, RegExp>> = {};

/**
 * Findings the extractor's reading raises on consistent documents in a seed layout. Empty: the
 * one found while writing the generator (seed 003's "其他车辆 0 辆" read as a second statement of
 * 车辆) is fixed in the extractor, and this list keeps it from coming back unnoticed.
 */
const KNOWN_FINDINGS: { rule: string; subject: RegExp; layout: string }[] = [];

const INJECTED_RULES = new Set(Object.values(INJECTION_RULE));
const run = (docs: Iterable<SynthDoc>): Done[] => [...docs].map((doc) => {
  const rec = extract(doc.text, doc.file);
  return { doc, rec, findings: checkRecord(rec) };
});

let corpus: Done[] = [];
let planted: Done[] = [];

beforeAll(() => {
  // ~200 documents: 25 units × 8 years, one in ten with a planted inconsistency.
  corpus = run(generate({ seed: 'roundtrip', units: 25, from: 2016, to: 2023, inconsistencyRate: 0.1 }));
  // A corpus where every document carries one inconsistency, for the detection rates.
  planted = run(generate({ seed: 'planted', units: 16, from: 2018, to: 2022, inconsistencyRate: 1 }));
});

describe('round trip: the extractor recovers the generator’s values', () => {
  it('covers every layout of the seeds', () => {
    const by = new Map<string, number>();
    for (const d of corpus) by.set(d.doc.seed_layout, (by.get(d.doc.seed_layout) ?? 0) + 1);
    console.log(`round trip: ${corpus.length} documents; by seed layout ${[...by].sort().map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    expect(corpus.length).toBeGreaterThanOrEqual(190);
    for (const seed of ['000', '001', '002', '003', '004']) expect(by.get(seed) ?? 0, `documents in the layout of seed ${seed}`).toBeGreaterThanOrEqual(10);
  });

  it('every section: 100 % recall and precision against the truth (numbers within 0.0051)', () => {
    const total = Object.fromEntries(SECTIONS.map((s) => [s, { tp: 0, truth: 0, extracted: 0 }]));
    const misses: string[] = [];
    const extras: string[] = [];
    for (const { doc, rec } of [...corpus, ...planted]) {
      const c = compareRecord(doc.truth, rec);
      for (const s of SECTIONS) {
        total[s]!.tp += c[s].tp;
        total[s]!.truth += c[s].truth;
        total[s]!.extracted += c[s].extracted;
        const ok = TOLERATED[s];
        misses.push(...c[s].misses.filter((m) => !ok?.test(m)).map((m) => `${doc.file} [${doc.layout}] ${s} ${m}`));
        extras.push(...c[s].extras.filter((m) => !ok?.test(m)).map((m) => `${doc.file} [${doc.layout}] ${s} ${m}`));
      }
    }
    const lines = SECTIONS.map((s) => {
      const t = total[s]!;
      const pct = (a: number, b: number) => (b ? ((a / b) * 100).toFixed(2) : '—');
      return `  ${s.padEnd(17)} recall ${pct(t.tp, t.truth)}%  precision ${pct(t.tp, t.extracted)}%  (${t.tp}/${t.truth}, extracted ${t.extracted})`;
    });
    console.log(`round trip over ${corpus.length + planted.length} documents:\n${lines.join('\n')}`);
    expect(misses.slice(0, 20), 'truth items the extractor missed').toEqual([]);
    expect(extras.slice(0, 20), 'extracted items not in the truth').toEqual([]);
  });

  it('meta: the unit name with its synthetic marker, the region, year and kind', () => {
    for (const { doc, rec } of corpus) {
      expect(rec.unit_name, doc.file).toBe(doc.truth.unit_name);
      expect(rec.region, doc.file).toEqual(doc.truth.region);
      expect(rec.fiscal_year, doc.file).toBe(doc.truth.fiscal_year);
      expect(rec.kind, doc.file).toBe(doc.truth.kind);
    }
  });
});

describe('years follow each other', () => {
  it('a final account’s stated change is its figure minus the previous final account’s', () => {
    const byUnitYear = new Map(corpus.filter((d) => d.doc.kind === 'final').map((d) => [`${d.doc.unit_id}/${d.doc.year}`, d]));
    let checked = 0;
    const wrong: string[] = [];
    for (const d of byUnitYear.values()) {
      const before = byUnitYear.get(`${d.doc.unit_id}/${d.doc.year - 1}`);
      if (!before) continue;
      const planted = [...d.doc.injections, ...before.doc.injections].some((i) => i.kind === 'sangong_component');
      const value = (r: ExtractionRecord, key: string) => r.facts.find((f) => f.key === key && f.basis === 'actual')?.value;
      for (const c of d.rec.facts.filter((f) => f.basis === 'prior_change')) {
        if (planted && c.key.startsWith('sangong.')) continue;
        const now = value(d.rec, c.key);
        const then = value(before.rec, c.key);
        if (now === undefined || then === undefined) continue;
        checked++;
        if (Math.abs(now - then - c.value) > 0.0051) wrong.push(`${d.doc.file} ${c.key}: ${now} − ${then} ≠ ${c.value}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});

describe('planted inconsistencies are found by checkRecord', () => {
  it('every planted inconsistency is reported by its rule (detection rate per kind)', () => {
    const rate: Record<string, { planted: number; found: number }> = {};
    const lost: string[] = [];
    for (const { doc, findings } of [...corpus, ...planted]) {
      for (const inj of doc.injections) {
        const r = (rate[inj.kind] ??= { planted: 0, found: 0 });
        r.planted++;
        const hit = findings.find((f) => f.rule === inj.rule && (f.subject === inj.subject || f.subject.startsWith(inj.subject)));
        if (hit) r.found++;
        else lost.push(`${doc.file}: ${inj.kind} (${inj.detail}) not reported by ${inj.rule}`);
      }
    }
    console.log(`detection: ${Object.entries(rate).map(([k, v]) => `${k} ${v.found}/${v.planted}`).join(', ')}`);
    for (const k of Object.keys(INJECTION_RULE) as InjectionKind[]) expect(rate[k]?.planted ?? 0, `documents with ${k}`).toBeGreaterThan(0);
    expect(lost).toEqual([]);
  });

  it('the planted share follows the configured rate', () => {
    const withInj = corpus.filter((d) => d.doc.injections.length).length;
    expect(withInj / corpus.length).toBeGreaterThan(0.03);
    expect(withInj / corpus.length).toBeLessThan(0.2);
    expect(planted.every((d) => d.doc.injections.length === 1)).toBe(true);
  });

  it('consistent documents raise no arithmetic finding and none of the planted kinds', () => {
    const clean = corpus.filter((d) => !d.doc.injections.length);
    expect(clean.length).toBeGreaterThan(150);
    const bad = clean.flatMap(({ doc, findings }) => findings.filter((f) => f.family === 'arithmetic' || INJECTED_RULES.has(f.rule)).map((f) => `${doc.file}: ${f.rule} ${f.zh}`));
    expect(bad).toEqual([]);
    // Other findings on consistent documents are patterns worth a look (budget gaps, high
    // scores on low execution, all procurement to SMEs) or the known false one below.
    const cross = clean.flatMap(({ doc, findings }) => findings.filter((f) => f.family === 'cross').map((f) => ({ doc, f })));
    const unexpected = cross.filter(({ doc, f }) => !KNOWN_FINDINGS.some((k) => k.rule === f.rule && k.layout === doc.layout && k.subject.test(f.subject)));
    expect(unexpected.map(({ doc, f }) => `${doc.file}: ${f.rule} ${f.zh}`)).toEqual([]);
    const families = new Map<string, number>();
    for (const { findings } of clean) for (const f of findings) families.set(f.rule, (families.get(f.rule) ?? 0) + 1);
    console.log(`findings on ${clean.length} consistent documents: ${[...families].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });
});
