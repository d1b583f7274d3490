-- spending.sql — spending by classification. One row per document unless stated; a unit-year
-- with a budget and a final account has a row for each (column kind).
--
-- v_function_spending    one row per 功能分类 项 line
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund ('gpb' | 'govfund'),
--   lei_code, lei_name, kuan_code, kuan_name, xiang_code (printed, else from the catalogue),
--   xiang_name, amount, basic, project (万元), share_pct (of the document's lines of that
--   fund), staff, amount_per_staff (万元 per person), source_line, source_text
-- v_function_by_lei      per document × fund × 类
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, lei_code, lei_name,
--   lines, amount, basic, project, share_pct, staff, amount_per_staff
-- v_function_by_kuan     per document × fund × 款 (kuan_code null for lines printed in words only)
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, lei_code, lei_name,
--   kuan_code, kuan_name, lines, amount, basic, project, share_pct, staff, amount_per_staff
-- v_basic_project_split  基本支出 vs 项目支出 of the document's total spending (expense.*)
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, expense_total, basic,
--   project, basic_share_pct, project_share_pct (of basic + project)
-- v_personnel_public     人员经费 vs 公用经费 within 一般公共预算 基本支出 (gpb.*)
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, gpb_basic, personnel,
--   public, personnel_share_pct, public_share_pct (of personnel + public)
-- v_economic_by_class    经济分类 per document × 类 (the 类 row, else the sum of its 款 rows)
--   doc_id, unit_id, unit_name, fiscal_year, kind, class_code, name, amount, personnel,
--   public, share_pct (of all 类 of the document)
-- v_economic_shares      301 工资福利 / 302 商品和服务 / 303 对个人和家庭的补助 shares
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, total, amount_301,
--   amount_302, amount_303, share_301_pct, share_302_pct, share_303_pct

CREATE OR REPLACE VIEW v_function_spending AS
SELECT l.doc_id, l.unit_id, d.unit_name, d.sector, d.level, l.fiscal_year, l.kind, l.fund,
       l.lei_code, l.lei_name, l.kuan_code, l.kuan_name,
       coalesce(l.code, l.catalogue_code) AS xiang_code, l.name AS xiang_name,
       l.amount, l.basic, l.project,
       100 * l.amount / nullif(sum(l.amount) OVER (PARTITION BY l.doc_id, l.fund), 0) AS share_pct,
       s.staff, l.amount / nullif(s.staff, 0) AS amount_per_staff,
       l.source_line, l.source_text
FROM function_lines l
JOIN v_doc d ON d.doc_id = l.doc_id
LEFT JOIN v_doc_staff s ON s.doc_id = l.doc_id;

CREATE OR REPLACE VIEW v_function_by_lei AS
WITH g AS (
  SELECT doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, lei_code,
         min(lei_name) AS lei_name, count(*)::INTEGER AS lines,
         sum(amount) AS amount, sum(basic) AS basic, sum(project) AS project, any_value(staff) AS staff
  FROM v_function_spending
  GROUP BY doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, lei_code,
           CASE WHEN lei_code IS NULL THEN lei_name END
)
SELECT doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, lei_code, lei_name, lines,
       amount, basic, project,
       100 * amount / nullif(sum(amount) OVER (PARTITION BY doc_id, fund), 0) AS share_pct,
       staff, amount / nullif(staff, 0) AS amount_per_staff
FROM g;

CREATE OR REPLACE VIEW v_function_by_kuan AS
WITH g AS (
  SELECT doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund,
         min(lei_code) AS lei_code, min(lei_name) AS lei_name, kuan_code, min(kuan_name) AS kuan_name,
         count(*)::INTEGER AS lines,
         sum(amount) AS amount, sum(basic) AS basic, sum(project) AS project, any_value(staff) AS staff
  FROM v_function_spending
  GROUP BY doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, kuan_code,
           CASE WHEN kuan_code IS NULL THEN coalesce(lei_code, lei_name) END,
           CASE WHEN kuan_code IS NULL THEN kuan_name END
)
SELECT doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, fund, lei_code, lei_name,
       kuan_code, kuan_name, lines, amount, basic, project,
       100 * amount / nullif(sum(amount) OVER (PARTITION BY doc_id, fund), 0) AS share_pct,
       staff, amount / nullif(staff, 0) AS amount_per_staff
FROM g;

CREATE OR REPLACE VIEW v_basic_project_split AS
WITH w AS (
  SELECT doc_id,
         max(value) FILTER (WHERE key = 'expense.total') AS expense_total,
         max(value) FILTER (WHERE key = 'expense.basic') AS basic,
         max(value) FILTER (WHERE key = 'expense.project') AS project
  FROM v_figures
  WHERE key IN ('expense.total', 'expense.basic', 'expense.project')
  GROUP BY doc_id
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind,
       w.expense_total, w.basic, w.project,
       100 * w.basic / nullif(w.basic + w.project, 0) AS basic_share_pct,
       100 * w.project / nullif(w.basic + w.project, 0) AS project_share_pct
FROM v_doc d JOIN w ON w.doc_id = d.doc_id;

CREATE OR REPLACE VIEW v_personnel_public AS
WITH w AS (
  SELECT doc_id,
         max(value) FILTER (WHERE key = 'gpb.basic') AS gpb_basic,
         max(value) FILTER (WHERE key = 'gpb.personnel') AS personnel,
         max(value) FILTER (WHERE key = 'gpb.public') AS public
  FROM v_figures
  WHERE key IN ('gpb.basic', 'gpb.personnel', 'gpb.public')
  GROUP BY doc_id
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind,
       w.gpb_basic, w.personnel, w.public,
       100 * w.personnel / nullif(w.personnel + w.public, 0) AS personnel_share_pct,
       100 * w.public / nullif(w.personnel + w.public, 0) AS public_share_pct
FROM v_doc d JOIN w ON w.doc_id = d.doc_id;

CREATE OR REPLACE VIEW v_economic_by_class AS
WITH c AS (
  SELECT doc_id, class_code,
         max(name) FILTER (WHERE level = 'lei') AS name,
         coalesce(max(amount) FILTER (WHERE level = 'lei'), sum(amount) FILTER (WHERE level = 'kuan')) AS amount,
         coalesce(max(personnel) FILTER (WHERE level = 'lei'), sum(personnel) FILTER (WHERE level = 'kuan')) AS personnel,
         coalesce(max(public) FILTER (WHERE level = 'lei'), sum(public) FILTER (WHERE level = 'kuan')) AS public
  FROM economic_lines
  WHERE class_code IS NOT NULL
  GROUP BY doc_id, class_code
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.fiscal_year, d.kind, c.class_code, c.name,
       c.amount, c.personnel, c.public,
       100 * c.amount / nullif(sum(c.amount) OVER (PARTITION BY c.doc_id), 0) AS share_pct
FROM c JOIN v_doc d ON d.doc_id = c.doc_id;

CREATE OR REPLACE VIEW v_economic_shares AS
WITH w AS (
  SELECT doc_id, sum(amount) AS total,
         max(amount) FILTER (WHERE class_code = '301') AS amount_301,
         max(amount) FILTER (WHERE class_code = '302') AS amount_302,
         max(amount) FILTER (WHERE class_code = '303') AS amount_303
  FROM v_economic_by_class
  GROUP BY doc_id
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind,
       w.total, w.amount_301, w.amount_302, w.amount_303,
       100 * w.amount_301 / nullif(w.total, 0) AS share_301_pct,
       100 * w.amount_302 / nullif(w.total, 0) AS share_302_pct,
       100 * w.amount_303 / nullif(w.total, 0) AS share_303_pct
FROM v_doc d JOIN w ON w.doc_id = d.doc_id;
