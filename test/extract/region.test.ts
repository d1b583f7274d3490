// region.ts: the administrative path (province → prefecture → county) a unit name implies.
import { describe, expect, it } from 'vitest';
import { regionOf } from '../../src/lib/extract/region.ts';
import { SEED_IDS, gold, verbatim } from './seed-data.ts';

describe('regionOf on the seeds’ unit names', () => {
  it.each(SEED_IDS)('seed %s: the gold unit name gives the gold region', (id) => {
    const g = gold(id);
    expect(regionOf(g.unit_name!)).toEqual(g.region);
  });

  it('reads the short province form 新疆 inside 中共新疆乌鲁木齐市水磨沟区委员会… (seed 000)', () => {
    const name = verbatim('000', '中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室');
    expect(regionOf(name)).toEqual(['新疆维吾尔自治区', '乌鲁木齐市', '水磨沟区']);
  });

  it('gives a province-level unit a one-element path (seed 001: 新疆维吾尔自治区人民政府办公厅（本级）)', () => {
    const name = verbatim('001', '新疆维吾尔自治区人民政府办公厅（本级）');
    expect(regionOf(name)).toEqual(['新疆维吾尔自治区']);
  });

  it('completes the path above an unambiguous county named alone (seed 003: 独山子区委网络安全和信息化领导小组办公室)', () => {
    const name = verbatim('003', '独山子区委网络安全和信息化领导小组办公室单位编制数');
    expect(regionOf(name)).toEqual(['新疆维吾尔自治区', '克拉玛依市', '独山子区']);
  });
});

describe('regionOf on names that print no place', () => {
  it('gives [] for 区委网信办 (seed 000) and 政府办公厅（本级） (seed 001)', () => {
    expect(regionOf(verbatim('000', '区委网信办'))).toEqual([]);
    expect(regionOf(verbatim('001', '政府办公厅（本级）'))).toEqual([]);
  });
});

describe('regionOf does not invent a county from ordinary words', () => {
  it('a bureau of a city stops at the city (seed 004: 乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）)', () => {
    const name = verbatim('004', '乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）');
    expect(regionOf(name)).toEqual(['新疆维吾尔自治区', '乌鲁木齐市']);
  });

  it('城市管理 adds no county to a city-level or district-level name', () => {
    // Real names printed by a 上海市普陀区 2026 部门预算
    // (上海市普陀区 2026 部门预算 of the 城市管理行政执法局).
    expect(regionOf('上海市城市管理行政执法条例实施办法')).toEqual(['上海市']);
    expect(regionOf('上海市普陀区城市管理行政执法局')).toEqual(['上海市', '普陀区']);
    expect(regionOf('城市管理行政执法局')).toEqual([]);
  });
});
