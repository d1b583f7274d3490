// meta.ts: unit name, region, fiscal year and kind of a whole seed, and where each was read.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/lib/extract/document.ts';
import { readMeta } from '../../src/lib/extract/meta.ts';
import { SEED_IDS, gold, seedLines, seedText } from './seed-data.ts';

const meta = (id: (typeof SEED_IDS)[number]) => readMeta(makeDoc(seedText(id)));

describe('readMeta on every seed', () => {
  it.each(SEED_IDS)('seed %s: unit_name, region, fiscal_year and kind equal the gold record', (id) => {
    const g = gold(id);
    const m = meta(id);
    expect({ unit_name: m.unit_name, region: m.region, fiscal_year: m.fiscal_year, kind: m.kind }).toEqual({
      unit_name: g.unit_name,
      region: g.region,
      fiscal_year: g.fiscal_year,
      kind: g.kind,
    });
  });
});

describe('readMeta provenance', () => {
  it('seed 000 has no title: the unit name is read from the 机构设置 sentence on line 25', () => {
    const m = meta('000');
    expect(m.sources.unit_name).toMatchObject({ line: 25, endLine: 25 });
    expect(m.sources.unit_name!.text.startsWith('中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室单位2019年度')).toBe(true);
    expect(seedLines('000', 25)).toContain(m.sources.unit_name!.text);
  });

  it('seed 001: unit, year and kind come from the two-line bold title (lines 5–6)', () => {
    const m = meta('001');
    const title = '**新疆维吾尔自治区人民政府办公厅（本级）  \n2019 年度部门决算**';
    expect(seedLines('001', 5, 6)).toBe(title);
    for (const k of ['unit_name', 'fiscal_year', 'kind'] as const) expect(m.sources[k], k).toEqual({ line: 5, endLine: 6, text: title });
  });

  it('seed 002: the title 乌鲁木齐市水磨沟区政府办公室 / 2020年度部门决算公开说明 (lines 3–4)', () => {
    const m = meta('002');
    expect(m.sources.unit_name).toEqual({ line: 3, endLine: 4, text: '乌鲁木齐市水磨沟区政府办公室\n2020年度部门决算公开说明' });
    expect(m.sources.kind).toMatchObject({ line: 3, endLine: 4 });
  });

  it('seed 003: a title broken over three lines (3–5) gives the whole unit name and the kind 预算', () => {
    const m = meta('003');
    expect(m.sources.unit_name).toEqual({ line: 3, endLine: 5, text: seedLines('003', 3, 5) });
    expect(m.sources.fiscal_year!.text).toContain('2019');
    expect(m.sources.kind!.text).toContain('年部门预算公开');
  });

  it('seed 004: the title on line 3 keeps both bracketed names of the unit', () => {
    const m = meta('004');
    expect(m.sources.unit_name).toEqual({
      line: 3,
      endLine: 3,
      text: '**乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）2022年度部门决算',
    });
    expect(m.unit_name).toBe('乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）');
  });
});
