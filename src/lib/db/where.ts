// The global filters as a SQL WHERE clause with `?` parameters. Column names come from a fixed
// whitelist chosen by the calling code; the user's values only ever travel as bound parameters.
import type { Filters } from '../app/filters.ts';

export type Param = string | number | boolean | null;

export interface Where {
  /** '' or 'WHERE …' (or 'AND …' with `prefix: 'AND'`). */
  sql: string;
  params: Param[];
}

/** Which columns of the queried view carry the filtered dimensions (omit one to skip it). */
export interface FilterColumns {
  /** Column holding the unit id; region, level and peer group filter through it. */
  unit?: string;
  year?: string;
  kind?: string;
}

/** The only identifiers a filter may name: plain or qualified lower-case column names. */
const COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

function column(name: string): string {
  if (!COLUMN.test(name)) throw new Error(`not a whitelisted column name: ${JSON.stringify(name)}`);
  return name;
}

export interface WhereOptions {
  prefix?: 'WHERE' | 'AND';
  /** Leave the year range out (for views that show every year). */
  ignoreYears?: boolean;
  ignoreKind?: boolean;
  ignoreUnits?: boolean;
}

/**
 * Builds the conditions of `filters` on the given columns. Region, level and peer group select
 * units through the units table, so any view with a unit id column can be filtered by them.
 */
export function buildWhere(filters: Filters, cols: FilterColumns, opts: WhereOptions = {}): Where {
  const conds: string[] = [];
  const params: Param[] = [];
  if (cols.unit) {
    const u = column(cols.unit);
    const unitConds: string[] = [];
    const unitParams: Param[] = [];
    const eq = (col: string, v: string | null) => {
      if (v != null) {
        unitConds.push(`${col} = ?`);
        unitParams.push(v);
      }
    };
    eq('province', filters.province);
    eq('prefecture', filters.prefecture);
    eq('county', filters.county);
    eq('level', filters.level);
    eq('sector', filters.peer);
    if (unitConds.length) {
      conds.push(`${u} IN (SELECT unit_id FROM units WHERE ${unitConds.join(' AND ')})`);
      params.push(...unitParams);
    }
    if (!opts.ignoreUnits && filters.units.length) {
      conds.push(`${u} IN (${filters.units.map(() => '?').join(', ')})`);
      params.push(...filters.units);
    }
  }
  if (cols.year && !opts.ignoreYears) {
    const y = column(cols.year);
    if (filters.yearFrom != null) {
      conds.push(`${y} >= ?`);
      params.push(filters.yearFrom);
    }
    if (filters.yearTo != null) {
      conds.push(`${y} <= ?`);
      params.push(filters.yearTo);
    }
  }
  if (cols.kind && !opts.ignoreKind && filters.kind != null) {
    conds.push(`${column(cols.kind)} = ?`);
    params.push(filters.kind);
  }
  if (!conds.length) return { sql: '', params: [] };
  return { sql: `${opts.prefix ?? 'WHERE'} ${conds.join(' AND ')}`, params };
}

/** A condition list joined with AND, for queries that add their own fixed conditions. */
export function andWhere(base: Where, extra: string[], extraParams: Param[] = []): Where {
  const conds = [...(base.sql ? [base.sql.replace(/^(WHERE|AND) /, '')] : []), ...extra];
  if (!conds.length) return { sql: '', params: [] };
  return { sql: `WHERE ${conds.join(' AND ')}`, params: [...base.params, ...extraParams] };
}

/**
 * Whether the filters can be answered from the region-level aggregates (aggregates.sql):
 * province, prefecture, level, years and kind only — no county, sector or chosen units.
 */
export function aggregatable(filters: Filters): boolean {
  return !filters.units.length && filters.county == null && filters.peer == null;
}

/** The WHERE clause of the filters over an aggregate table's own region columns. */
export function aggWhere(filters: Filters, opts: { prefix?: 'WHERE' | 'AND'; ignoreKind?: boolean } = {}): Where {
  const conds: string[] = [];
  const params: Param[] = [];
  const eq = (col: string, v: string | number | null) => {
    if (v != null) {
      conds.push(`${col} = ?`);
      params.push(v);
    }
  };
  eq('province', filters.province);
  eq('prefecture', filters.prefecture);
  eq('level', filters.level);
  if (filters.yearFrom != null) {
    conds.push('fiscal_year >= ?');
    params.push(filters.yearFrom);
  }
  if (filters.yearTo != null) {
    conds.push('fiscal_year <= ?');
    params.push(filters.yearTo);
  }
  if (!opts.ignoreKind) eq('kind', filters.kind);
  return { sql: conds.length ? `${opts.prefix ?? 'WHERE'} ${conds.join(' AND ')}` : '', params };
}
