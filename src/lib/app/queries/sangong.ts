// 三公经费: per unit and year, each component's actual (derived ones marked), the budget it is
// compared with, the year-on-year change, per staff, and running cost per vehicle.
import { queryRows } from '../../db/query.ts';
import { andWhere, buildWhere } from '../../db/where.ts';
import type { Filters } from '../filters.ts';
import { ready } from '../snapshot.svelte.ts';

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

export async function loadSangong(f: Filters): Promise<{ rows: SangongRow[]; years: SangongYear[]; vehicles: VehicleCostRow[] }> {
  await ready();
  const base = buildWhere(f, { unit: 's.unit_id', year: 's.fiscal_year' });
  // Kind: final accounts give actuals and the budgets they quote; budget documents give plans.
  const kind = f.kind === 'final' ? ['(s.actual IS NOT NULL OR s.budget_initial IS NOT NULL OR s.budget_full_year IS NOT NULL)'] : f.kind === 'budget' ? ['s.budget_planned IS NOT NULL'] : [];
  const w = andWhere(base, kind);
  const wv = buildWhere(f, { unit: 'unit_id', year: 'fiscal_year' });
  // Both sent at once: the second waits in the worker, not for a round trip of the first.
  const [rows, vehicles] = await Promise.all([
    queryRows<SangongRow>(
      `SELECT s.unit_id, s.unit_name, s.fiscal_year, s.component, s.actual, s.derived, s.budget, s.budget_basis, s.exec_pct,
            s.prior_actual, s.prior_derived, s.yoy_change, s.yoy_pct, s.stated_change, s.stated_pct, s.staff, s.actual_per_staff,
            s.source_line, s.source_text, d.file
     FROM v_sangong_by_year s LEFT JOIN documents d ON d.doc_id = s.doc_id
     ${w.sql}
     ORDER BY s.unit_name, s.fiscal_year, s.component_order`,
      w.params,
    ),
    f.kind === 'budget'
      ? ([] as VehicleCostRow[])
      : queryRows<VehicleCostRow>(
          `SELECT unit_id, unit_name, fiscal_year, vehicle_operation, vehicles_held, cost_per_vehicle, staff
     FROM v_sangong_vehicle_cost ${wv.sql} ORDER BY unit_name, fiscal_year`,
          wv.params,
        ),
  ]);
  const byKey = new Map<string, SangongYear>();
  for (const r of rows) {
    const key = `${r.unit_id}:${r.fiscal_year}`;
    let y = byKey.get(key);
    if (!y) byKey.set(key, (y = { key, unit_id: r.unit_id, unit_name: r.unit_name, fiscal_year: r.fiscal_year, parts: {}, total: undefined }));
    y.parts[r.component] = r;
    if (r.component === 'total') y.total = r;
  }
  return { rows, years: [...byKey.values()], vehicles };
}
