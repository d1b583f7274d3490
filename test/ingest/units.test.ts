// Unit identity (src/lib/snapshot/units.ts) and the CSV reader it uses: pure functions,
// checked on the seed units and the real data/units.csv.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/lib/snapshot/csv.ts';
import { fnv1a64 } from '../../src/lib/snapshot/hash.ts';
import { assignUnits, formatUnitRegistry, parseUnitRegistry, placeOf, resolveUnitName, sectorOf, unitIdOf, unitKey } from '../../src/lib/snapshot/units.ts';
import { UNITS_CSV } from './helpers.ts';

const WANGXIN = '中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室';
const WANGXIN_SELF_EVAL = '中共乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室';
const registry = parseUnitRegistry(readFileSync(UNITS_CSV, 'utf8'));

describe('csv', () => {
  it('round-trips quotes, commas and line breaks', () => {
    const rows = [['a', 'b,c', 'say "hi"'], ['line\nbreak', '', ' padded ']];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
  it('reads CRLF files with a BOM', () => {
    expect(parseCsv('\ufeffx,y\r\n1,2\r\n')).toEqual([['x', 'y'], ['1', '2']]);
  });
});

describe('unit ids', () => {
  it('FNV-1a 64 matches the reference values', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
  });
  it('are stable and ignore spacing and bracket width', () => {
    expect(unitIdOf(WANGXIN)).toBe('u_ccaf1aa47f56277a');
    expect(unitIdOf('乌鲁木齐市工业和信息化局(乌鲁木齐市大数据发展局) (本级)')).toBe(unitIdOf('乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）'));
    expect(unitKey(' 新疆 维吾尔自治区 ')).toBe('新疆维吾尔自治区');
  });
});

describe('data/units.csv', () => {
  it('lists the five seed units without problems', () => {
    expect(registry.problems).toEqual([]);
    expect(registry.entries).toHaveLength(5);
    for (const e of registry.entries) expect(e.unit_id).toBe(unitIdOf(e.name));
  });
  it('resolves the name printed in the 绩效自评表 of seed 000 to the same unit as its title', () => {
    const title = resolveUnitName(registry, WANGXIN);
    const selfEval = resolveUnitName(registry, WANGXIN_SELF_EVAL);
    expect(title).toEqual({ unit_id: 'u_ccaf1aa47f56277a', name: WANGXIN, resolution: 'known' });
    expect(selfEval).toEqual({ unit_id: 'u_ccaf1aa47f56277a', name: WANGXIN, resolution: 'alias' });
  });
  it('keeps the two 水磨沟区 units (网信办 and 政府办公室) apart', () => {
    expect(resolveUnitName(registry, '乌鲁木齐市水磨沟区政府办公室').unit_id).not.toBe(resolveUnitName(registry, WANGXIN).unit_id);
  });
  it('does not register the bare abbreviation 区委网信办, which every district has', () => {
    expect(resolveUnitName(registry, '区委网信办').resolution).toBe('new');
  });
  it('formats back to the same registry', () => {
    expect(parseUnitRegistry(formatUnitRegistry(registry.entries)).entries).toEqual(registry.entries);
  });
});

describe('registry problems are reported, not thrown', () => {
  it('a bad header, missing fields, and a name claimed by two units', () => {
    expect(parseUnitRegistry('id,unit\n1,x\n').problems[0]).toMatch(/header/);
    const r = parseUnitRegistry('unit_id,name,alias\nu_1,甲单位,\n,乙单位,\nu_2,乙单位,甲单位\n');
    expect(r.entries.map((e) => e.unit_id)).toEqual(['u_1', 'u_2']);
    expect(r.problems).toHaveLength(2);
    expect(resolveUnitName(r, '甲单位').unit_id).toBe('u_1');
  });
});

describe('level and sector', () => {
  it('places region paths, including districts of a municipality', () => {
    expect(placeOf(['新疆维吾尔自治区'])).toMatchObject({ level: 'province', prefecture: null });
    expect(placeOf(['新疆维吾尔自治区', '乌鲁木齐市'])).toMatchObject({ level: 'prefecture', prefecture: '乌鲁木齐市' });
    expect(placeOf(['新疆维吾尔自治区', '乌鲁木齐市', '水磨沟区'])).toMatchObject({ level: 'county', county: '水磨沟区' });
    expect(placeOf(['北京市', '海淀区'])).toEqual({ province: '北京市', prefecture: null, county: '海淀区', level: 'county' });
    expect(placeOf([])).toMatchObject({ level: null });
  });
  it('classifies the seed units from their names', () => {
    expect(sectorOf(WANGXIN)).toBe('cyberspace'); // a 领导小组办公室, but a 网信办 first
    expect(sectorOf('新疆维吾尔自治区人民政府办公厅（本级）')).toBe('general_office');
    expect(sectorOf('乌鲁木齐市水磨沟区政府办公室')).toBe('general_office');
    expect(sectorOf('乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）')).toBe('industry_it');
    expect(sectorOf('乌鲁木齐市生态环境局')).toBe('environment');
    expect(sectorOf('乌鲁木齐市交通运输局')).toBe('transport');
    expect(sectorOf('乌鲁木齐市扶贫开发领导小组办公室')).toBe('other'); // a bare 办公室 is not a general office
  });
});

describe('assignUnits', () => {
  it('gives one unit to both printings and lists new names as unresolved', () => {
    const { assignments, units, unresolved } = assignUnits(
      [
        { file: 'a.txt', unit_name: WANGXIN, region: ['新疆维吾尔自治区', '乌鲁木齐市', '水磨沟区'] },
        { file: 'b.txt', unit_name: WANGXIN_SELF_EVAL, region: ['新疆维吾尔自治区', '乌鲁木齐市'] },
        { file: 'c.txt', unit_name: '乌鲁木齐市天山区委网信办', region: ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'] },
        { file: 'd.txt', unit_name: null, region: [] },
      ],
      registry,
    );
    expect(assignments.map((a) => a.resolution)).toEqual(['known', 'alias', 'new', 'none']);
    expect(assignments[0]!.unit_id).toBe(assignments[1]!.unit_id);
    expect(units).toHaveLength(2);
    const w = units.find((u) => u.unit_id === 'u_ccaf1aa47f56277a')!;
    expect(w).toMatchObject({ name: WANGXIN, aliases: [WANGXIN_SELF_EVAL], county: '水磨沟区', level: 'county', sector: 'cyberspace' });
    expect(unresolved).toEqual([{ name: '乌鲁木齐市天山区委网信办', unit_id: unitIdOf('乌鲁木齐市天山区委网信办'), files: ['c.txt'] }]);
  });
});
