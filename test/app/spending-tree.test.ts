import { describe, expect, it } from 'vitest';
import { shortUnit } from '../../src/lib/app/names.ts';
import type { FunctionLine } from '../../src/lib/app/queries/spending.ts';
import { functionTree, nodeAt } from '../../src/lib/app/queries/spending.ts';

const line = (p: Partial<FunctionLine>): FunctionLine => ({
  doc_id: 'd', unit_id: 'u', unit_name: 'U', fiscal_year: 2019, kind: 'final', fund: 'gpb',
  lei_code: '201', lei_name: '一般公共服务支出', kuan_code: '20101', kuan_name: '人大事务', xiang_code: '2010101', xiang_name: '行政运行',
  amount: 1, basic: null, project: null, staff: 10, source_line: 1, source_text: 't', ...p,
});

describe('功能分类 tree', () => {
  const lines = [
    line({ amount: 5 }),
    line({ amount: 3, xiang_code: '2010102', xiang_name: '一般行政管理事务' }),
    line({ amount: 10, lei_code: '208', lei_name: '社会保障和就业支出', kuan_code: '20805', kuan_name: '行政事业单位养老支出', xiang_code: '2080505', xiang_name: '机关事业单位基本养老保险缴费支出', staff: 5 }),
    line({ amount: null }),
  ];

  it('sums 项 into 款 and 类, largest first', () => {
    const root = functionTree(lines);
    expect(root.amount).toBe(18);
    expect(root.children.map((c) => [c.code, c.amount])).toEqual([['208', 10], ['201', 8]]);
    expect(root.children[1]!.children[0]!.children.map((c) => c.code)).toEqual(['2010101', '2010102']);
  });

  it('per staff divides each line by its document headcount', () => {
    expect(functionTree(lines, true).amount).toBeCloseTo(0.5 + 0.3 + 2);
  });

  it('drills along a path, stopping where it no longer matches', () => {
    const root = functionTree(lines);
    expect(nodeAt(root, ['201', '20101']).node.code).toBe('20101');
    expect(nodeAt(root, ['201', 'nope']).trail.map((n) => n.code)).toEqual([null, '201']);
  });
});

describe('short unit names for axes', () => {
  it('keeps the nearest region and the unit, abbreviated', () => {
    expect(shortUnit('新疆维吾尔自治区人民政府办公厅（本级）')).toBe('人民政府办公厅');
    expect(shortUnit('乌鲁木齐市水磨沟区政府办公室')).toBe('水磨沟区政府办公室');
    expect(shortUnit('中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室')).toBe('水磨沟区网信办');
    expect(shortUnit('新疆维吾尔自治区克拉玛依市独山子区委网络安全和信息化领导小组办公室')).toBe('独山子区网信办');
    expect(shortUnit('乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）')).toBe('乌鲁木齐市工业和信息化局');
    expect(shortUnit('乌鲁木齐市工业和信息化局', 8)).toBe('乌鲁木齐市工业…');
  });
});
