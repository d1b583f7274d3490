-- sangong.sql — “三公”经费 by unit and year. Money in 万元, rates in %.
--
-- v_sangong_by_year   one row per unit × fiscal year × component, from every document of the
--                     unit: the actual of its final account (or a figure derived from a later
--                     account's stated change: derived = true), the budgets quoted in the final
--                     account, and the budget document of that year
--   unit_id, unit_name, sector, level, fiscal_year,
--   component ('total' | 'abroad' | 'vehicle' | 'vehicle_purchase' | 'vehicle_operation' | 'reception'),
--   component_order (1…6), actual, derived, budget_initial, budget_full_year (quoted in the
--   final account), budget_planned (the year's budget document), budget (full-year, else
--   initial, else planned), budget_basis ('budget_full_year' | 'budget_initial' | 'budget'),
--   exec_pct (actual / budget), prior_actual (previous year's actual, real or derived),
--   prior_derived, yoy_change, yoy_pct (computed), stated_change, stated_pct (as the document
--   states them), staff, actual_per_staff, doc_id (of the actual), source_line, source_text
-- v_sangong_vehicle_cost   running cost per vehicle held, per unit × year (final accounts)
--   unit_id, unit_name, sector, level, fiscal_year, doc_id, vehicle_operation (公务用车运行维护费),
--   vehicles_held (公务用车保有量), cost_per_vehicle (万元 per vehicle), staff,
--   vehicles_per_100_staff

CREATE OR REPLACE VIEW v_sangong_by_year AS
WITH comp(component, key, component_order) AS (
  VALUES ('total', 'sangong.total', 1), ('abroad', 'sangong.abroad', 2), ('vehicle', 'sangong.vehicle', 3),
         ('vehicle_purchase', 'sangong.vehicle_purchase', 4), ('vehicle_operation', 'sangong.vehicle_operation', 5),
         ('reception', 'sangong.reception', 6)
),
sf AS (
  SELECT f.*, c.component, c.component_order
  FROM facts f JOIN comp c ON c.key = f.key
  WHERE f.unit_id IS NOT NULL AND f.fiscal_year IS NOT NULL
),
act AS (
  SELECT * FROM (
    SELECT unit_id, fiscal_year, component, value AS actual, derived, doc_id, source_line, source_text,
           row_number() OVER (PARTITION BY unit_id, fiscal_year, component ORDER BY derived, doc_id) AS rn
    FROM sf WHERE kind = 'final' AND basis = 'actual'
  ) WHERE rn = 1
),
stated AS (
  SELECT unit_id, fiscal_year, component,
         min(value) FILTER (WHERE basis = 'prior_change') AS stated_change,
         min(value) FILTER (WHERE basis = 'prior_pct') AS stated_pct
  FROM sf WHERE kind = 'final' AND NOT derived AND basis IN ('prior_change', 'prior_pct')
  GROUP BY unit_id, fiscal_year, component
),
bud AS (
  SELECT unit_id, fiscal_year, component,
         min(value) FILTER (WHERE kind = 'final' AND basis = 'budget_initial') AS budget_initial,
         min(value) FILTER (WHERE kind = 'final' AND basis = 'budget_full_year') AS budget_full_year,
         min(value) FILTER (WHERE kind = 'budget' AND basis = 'budget') AS budget_planned
  FROM sf WHERE basis IN ('budget_initial', 'budget_full_year', 'budget')
  GROUP BY unit_id, fiscal_year, component
),
k AS (
  SELECT DISTINCT unit_id, fiscal_year, component, component_order FROM sf
  WHERE (kind = 'final' AND basis IN ('actual', 'budget_initial', 'budget_full_year')) OR (kind = 'budget' AND basis = 'budget')
),
staff AS (
  SELECT unit_id, fiscal_year, staff FROM (
    SELECT unit_id, fiscal_year, staff,
           row_number() OVER (PARTITION BY unit_id, fiscal_year ORDER BY kind = 'final' DESC, doc_id) AS rn
    FROM v_doc_staff WHERE unit_id IS NOT NULL
  ) WHERE rn = 1
)
SELECT k.unit_id, u.name AS unit_name, u.sector, u.level, k.fiscal_year, k.component, k.component_order,
       a.actual, coalesce(a.derived, false) AS derived,
       b.budget_initial, b.budget_full_year, b.budget_planned,
       coalesce(b.budget_full_year, b.budget_initial, b.budget_planned) AS budget,
       CASE WHEN b.budget_full_year IS NOT NULL THEN 'budget_full_year'
            WHEN b.budget_initial IS NOT NULL THEN 'budget_initial'
            WHEN b.budget_planned IS NOT NULL THEN 'budget' END AS budget_basis,
       100 * a.actual / nullif(coalesce(b.budget_full_year, b.budget_initial, b.budget_planned), 0) AS exec_pct,
       p.actual AS prior_actual, p.derived AS prior_derived,
       round(a.actual - p.actual, 6) AS yoy_change,
       100 * (a.actual - p.actual) / nullif(p.actual, 0) AS yoy_pct,
       st.stated_change, st.stated_pct,
       s.staff, a.actual / nullif(s.staff, 0) AS actual_per_staff,
       a.doc_id, a.source_line, a.source_text
FROM k
LEFT JOIN units u ON u.unit_id = k.unit_id
LEFT JOIN act a ON a.unit_id = k.unit_id AND a.fiscal_year = k.fiscal_year AND a.component = k.component
LEFT JOIN act p ON p.unit_id = k.unit_id AND p.fiscal_year = k.fiscal_year - 1 AND p.component = k.component
LEFT JOIN bud b ON b.unit_id = k.unit_id AND b.fiscal_year = k.fiscal_year AND b.component = k.component
LEFT JOIN stated st ON st.unit_id = k.unit_id AND st.fiscal_year = k.fiscal_year AND st.component = k.component
LEFT JOIN staff s ON s.unit_id = k.unit_id AND s.fiscal_year = k.fiscal_year;

CREATE OR REPLACE VIEW v_sangong_vehicle_cost AS
WITH w AS (
  SELECT doc_id,
         max(value) FILTER (WHERE key = 'sangong.vehicle_operation') AS vehicle_operation,
         max(value) FILTER (WHERE key = 'sangong.vehicles_held') AS vehicles_held
  FROM v_figures
  WHERE kind = 'final' AND key IN ('sangong.vehicle_operation', 'sangong.vehicles_held')
  GROUP BY doc_id
)
SELECT d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.doc_id,
       w.vehicle_operation, w.vehicles_held,
       w.vehicle_operation / nullif(w.vehicles_held, 0) AS cost_per_vehicle,
       s.staff, 100 * w.vehicles_held / nullif(s.staff, 0) AS vehicles_per_100_staff
FROM v_doc d
JOIN w ON w.doc_id = d.doc_id
LEFT JOIN v_doc_staff s ON s.doc_id = d.doc_id;
