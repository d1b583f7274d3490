-- per_staff.sql — figures per person (万元 per person). Headcount: staff.actual (实有人数),
-- else staff.active (在职人员); null when the document states neither or states 0.
--
-- v_per_staff   one row per document
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, staff, staff_key,
--   expense_total, expense_per_staff, basic_per_staff, project_per_staff,
--   personnel_per_staff (gpb.personnel), public_per_staff (gpb.public),
--   running_cost_per_staff (admin.running_cost, 机关运行经费), sangong_per_staff,
--   procurement_per_staff, building_area_per_staff (平方米 per person)

CREATE OR REPLACE VIEW v_per_staff AS
WITH w AS (
  SELECT doc_id,
         max(value) FILTER (WHERE key = 'expense.total') AS expense_total,
         max(value) FILTER (WHERE key = 'expense.basic') AS expense_basic,
         max(value) FILTER (WHERE key = 'expense.project') AS expense_project,
         max(value) FILTER (WHERE key = 'gpb.personnel') AS personnel,
         max(value) FILTER (WHERE key = 'gpb.public') AS public,
         max(value) FILTER (WHERE key = 'admin.running_cost') AS running_cost,
         max(value) FILTER (WHERE key = 'sangong.total') AS sangong,
         max(value) FILTER (WHERE key = 'procurement.total') AS procurement,
         max(value) FILTER (WHERE key = 'assets.building_area') AS building_area
  FROM v_figures
  GROUP BY doc_id
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind,
       s.staff, s.staff_key,
       w.expense_total,
       w.expense_total / nullif(s.staff, 0) AS expense_per_staff,
       w.expense_basic / nullif(s.staff, 0) AS basic_per_staff,
       w.expense_project / nullif(s.staff, 0) AS project_per_staff,
       w.personnel / nullif(s.staff, 0) AS personnel_per_staff,
       w.public / nullif(s.staff, 0) AS public_per_staff,
       w.running_cost / nullif(s.staff, 0) AS running_cost_per_staff,
       w.sangong / nullif(s.staff, 0) AS sangong_per_staff,
       w.procurement / nullif(s.staff, 0) AS procurement_per_staff,
       w.building_area / nullif(s.staff, 0) AS building_area_per_staff
FROM v_doc d
LEFT JOIN w ON w.doc_id = d.doc_id
LEFT JOIN v_doc_staff s ON s.doc_id = d.doc_id;
