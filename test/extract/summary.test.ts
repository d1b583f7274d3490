// summary.ts: the 项目支出绩效评价汇总表 of seed 001 (附表1), read row by row.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/lib/extract/document.ts';
import { findProjectTables } from '../../src/lib/extract/projects.ts';
import { segment } from '../../src/lib/extract/sections.ts';
import { isSummaryTable, readSummary } from '../../src/lib/extract/summary.ts';
import { findTables } from '../../src/lib/extract/tables.ts';
import { gold, seedLines, seedText } from './seed-data.ts';

const doc = makeDoc(seedText('001'));
const sections = segment(doc);
// Tables end at a section heading or at a project table, as the extractor cuts them.
const stops = [...sections.filter((s) => s.level <= 2).map((s) => s.headingLine), ...findProjectTables(doc, sections).map((t) => t.from)];
const summaryTables = findTables(doc, stops).filter(isSummaryTable);
const rows = summaryTables.flatMap((t) => readSummary(doc, t));
const fields = ({ source: _s, ...rest }: (typeof rows)[number]) => rest;

describe('seed 001 附表1 项目支出绩效评价汇总表', () => {
  it('is the one summary table, titled on line 187 without its year', () => {
    expect(seedLines('001', 187)).toBe('2019年度自治区本级项目支出绩效评价汇总表');
    expect(summaryTables.map((t) => [t.title, t.titleLine, t.unit])).toEqual([['自治区本级项目支出绩效评价汇总表', 187, '万元']]);
  });

  it('has 17 project rows (序号 1–17, lines 192–208), equal to the gold summary_projects', () => {
    expect(rows).toHaveLength(17);
    expect(rows.map((r) => r.source!.line)).toEqual(Array.from({ length: 17 }, (_, i) => 192 + i));
    expect(rows.map(fields)).toEqual(gold('001').summary_projects);
  });

  it('leaves out the 处室合计 subtotal row (line 191: 12,011 … 90.64)', () => {
    expect(seedLines('001', 191)).toContain('<b>处室合计</b>');
    expect(rows.some((r) => r.source!.line === 191)).toBe(false);
    expect(rows.some((r) => r.budget_initial === 12011 || r.score === 90.64)).toBe(false);
  });

  it('row 6 keeps its printed 单位自评得分 10.00 (not its 完成率 100%)', () => {
    expect(seedLines('001', 197)).toBe('6\t自治区人民政府办公厅\t社会信用信息共享交换平台机房租赁项目\t759.74\t759.74\t\t\t759.74\t759.74\t\t\t759.74\t100%\t100%\t10.00\t\t\t\t');
    expect(fields(rows[5])).toEqual({
      name: '社会信用信息共享交换平台机房租赁项目',
      unit: '自治区人民政府办公厅',
      budget_initial: 759.74,
      budget_full_year: 759.74,
      executed: 759.74,
      exec_rate: 100,
      completion_pct: 100,
      score: 10,
    });
  });

  it('row 3 takes 年初预算 合计 988 (not 当年财政拨款 150.96) and 全年预算 合计 837.04', () => {
    expect(rows[2]).toMatchObject({ budget_initial: 988, budget_full_year: 837.04, executed: 822.41, exec_rate: 98.25, completion_pct: 96.3, score: 96.3 });
  });

  it('row 12 states zeros (0, 0%, 0, 0.00) and records them as 0', () => {
    expect(fields(rows[11])).toEqual({
      name: '2019年支持学前教育发展资金',
      unit: '天山幼儿园',
      budget_initial: 32,
      budget_full_year: 32,
      executed: 0,
      exec_rate: 0,
      completion_pct: 0,
      score: 0,
    });
  });

  it('the last three rows share a name and differ by 部门单位', () => {
    expect(rows.slice(14).map((r) => [r.name, r.unit, r.executed])).toEqual([
      ['驻外办事处业务工作经费(含成本性支出)', '自治区人民政府驻西安办事处', 130],
      ['驻外办事处业务工作经费(含成本性支出)', '自治区人民政府驻广州办事处', 209],
      ['驻外办事处业务工作经费(含成本性支出)', '自治区人民政府驻上海办事处', 256],
    ]);
  });
});
