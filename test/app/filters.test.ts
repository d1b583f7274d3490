import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, activeFilterCount, filtersEqual, parseFilters, withFilters, writeFilters } from '../../src/lib/app/filters.ts';
import type { Filters } from '../../src/lib/app/filters.ts';

const p = (s: string) => new URLSearchParams(s);

describe('filters ⇄ URL', () => {
  it('reads every filter', () => {
    const f = parseFilters(p('province=新疆维吾尔自治区&prefecture=乌鲁木齐市&county=水磨沟区&level=county&units=u_a,u_b&from=2019&to=2021&kind=final&peer=cyberspace'));
    expect(f).toEqual({
      province: '新疆维吾尔自治区',
      prefecture: '乌鲁木齐市',
      county: '水磨沟区',
      level: 'county',
      units: ['u_a', 'u_b'],
      yearFrom: 2019,
      yearTo: 2021,
      kind: 'final',
      peer: 'cyberspace',
    });
  });

  it('drops values of the wrong shape (a link is user input)', () => {
    const f = parseFilters(p(`level=city&kind=x&from=19&to=abcd&units=${encodeURIComponent("u1'; DROP TABLE facts;--")},ok_1&province=${'长'.repeat(200)}&peer=%00x`));
    expect(f).toEqual({ ...EMPTY_FILTERS, units: ['ok_1'] });
  });

  it('swaps a reversed year range', () => {
    expect(parseFilters(p('from=2022&to=2019'))).toMatchObject({ yearFrom: 2019, yearTo: 2022 });
  });

  it('keeps other parameters and writes the filters in a fixed order', () => {
    const out = writeFilters(p('lang=en&units=u_x&fn=201'), { ...EMPTY_FILTERS, kind: 'budget', yearFrom: 2020 });
    expect(out.toString()).toBe('lang=en&fn=201&from=2020&kind=budget');
  });

  it('round-trips any valid filter set', () => {
    const text = fc.stringMatching(/^[\u4e00-\u9fa5a-z]{1,12}$/);
    const arb = fc.record<Filters>({
      province: fc.option(text, { nil: null }),
      prefecture: fc.option(text, { nil: null }),
      county: fc.option(text, { nil: null }),
      level: fc.option(fc.constantFrom('province', 'prefecture', 'county'), { nil: null }),
      units: fc.uniqueArray(fc.stringMatching(/^u_[0-9a-f]{4,16}$/), { maxLength: 5 }),
      yearFrom: fc.option(fc.integer({ min: 2000, max: 2010 }), { nil: null }),
      yearTo: fc.option(fc.integer({ min: 2011, max: 2030 }), { nil: null }),
      kind: fc.option(fc.constantFrom('final', 'budget'), { nil: null }),
      peer: fc.option(text, { nil: null }),
    });
    fc.assert(fc.property(arb, (f) => filtersEqual(parseFilters(writeFilters(new URLSearchParams(), f)), f)));
  });

  it('a broader region clears the narrower ones', () => {
    const f = { ...EMPTY_FILTERS, province: 'A', prefecture: 'B', county: 'C' };
    expect(withFilters(f, { province: 'X' })).toMatchObject({ province: 'X', prefecture: null, county: null });
    expect(withFilters(f, { prefecture: 'Y' })).toMatchObject({ province: 'A', prefecture: 'Y', county: null });
    expect(activeFilterCount(f)).toBe(3);
  });
});
