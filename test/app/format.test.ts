import { describe, expect, it } from 'vitest';
import { fmtByUnit, fmtCount, fmtExact, fmtMoney, fmtPct, fmtSigned, fmtWan, tickWan } from '../../src/lib/app/format.ts';

describe('number formatting', () => {
  it('万元, switching to 亿元 from 10,000 万元', () => {
    expect(fmtMoney(1.29)).toBe('1.29 万元');
    expect(fmtMoney(6613.75)).toBe('6,613.75 万元');
    expect(fmtMoney(45588.31)).toBe('4.56 亿元');
    expect(fmtMoney(null)).toBe('—');
    expect(fmtWan(18470.59)).toBe('18,470.59');
  });

  it('exact figures keep every stored decimal that matters', () => {
    expect(fmtExact(858.206085)).toBe('858.206085 万元');
    expect(fmtExact(11.598412398412398, '%')).toBe('11.598412 %');
  });

  it('percent, signed change, counts', () => {
    expect(fmtPct(767.09 / 6613.75 * 100)).toBe('11.60 %');
    expect(fmtSigned(-0.23)).toBe('−0.23 万元');
    expect(fmtSigned(18.2)).toBe('+18.20 万元');
    expect(fmtSigned(-0.001)).toBe('0.00 万元');
    expect(fmtCount(99, '辆')).toBe('99 辆');
    expect(tickWan(20000)).toBe('2.0亿');
    expect(fmtByUnit(17.5, '%')).toBe('17.50 %');
  });
});
