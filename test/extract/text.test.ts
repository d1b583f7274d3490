// text.ts: character normalisation, number parsing, unit conversion and change signs, on
// strings printed by real disclosures.
import { describe, expect, it } from 'vitest';
import { changeSign, compact, normName, normalizeChars, parseNumber, toWan } from '../../src/lib/extract/text.ts';
import { SEED_IDS, seedText, verbatim } from './seed-data.ts';

describe('normalizeChars', () => {
  it('keeps the length of every seed, so offsets in normalised text are offsets in the source', () => {
    for (const id of SEED_IDS) {
      const text = seedText(id);
      expect(normalizeChars(text).length, id).toBe(text.length);
    }
  });

  it('maps full-width brackets and keeps CJK characters and the ideographic full stop (seed 001, 国有资产)', () => {
    const printed = verbatim('001', '单位价值 50 万元以上通用设备 9 台（套）、单位价值 100 万元以上专用设备 9 台（套）。');
    expect(normalizeChars(printed)).toBe('单位价值 50 万元以上通用设备 9 台(套)、单位价值 100 万元以上专用设备 9 台(套)。');
  });

  it('maps full-width comma, colon and semicolon (seed 000, 收入决算)', () => {
    const printed = verbatim('000', '2019年度本年收入353.89万元，其中：财政拨款收入351.51万元，占99.33%；上级补助收入0万元');
    expect(normalizeChars(printed)).toBe('2019年度本年收入353.89万元,其中:财政拨款收入351.51万元,占99.33%;上级补助收入0万元');
  });

  it('maps 〔〕 and 【】 around document numbers to square brackets (seed 000 and 002 project names)', () => {
    expect(normalizeChars(verbatim('000', '乌财预〔2019〕30号——2019访惠聚驻村工作经费'))).toBe('乌财预[2019]30号——2019访惠聚驻村工作经费');
    expect(normalizeChars(verbatim('002', '乌财行【2020】23号拨付2019年度'))).toBe('乌财行[2020]23号拨付2019年度');
  });

  it('maps full-width digits to ASCII digits, one unit for one unit', () => {
    // Real text of the 重庆市交通委员会 2018 部门预算 page (www.cqjt.gov.cn), which prints its
    // list numbers in full-width digits; no seed prints full-width digits.
    const printed = '２.政府采购情况。所属各预算单位政府采购预算总额6060.41万元，其中：政府采购货物预算4728.6万元';
    const norm = normalizeChars(printed);
    expect(norm).toBe('2.政府采购情况。所属各预算单位政府采购预算总额6060.41万元,其中:政府采购货物预算4728.6万元');
    expect(norm.length).toBe(printed.length);
  });
});

describe('parseNumber', () => {
  it('reads a thousands separator (seed 001: 年初预算数8,720.18万元)', () => {
    verbatim('001', '财政拨款收入年初预算数8,720.18万元');
    expect(parseNumber('8,720.18')).toBe(8720.18);
  });

  it('reads a percentage cell as the number in percent (seed 000 绩效自评表: 100.00%)', () => {
    verbatim('000', '\t100.00%\n');
    expect(parseNumber('100.00%')).toBe(100);
  });

  it('reads a score cell with a spaced 分 (seed 004 绩效自评表: "10.00 分", "98.15 分")', () => {
    verbatim('004', '\t10.00 分\n');
    verbatim('004', '\t98.15 分\t');
    expect(parseNumber('10.00 分')).toBe(10);
    expect(parseNumber('98.15 分')).toBe(98.15);
  });

  it('reads a target cell with a leading equals sign (seed 004: "=1657") but not one with a count unit ("=1657个")', () => {
    verbatim('004', '\t=1657个\t=1657\t');
    expect(parseNumber('=1657')).toBe(1657);
    expect(parseNumber('=1657个')).toBeNull();
  });

  it('gives null for a dash cell (seed 000: "—") and for an empty cell', () => {
    verbatim('000', '\t—\n');
    expect(parseNumber('—')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('toWan', () => {
  it('converts an amount printed in 元 to 万元 (seed 003: 收入预算 8582060.85 元 → 858.206085)', () => {
    verbatim('003', '收入预算 8582060.85 元');
    expect(toWan(8582060.85, '元')).toBe(858.206085);
  });

  it('leaves an amount printed in 万元 unchanged (seed 003: 一般公共预算 858.21 万元)', () => {
    verbatim('003', '一般公共预算 858.21 万元');
    expect(toWan(858.21, '万元')).toBe(858.21);
  });
});

describe('changeSign', () => {
  it('gives + for 增加/增长 and − for 减少/降低/下降, as printed in the seeds', () => {
    verbatim('000', '与上年相比，增加52.72万元，增长17.51%');
    verbatim('000', '比上年减少0.23万元，降低15.01%');
    verbatim('004', '减少 13629.73 万元，下降 22.87%');
    expect(changeSign('增加')).toBe(1);
    expect(changeSign('增长')).toBe(1);
    expect(changeSign('减少')).toBe(-1);
    expect(changeSign('降低')).toBe(-1);
    expect(changeSign('下降')).toBe(-1);
  });

  it('gives 0 for words that state no change (seed 001: 与年初预算一致; 占)', () => {
    verbatim('001', '与年初预算一致');
    expect(changeSign('一致')).toBe(0);
    expect(changeSign('占')).toBe(0);
  });
});

describe('compact', () => {
  it('drops whitespace and maps each kept character to its source offset, appending to a given map', () => {
    const map: number[] = [9];
    const c = compact('本年 收入\t353.89 万元', 100, map);
    expect(c.text).toBe('本年收入353.89万元');
    expect(c.map).toBe(map);
    expect(map).toEqual([9, 100, 101, 103, 104, 106, 107, 108, 109, 110, 111, 113, 114]);
    expect(compact('  ').map).toEqual([]);
  });

  it('drops exactly what \\s matches: ideographic and no-break spaces, line separators; keeps a zero-width space', () => {
    const c = compact('\u3000三公\u00a0经费\u2028合计\u200b1.29\ufeff');
    expect(c.text).toBe('三公经费合计\u200b1.29');
    expect(c.map).toEqual([1, 2, 4, 5, 7, 8, 9, 10, 11, 12, 13]);
    expect(compact('三公经费').text).toBe('三公经费');
  });
});

describe('normName', () => {
  it('answers the same for a label however often it is asked, past the cache size', () => {
    expect(normName('“年初 预算数”（万元）')).toBe('年初预算数(万元)');
    for (let i = 0; i < 20_000; i++) expect(normName(`项目 ${i}`)).toBe(`项目${i}`);
    expect(normName('“年初 预算数”（万元）')).toBe('年初预算数(万元)');
    expect(normName('<b>三公</b> 经费')).toBe('三公经费');
  });
});
