// 三公经费: per unit and year, each component's actual (derived ones marked), the budget it is
// compared with, the year-on-year change, per staff, and running cost per vehicle.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import type { Filters } from '../filters.ts';
import type { SeedLookup } from '../../db/seed.ts';
import { detailScope, fromAggregates } from '../snapshot.svelte.ts';
import { sangongQuery, sangongScopeQuery, sangongVehiclesQuery } from './overview-sql.ts';
import { SCOPE_ID } from './scope.ts';

export { SCOPE_ID };

export const COMPONENTS = ['total', 'abroad', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface SangongRow {
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  component: Component;
  actual: number | null;
  derived: boolean;
  budget: number | null;
  budget_basis: string | null;
  exec_pct: number | null;
  prior_actual: number | null;
  prior_derived: boolean | null;
  yoy_change: number | null;
  yoy_pct: number | null;
  stated_change: number | null;
  stated_pct: number | null;
  staff: number | null;
  actual_per_staff: number | null;
  source_line: number | null;
  source_text: string | null;
  file: string | null;
}

export interface VehicleCostRow {
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  vehicle_operation: number | null;
  vehicles_held: number | null;
  cost_per_vehicle: number | null;
  staff: number | null;
}

/** One unit-year with its components side by side. */
export interface SangongYear {
  key: string;
  unit_id: string;
  unit_name: string;
  fiscal_year: number;
  parts: Partial<Record<Component, SangongRow>>;
  total: SangongRow | undefined;
}

type Loaded = { rows: SangongRow[]; years: SangongYear[]; vehicles: VehicleCostRow[] };


/**
 * A snapshot read in place (a province, ten years), no unit chosen: the filters' units summed
 * per year from the region-level aggregates — final accounts' actuals against budget
 * documents' plans, per staff member and per vehicle — as one row that stands for them all.
 */
async function loadSangongScope(f: Filters, run: QueryOpts): Promise<Loaded> {
  const q = sangongScopeQuery(f);
  const sums = await queryRows<{ fiscal_year: number; kind: string; key: string; total: number; documents: number }>(q.sql, q.params, q.live, run);
  const at = (y: number, kind: string, key: string) => sums.find((r) => r.fiscal_year === y && r.kind === kind && r.key === key);
  const yearsIn = [...new Set(sums.map((r) => r.fiscal_year))].sort((a, b) => a - b);
  const rows: SangongRow[] = [];
  const vehicles: VehicleCostRow[] = [];
  for (const y of yearsIn) {
    const finals = at(y, 'final', 'sangong.total')?.documents ?? 0;
    const name = `所选范围合计（${finals} 份决算）/ All units in scope`;
    const staff = at(y, 'final', 'staff.actual')?.total ?? at(y, 'final', 'staff.active')?.total ?? null;
    COMPONENTS.forEach((c) => {
      const actual = at(y, 'final', `sangong.${c}`)?.total ?? null;
      const budget = f.kind === 'final' ? null : (at(y, 'budget', `sangong.${c}`)?.total ?? null);
      if (actual == null && budget == null) return;
      const prior = at(y - 1, 'final', `sangong.${c}`)?.total ?? null;
      rows.push({
        unit_id: SCOPE_ID, unit_name: name, fiscal_year: y, component: c,
        actual: f.kind === 'budget' ? null : actual, derived: false,
        budget, budget_basis: budget == null ? null : 'budget',
        exec_pct: actual != null && budget ? (actual / budget) * 100 : null,
        prior_actual: prior, prior_derived: prior == null ? null : false,
        yoy_change: actual != null && prior != null ? actual - prior : null,
        yoy_pct: actual != null && prior ? ((actual - prior) / prior) * 100 : null,
        stated_change: null, stated_pct: null,
        staff, actual_per_staff: actual != null && staff ? actual / staff : null,
        source_line: null, source_text: null, file: null,
      });
    });
    const op = at(y, 'final', 'sangong.vehicle_operation')?.total ?? null;
    const held = at(y, 'final', 'sangong.vehicles_held')?.total ?? null;
    if (f.kind !== 'budget' && (op != null || held != null))
      vehicles.push({ unit_id: SCOPE_ID, unit_name: name, fiscal_year: y, vehicle_operation: op, vehicles_held: held, cost_per_vehicle: op != null && held ? op / held : null, staff });
  }
  return { rows, years: group(rows), vehicles };
}

function group(rows: SangongRow[]): SangongYear[] {
  const byKey = new Map<string, SangongYear>();
  for (const r of rows) {
    const key = `${r.unit_id}:${r.fiscal_year}`;
    let y = byKey.get(key);
    if (!y) byKey.set(key, (y = { key, unit_id: r.unit_id, unit_name: r.unit_name, fiscal_year: r.fiscal_year, parts: {}, total: undefined }));
    y.parts[r.component] = r;
    if (r.component === 'total') y.total = r;
  }
  return [...byKey.values()];
}

/** The page's first queries (the embedded snapshot), which it is prerendered with. */
export const sangongFirstQueries = (f: Filters) => [sangongQuery(f), sangongVehiclesQuery(f)];

/** loadSangong's answer from the seed (the embedded snapshot), or null when it lacks one. */
export function sangongFromSeed(get: SeedLookup, f: Filters): Loaded | null {
  const rows = get<SangongRow>(sangongQuery(f));
  const vehicles = f.kind === 'budget' ? [] : get<VehicleCostRow>(sangongVehiclesQuery(f));
  return rows && vehicles ? { rows, years: group(rows), vehicles } : null;
}

export async function loadSangong(f: Filters, run: QueryOpts = {}): Promise<Loaded> {
  if (await fromAggregates(f)) return loadSangongScope(f, run);
  await detailScope(f);
  const q = sangongQuery(f);
  const v = sangongVehiclesQuery(f);
  // Both asked at once: the second is sent as soon as the first has answered.
  const [rows, vehicles] = await Promise.all([
    queryRows<SangongRow>(q.sql, q.params, q.live, run),
    f.kind === 'budget' ? ([] as VehicleCostRow[]) : queryRows<VehicleCostRow>(v.sql, v.params, v.live, run),
  ]);
  return { rows, years: group(rows), vehicles };
}
