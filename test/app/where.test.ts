import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../src/lib/app/filters.ts';
import { andWhere, buildWhere } from '../../src/lib/db/where.ts';

describe('filters → WHERE with bound parameters', () => {
  it('is empty without filters', () => {
    expect(buildWhere(EMPTY_FILTERS, { unit: 'unit_id', year: 'fiscal_year', kind: 'kind' })).toEqual({ sql: '', params: [] });
  });

  it('puts every user value in the parameters, never in the SQL', () => {
    const evil = "x' OR 1=1 --";
    const w = buildWhere(
      { ...EMPTY_FILTERS, province: evil, level: 'county', peer: evil, units: ['u_1', 'u_2'], yearFrom: 2019, yearTo: 2020, kind: 'final' },
      { unit: 'p.unit_id', year: 'p.fiscal_year', kind: 'p.kind' },
    );
    expect(w.sql).toBe(
      'WHERE p.unit_id IN (SELECT unit_id FROM units WHERE province = ? AND level = ? AND sector = ?) AND p.unit_id IN (?, ?) AND p.fiscal_year >= ? AND p.fiscal_year <= ? AND p.kind = ?',
    );
    expect(w.sql).not.toContain(evil);
    expect(w.params).toEqual([evil, 'county', evil, 'u_1', 'u_2', 2019, 2020, 'final']);
    expect(w.sql.split('?').length - 1).toBe(w.params.length);
  });

  it('skips dimensions the view does not have, or that the caller leaves out', () => {
    const f = { ...EMPTY_FILTERS, yearFrom: 2019, kind: 'budget' as const };
    expect(buildWhere(f, { unit: 'unit_id', year: 'fiscal_year' })).toEqual({ sql: 'WHERE fiscal_year >= ?', params: [2019] });
    expect(buildWhere(f, { year: 'fiscal_year', kind: 'kind' }, { ignoreYears: true, prefix: 'AND' })).toEqual({ sql: 'AND kind = ?', params: ['budget'] });
  });

  it('refuses a column name outside the whitelist shape', () => {
    expect(() => buildWhere({ ...EMPTY_FILTERS, kind: 'final' }, { kind: 'kind; DROP TABLE x' })).toThrow(/whitelisted/);
  });

  it('adds fixed conditions after the filters', () => {
    const w = andWhere(buildWhere({ ...EMPTY_FILTERS, kind: 'final' }, { kind: 'kind' }), ['rule = ?'], ['r1']);
    expect(w).toEqual({ sql: 'WHERE kind = ? AND rule = ?', params: ['final', 'r1'] });
  });
});
