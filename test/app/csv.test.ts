import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../src/lib/app/csv.ts';

describe('CSV for Excel', () => {
  it('starts with a BOM, ends lines with CRLF', () => {
    const s = toCsv([{ key: 'a', label: '单位' }, { key: 'b' }], [{ a: '新疆', b: 1.29 }]);
    expect(s).toBe(`${BOM}单位,b\r\n新疆,1.29\r\n`);
  });

  it('quotes per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' pad')).toBe('" pad"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes nulls empty, numbers as they are, lists joined', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-0.23)).toBe('-0.23');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(['甲', '乙'])).toBe('甲; 乙');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});
