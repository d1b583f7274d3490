// The global filters and their place in the URL. The URL is the state: a copied link opens the
// same view. Pure functions; every value read from a URL is checked against its shape and
// dropped when it does not fit (a link is user input).

export type Level = 'province' | 'prefecture' | 'county';
export type Kind = 'final' | 'budget';

export interface Filters {
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: Level | null;
  /** Unit ids (units.unit_id); empty = all units. */
  units: string[];
  yearFrom: number | null;
  yearTo: number | null;
  kind: Kind | null;
  /** Peer group: a sector of units.sector. */
  peer: string | null;
}

export const LEVELS: readonly Level[] = ['province', 'prefecture', 'county'];
export const KINDS: readonly Kind[] = ['final', 'budget'];

/** The URL parameters the filters own; every other parameter is left as it is. */
export const FILTER_PARAMS = ['province', 'prefecture', 'county', 'level', 'units', 'from', 'to', 'kind', 'peer'] as const;

export const EMPTY_FILTERS: Filters = Object.freeze({
  province: null,
  prefecture: null,
  county: null,
  level: null,
  units: [] as string[],
  yearFrom: null,
  yearTo: null,
  kind: null,
  peer: null,
}) as Filters;

const MAX_TEXT = 100;
const MAX_UNITS = 50;
const UNIT_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A free-text value (a region or sector name): trimmed, bounded, no control characters. */
function text(v: string | null): string | null {
  if (v == null) return null;
  const s = v.trim();
  if (!s || s.length > MAX_TEXT || /\p{Cc}/u.test(s)) return null;
  return s;
}

function year(v: string | null): number | null {
  if (v == null || !/^\d{4}$/.test(v.trim())) return null;
  const n = Number(v);
  return n >= 1990 && n <= 2100 ? n : null;
}

function oneOf<T extends string>(v: string | null, allowed: readonly T[]): T | null {
  return v != null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

export function parseFilters(params: URLSearchParams): Filters {
  const units = [
    ...new Set(
      params
        .getAll('units')
        .flatMap((v) => v.split(','))
        .map((s) => s.trim())
        .filter((s) => UNIT_ID.test(s)),
    ),
  ].slice(0, MAX_UNITS);
  let yearFrom = year(params.get('from'));
  let yearTo = year(params.get('to'));
  // A reversed range is a typo, not an empty selection.
  if (yearFrom != null && yearTo != null && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  return {
    province: text(params.get('province')),
    prefecture: text(params.get('prefecture')),
    county: text(params.get('county')),
    level: oneOf(params.get('level'), LEVELS),
    units,
    yearFrom,
    yearTo,
    kind: oneOf(params.get('kind'), KINDS),
    peer: text(params.get('peer')),
  };
}

/**
 * The URL parameters with `filters` written in: filter parameters in a fixed order, empty ones
 * left out, every other parameter (language, page state) kept.
 */
export function writeFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!(FILTER_PARAMS as readonly string[]).includes(k)) out.append(k, v);
  const set = (k: string, v: string | number | null) => {
    if (v != null && v !== '') out.set(k, String(v));
  };
  set('province', filters.province);
  set('prefecture', filters.prefecture);
  set('county', filters.county);
  set('level', filters.level);
  if (filters.units.length) out.set('units', filters.units.join(','));
  set('from', filters.yearFrom);
  set('to', filters.yearTo);
  set('kind', filters.kind);
  set('peer', filters.peer);
  return out;
}

/** A query string for `filters` ('' or '?…'). */
export function filtersSearch(params: URLSearchParams, filters: Filters): string {
  const s = writeFilters(params, filters).toString();
  return s ? `?${s}` : '';
}

export function withFilters(filters: Filters, patch: Partial<Filters>): Filters {
  const next = { ...filters, ...patch };
  // Choosing a broader region clears the narrower ones under it.
  if ('province' in patch && patch.province !== filters.province) {
    next.prefecture = 'prefecture' in patch ? next.prefecture : null;
    next.county = 'county' in patch ? next.county : null;
  }
  if ('prefecture' in patch && patch.prefecture !== filters.prefecture) next.county = 'county' in patch ? next.county : null;
  if (next.yearFrom != null && next.yearTo != null && next.yearFrom > next.yearTo) [next.yearFrom, next.yearTo] = [next.yearTo, next.yearFrom];
  return next;
}

export function activeFilterCount(f: Filters): number {
  return (
    [f.province, f.prefecture, f.county, f.level, f.kind, f.peer].filter((v) => v != null).length +
    (f.units.length ? 1 : 0) +
    (f.yearFrom != null || f.yearTo != null ? 1 : 0)
  );
}

export function filtersEqual(a: Filters, b: Filters): boolean {
  return (
    a.province === b.province &&
    a.prefecture === b.prefecture &&
    a.county === b.county &&
    a.level === b.level &&
    a.kind === b.kind &&
    a.peer === b.peer &&
    a.yearFrom === b.yearFrom &&
    a.yearTo === b.yearTo &&
    a.units.length === b.units.length &&
    a.units.every((u, i) => u === b.units[i])
  );
}
