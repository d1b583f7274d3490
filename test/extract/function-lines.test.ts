// function-lines.ts: 功能分类 lines stated in prose, coded ("2013150事业运行7.54万元") or named in
// words only ("…（类）…（款）…（项）：支出决算数为 5 万元").
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/lib/extract/document.ts';
import { proseFunctionLines } from '../../src/lib/extract/function-lines.ts';
import { segment } from '../../src/lib/extract/sections.ts';
import { normName } from '../../src/lib/extract/text.ts';
import { gold, seedLines, seedText, type SeedId } from './seed-data.ts';

function linesOf(id: SeedId, kind: 'final' | 'budget' = 'final') {
  const doc = makeDoc(seedText(id));
  return proseFunctionLines(doc, segment(doc), kind);
}
const plain = (l: { code: string | null; name: string; amount?: number; fund?: string }) => ({
  code: l.code,
  name: l.name,
  amount: l.amount,
  ...(l.fund ? { fund: l.fund } : {}),
});

describe('proseFunctionLines: coded lists', () => {
  it('seed 000: the eight 项 of section 五 equal the gold lines, each cited on its own line (43, 45, … 57)', () => {
    const lines = linesOf('000');
    expect(lines.map(plain)).toEqual(gold('000').function_lines.map(plain));
    expect(lines.map((l) => l.source!.line)).toEqual([43, 45, 47, 49, 51, 53, 55, 57]);
    expect(lines[0].source!.text).toBe('2013150事业运行7.54万元');
  });

  it('seed 001: 416.19 万 / 元 broken across two lines is one line of 416.19', () => {
    expect(seedLines('001', 124, 125)).toBe('2080505 机关事业单位基本养老保险缴费支出 416.19 万  \n元；');
    const line = linesOf('001').find((l) => l.code === '2080505');
    expect(line).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', amount: 416.19 });
    expect(line!.source).toMatchObject({ line: 124, endLine: 125 });
  });

  it('seed 001: a name and its amount on different lines (113–114) give 10525.48', () => {
    const line = linesOf('001').find((l) => l.code === '2010399');
    expect(line!.amount).toBe(10525.48);
    // Printed 其他政府办公厅（室）及相关机构事务支出; compared bracket-insensitively.
    expect(normName(line!.name)).toBe(normName('其他政府办公厅（室）及相关机构事务支出'));
    expect(line!.source).toMatchObject({ line: 113, endLine: 114 });
  });

  it('seed 001: all eleven coded lines have the gold codes and amounts', () => {
    const got = linesOf('001').map((l) => [l.code, l.amount]);
    expect(got).toEqual(gold('001').function_lines.map((l) => [l.code, l.amount]));
  });
});

describe('proseFunctionLines: lines named in words only (seed 004)', () => {
  const lines = linesOf('004');
  const words = lines.filter((l) => l.code === null);

  it('gives the sixteen 项 of section 五（三） with code null and the gold names and amounts', () => {
    const expected = gold('004').function_lines.filter((l) => l.code === null).map(plain);
    expect(expected).toHaveLength(16);
    expect(words.map(plain)).toEqual(expected);
  });

  it('takes the 支出决算数 figure, not the 比上年决算 change (#4: 1800 not 800; #7: 5.94 not 28.05)', () => {
    expect(seedLines('004', 106)).toContain('支出决算数为 1800 万元, 比上年决算增加 800 万元');
    expect(seedLines('004', 112)).toContain('支出决算数为 5.94 万元, 比上年决算减少 28.05 万元');
    expect(words[3]).toMatchObject({ name: '其他技术与开发支出', amount: 1800 });
    expect(words[6]).toMatchObject({ name: '机关事业单位职业年金缴费支出', amount: 5.94 });
  });

  it('#9 大气 whose 支出决算数 is broken over a blank line (116–118) gives 740.49', () => {
    expect(seedLines('004', 116, 118)).toBe('9. 节能环保支出(类)污染防治(款)大气(项): 支\n\n出决算数为 740.49 万元，比上年决算增加 740.49 万元，增长 100%，主要原因是：本年度增加冬季清洁取暖项目支出。');
    expect(words[8]).toMatchObject({ name: '大气', amount: 740.49 });
    expect(words[8].source).toMatchObject({ line: 116, endLine: 118 });
  });

  it('#15 whose 项 name is broken over a blank line (130–132) gives 其他科学技术支出 with amount 0', () => {
    expect(seedLines('004', 130, 132)).toContain('其他科学技术支出(款)其他\n\n科学技术支出（项）：支出决算数为 0 万元');
    expect(words[14]).toMatchObject({ code: null, name: '其他科学技术支出', amount: 0 });
    expect(words[14].source).toMatchObject({ line: 130, endLine: 132 });
  });

  it('two lines with the same 项 name under different 款 stay two lines (行政运行 6.59 and 1516.89)', () => {
    expect(words.filter((l) => l.name === '行政运行').map((l) => l.amount)).toEqual([6.59, 1516.89]);
  });

  it('the coded line under 政府性基金 (line 166) is a govfund line', () => {
    expect(lines.filter((l) => l.code !== null).map(plain)).toEqual([
      { code: '2290402', name: '其他地方自行试点项目收益专项债券收入安排的支出', amount: 30374.42, fund: 'govfund' },
    ]);
  });
});

describe('proseFunctionLines in a budget document (seed 003)', () => {
  it('takes the 预算数 of each words-only line, not the 比上年执行数 change', () => {
    const lines = linesOf('003', 'budget');
    expect(lines.map((l) => [l.code, l.name, l.amount])).toEqual([
      [null, '其他网信事务支出', 510.31],
      [null, '行政运行', 334.54],
      [null, '机关事业单位基本养老保险缴费支出', 13.36],
    ]);
  });
});
