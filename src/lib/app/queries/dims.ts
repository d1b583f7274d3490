// What the filter bar offers: the snapshot's units with their regions, levels and sectors, and
// its years. Loaded once per snapshot.
import { queryRows } from '../../db/query.ts';
import { afterFirstQueries, maybeInPlace } from '../snapshot.svelte.ts';
import { UNITS_QUERY, YEARS_QUERY } from './overview-sql.ts';

export interface UnitDim {
  unit_id: string;
  name: string;
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: string | null;
  sector: string | null;
}

export interface Dims {
  units: UnitDim[];
  years: number[];
  provinces: string[];
  sectors: string[];
}

let cached: Promise<Dims> | null = null;
let cachedYears: Promise<number[]> | null = null;

/** The snapshot's years (from the aggregates: a few rows, asked at once). */
export function loadYears(): Promise<number[]> {
  cachedYears ??= (async () => {
    // Another snapshot: the page's first chart goes first (the first query of a fresh database is the slow one).
    if (maybeInPlace()) await afterFirstQueries();
    return (await queryRows<{ y: number }>(YEARS_QUERY.sql, YEARS_QUERY.params)).map((x) => x.y);
  })();
  cachedYears.catch(() => (cachedYears = null));
  return cachedYears;
}

export function loadDims(): Promise<Dims> {
  cached ??= (async () => {
    // Another snapshot (a province has tens of thousands of units): after the page's own first
    // queries. The embedded one answers at once from the build-time seed.
    if (maybeInPlace()) await afterFirstQueries();
    const units = await queryRows<UnitDim>(UNITS_QUERY.sql, UNITS_QUERY.params);
    const years = await loadYears();
    const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b, 'zh'));
    return { units, years, provinces: uniq(units.map((u) => u.province)), sectors: uniq(units.map((u) => u.sector)) };
  })();
  cached.catch(() => (cached = null));
  return cached;
}

/** Region options below a chosen level, among the given units. */
export function regionOptions(units: UnitDim[], province: string | null, prefecture: string | null) {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b, 'zh'));
  const inProv = province ? units.filter((u) => u.province === province) : units;
  const inPref = prefecture ? inProv.filter((u) => u.prefecture === prefecture) : inProv;
  return { prefectures: uniq(inProv.map((u) => u.prefecture)), counties: uniq(inPref.map((u) => u.county)) };
}

export function unitName(dims: Dims | undefined, id: string | null | undefined): string {
  return dims?.units.find((u) => u.unit_id === id)?.name ?? id ?? '';
}
