// Pure snapshot modules on real seed records: rows.ts (records → table rows), dictionary.ts
// (schema → DATA_DICTIONARY.md), plan.ts. The derived-figure rule (derive.sql): derive.test.ts.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/extract/index.ts';
import { planSnapshot, summaryOf } from '../../src/lib/snapshot/plan.ts';
import type { IngestedInput } from '../../src/lib/snapshot/plan.ts';
import { dataDictionary } from '../../src/lib/snapshot/dictionary.ts';
import { classificationOf, printedPath, recordRows } from '../../src/lib/snapshot/rows.ts';
import { TABLES } from '../../src/lib/snapshot/schema.ts';
import { readSeeds } from '../../scripts/lib/seeds.ts';

const seeds = readSeeds();
const record = (prefix: string) => {
  const s = seeds.find((x) => x.name.startsWith(prefix))!;
  return extract(s.text, s.name);
};
const r000 = record('000_');
const r004 = record('004_');

describe('recordRows', () => {
  const rows = recordRows(r000, { doc_id: 'd0', unit_id: 'u0' });
  it('gives every table only the columns of schema.ts', () => {
    for (const [name, list] of Object.entries(rows)) {
      const cols = new Set(TABLES.find((t) => t.name === name)!.columns.map((c) => c.name));
      for (const row of list) for (const k of Object.keys(row)) expect(cols.has(k), `${name}.${k}`).toBe(true);
    }
  });
  it('keeps each figure with its provenance', () => {
    const f = rows.facts.find((x) => x.key === 'sangong.total' && x.basis === 'actual')!;
    expect(f).toMatchObject({ doc_id: 'd0', unit_id: 'u0', fiscal_year: 2019, kind: 'final', value: 1.29, derived: false, source_line: 65 });
    expect(f.source_text).toContain('1.29万元');
  });
  it('numbers projects and their indicators', () => {
    expect(rows.projects[0]).toMatchObject({ project_id: 'd0:1', ordinal: 1, name: '2018年度评选群众满意好班子', budget_full_year: 0.8, score: 94.375 });
    const first = rows.indicators.filter((x) => x.project_id === 'd0:1');
    expect(first.length).toBe(rows.projects[0]!.indicator_count);
    expect(first[0]).toMatchObject({ ordinal: 1, level1: '产出指标', level3: '宣传教育活动数量' });
  });
  it('splits 7-digit codes into 类/款 with catalogue names', () => {
    const line = rows.function_lines.find((l) => l.code === '2013150')!;
    expect(line).toMatchObject({ lei_code: '201', lei_name: '一般公共服务支出', kuan_code: '20131', fund: 'gpb', amount: 7.54 });
  });
});

describe('function lines printed in words (seed 004)', () => {
  it('take 类/款 from the printed path', () => {
    const l = r004.function_lines.find((x) => x.name === '科技成果转化与扩散')!;
    expect(classificationOf(l)).toEqual({ lei_code: '206', lei_name: '科学技术支出', kuan_code: null, kuan_name: '技术与开发' });
    const visits = r004.function_lines.find((x) => x.name === '信访事务')!;
    expect(classificationOf(visits)).toMatchObject({ lei_code: '201', kuan_code: '20103' });
  });
  it('printedPath strips numbering but not a leading 一 of a name', () => {
    expect(printedPath('1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）信访事务（项）')).toEqual({ lei: '一般公共服务支出', kuan: '政府办公厅(室)及相关机构事务' });
    expect(printedPath('一般公共服务支出(类)其他共产党事务支出(款)')).toEqual({ lei: '一般公共服务支出', kuan: '其他共产党事务支出' });
    expect(printedPath('（三）科学技术支出（类）技术与开发（款）')?.lei).toBe('科学技术支出');
    expect(printedPath('2013150事业运行7.54万元')).toBeNull();
  });
});

describe('DATA_DICTIONARY.md', () => {
  const md = dataDictionary();
  it('lists every table and every column of schema.ts with both languages', () => {
    for (const t of TABLES) {
      expect(md).toContain(`## ${t.name} — ${t.zh} / ${t.en}`);
      for (const c of t.columns) expect(md).toContain(`| \`${c.name}\` | ${c.type} | ${c.unit ?? ''} | ${c.zh.replace(/\|/g, '\\|')} | ${c.en.replace(/\|/g, '\\|')} |`);
    }
  });
});

describe('planSnapshot', () => {
  const ok = (file: string, doc_id: string): IngestedInput => ({ file, doc_id, bytes: 10, encoding: 'utf-8', record: summaryOf(r000), error: null });
  it('is independent of the order results arrive in', () => {
    const inputs: IngestedInput[] = [
      ok('b.txt', 'b'.repeat(64)),
      ok('a.txt', 'a'.repeat(64)),
      { file: 'empty.txt', doc_id: 'e'.repeat(64), bytes: 0, encoding: null, record: null, error: { code: 'empty', message: '文件为空 / The file is empty.' } },
    ];
    const one = planSnapshot(inputs, { registryCsv: null, extractorVersion: 'v' });
    const reversed = [...inputs].reverse();
    const two = planSnapshot(reversed, { registryCsv: null, extractorVersion: 'v' });
    // The same plan but for where each kept row comes from: its input's position in each list.
    const withoutInput = (p: typeof one) => ({ ...p, kept: p.kept.map(({ input: _input, ...k }) => k) });
    expect(withoutInput(two)).toEqual(withoutInput(one));
    expect(one.kept.map((k) => inputs[k.input]!.file)).toEqual(['a.txt', 'b.txt']);
    expect(two.kept.map((k) => reversed[k.input]!.file)).toEqual(['a.txt', 'b.txt']);
    expect(one.documents.map((d) => [d.file, d.status])).toEqual([['a.txt', 'ok'], ['b.txt', 'ok'], ['empty.txt', 'rejected']]);
    // Rows are kept for the two records, in file order, under one unit and the province printed.
    expect(one.kept.map((k) => [k.file, k.rank, k.province])).toEqual([['a.txt', 0, '新疆维吾尔自治区'], ['b.txt', 1, '新疆维吾尔自治区']]);
    expect(new Set(one.kept.map((k) => k.unit_id)).size).toBe(1);
    expect(one.report.notes[0]).toMatch(/2 documents for unit/);
    expect(one.report.unresolved_units).toHaveLength(1); // no registry: the unit is new
  });
  it('reports a second copy of the same bytes instead of adding it twice', () => {
    const { documents, kept, report } = planSnapshot([ok('a.txt', 'a'.repeat(64)), ok('copy.txt', 'a'.repeat(64))], { registryCsv: null, extractorVersion: 'v' });
    expect(documents).toHaveLength(1);
    expect(kept.map((k) => k.file)).toEqual(['a.txt']); // the copy's staged rows are not used
    expect(report.inputs[1]).toMatchObject({ file: 'copy.txt', status: 'rejected', reason_code: 'duplicate' });
    expect(report.inputs[1]!.reason).toContain('a.txt');
  });
  it('marks inputs new, changed or unchanged against the previous snapshot', () => {
    const prev = new Map([['a.txt', 'a'.repeat(64)], ['b.txt', 'x'.repeat(64)]]);
    const { report } = planSnapshot([ok('a.txt', 'a'.repeat(64)), ok('b.txt', 'b'.repeat(64)), ok('c.txt', 'c'.repeat(64))], { registryCsv: null, extractorVersion: 'v', previous: prev });
    expect(report.inputs.map((i) => i.change)).toEqual(['unchanged', 'changed', 'new']);
  });
  it('marks synthetic documents', () => {
    const { documents } = planSnapshot([{ ...ok('s.txt', 's'.repeat(64)), synthetic: true }, ok('r.txt', 'r'.repeat(64))], { registryCsv: null, extractorVersion: 'v' });
    expect(documents.map((d) => [d.file, d.synthetic])).toEqual([['r.txt', false], ['s.txt', true]]);
  });
});
