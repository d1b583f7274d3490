// What the filter bar offers: the snapshot's units with their regions, levels and sectors, and
// its years. Loaded once per snapshot.
import { queryRows } from '../../db/query.ts';
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

export function loadDims(): Promise<Dims> {
  cached ??= (async () => {
    // After the page's own first queries (the filter bar's options can wait a moment).
    await new Promise((r) => setTimeout(r, 0));
    const units = await queryRows<UnitDim>(UNITS_QUERY.sql, UNITS_QUERY.params);
    const years = (await queryRows<{ y: number }>(YEARS_QUERY.sql, YEARS_QUERY.params)).map((r) => r.y);
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
