-- aggregates.sql — region-level totals over every partition, for a snapshot too large to read
-- whole in the browser (a province, ten years). The ingest computes each view once into
-- aggregates/<view>.parquet; the browser, reading such a snapshot in place, points these views
-- at those files, so the overview and the distributions answer from a few thousand rows
-- whatever the year filter. On a small snapshot they are computed live: same SQL, same rows.
-- Grain: region (province, prefecture, level) × fiscal_year × kind; county, sector and unit
-- filters need the detail tables.
--
-- agg_coverage    documents read and units per region, year and kind
--   province, prefecture, level, fiscal_year, kind, documents, units, partial
-- agg_figures     sum and count of the headline figures (v_figures) of the main keys
--   province, prefecture, level, fiscal_year, kind, key, documents, total
-- agg_scores      projects per self-evaluation score bin (v_project_scores, every source)
--   province, prefecture, level, fiscal_year, kind, source, bin_lower, projects, low_exec
--   (scored projects executed below 60 %)
-- agg_findings    findings per rule and severity
--   province, prefecture, level, fiscal_year, kind, family, rule, severity, findings
-- agg_function    功能分类 项 lines summed (v_function_spending): the 类 → 款 → 项 tree
--   province, prefecture, level, fiscal_year, kind, fund, lei_code, lei_name, kuan_code,
--   kuan_name, xiang_code, xiang_name, lines, amount, basic, project, amount_per_staff (the
--   sum of each line's amount per staff member of its document, for the per-staff tree)
-- agg_spending    the documents' splits summed: 基本/项目 (v_basic_project_split), 人员/公用
--                 (v_personnel_public), 301/302/303 (v_economic_shares), headcount (v_doc_staff)
--   province, prefecture, level, fiscal_year, kind, documents, staff, expense_total, basic,
--   project, personnel, public, amount_301, amount_302, amount_303
-- agg_procurement 政府采购 summed over the documents that state a total (v_procurement_shares);
--                 sme_base / small_micro_base: the totals of the documents that state the share
--   province, prefecture, level, fiscal_year, kind, documents, total, goods, works, services,
--   sme, small_micro, sme_base, small_micro_base
-- agg_procurement_top  per province, year and kind, the 50 documents ranked first by SME share
--                 (then total, then doc_id), as the procurement ranking orders them: the top of
--                 any union of provinces is within the union of their tops
--   province, fiscal_year, kind, rank, unit_id, unit_name, total, goods, works, services, sme,
--   small_micro, sme_share_pct, small_micro_share_pct
-- agg_score_exec  scored projects with an execution rate (v_score_vs_execution) per score bin
--                 and execution bin (exec_bin: 10-point bins, below 0 in 0, 100 and above in 100)
--   province, prefecture, level, fiscal_year, kind, source, bin_lower, exec_bin, projects

CREATE OR REPLACE VIEW agg_coverage AS
SELECT province, prefecture, level, fiscal_year, kind,
       count(*) AS documents, count(DISTINCT unit_id) AS units,
       count(*) FILTER (WHERE status = 'partial') AS partial
FROM v_doc
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_figures AS
SELECT u.province, u.prefecture, u.level, g.fiscal_year, g.kind, g.key,
       count(*) AS documents, sum(g.value) AS total
FROM v_figures g
LEFT JOIN units u ON u.unit_id = g.unit_id
WHERE g.key IN ('expense.total', 'income.total', 'admin.running_cost',
                'sangong.total', 'sangong.abroad', 'sangong.vehicle', 'sangong.vehicle_purchase',
                'sangong.vehicle_operation', 'sangong.reception', 'sangong.vehicles_held',
                'procurement.total', 'procurement.goods', 'procurement.works', 'procurement.services',
                'procurement.sme', 'procurement.small_micro', 'staff.actual', 'staff.active')
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_scores AS
SELECT u.province, u.prefecture, u.level, s.fiscal_year, s.kind, s.source, s.score_bin AS bin_lower,
       count(*) AS projects,
       count(*) FILTER (WHERE s.exec_rate < 60) AS low_exec
FROM v_project_scores s
LEFT JOIN units u ON u.unit_id = s.unit_id
WHERE s.score IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_findings AS
SELECT province, prefecture, level, fiscal_year, kind, family, rule, severity, count(*) AS findings
FROM v_findings
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_function AS
SELECT u.province, u.prefecture, u.level, s.fiscal_year, s.kind, s.fund,
       s.lei_code, s.lei_name, s.kuan_code, s.kuan_name, s.xiang_code, s.xiang_name,
       count(*) AS lines, sum(s.amount) AS amount, sum(s.basic) AS basic, sum(s.project) AS project,
       sum(s.amount_per_staff) AS amount_per_staff
FROM v_function_spending s
LEFT JOIN units u ON u.unit_id = s.unit_id
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_spending AS
SELECT d.province, d.prefecture, d.level, d.fiscal_year, d.kind,
       count(*) AS documents, sum(s.staff) AS staff,
       sum(b.expense_total) AS expense_total, sum(b.basic) AS basic, sum(b.project) AS project,
       sum(p.personnel) AS personnel, sum(p.public) AS public,
       sum(e.amount_301) AS amount_301, sum(e.amount_302) AS amount_302, sum(e.amount_303) AS amount_303
FROM v_doc d
LEFT JOIN v_doc_staff s ON s.doc_id = d.doc_id
LEFT JOIN v_basic_project_split b ON b.doc_id = d.doc_id
LEFT JOIN v_personnel_public p ON p.doc_id = d.doc_id
LEFT JOIN v_economic_shares e ON e.doc_id = d.doc_id
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_procurement AS
SELECT u.province, u.prefecture, u.level, p.fiscal_year, p.kind,
       count(*) AS documents, sum(p.total) AS total, sum(p.goods) AS goods, sum(p.works) AS works,
       sum(p.services) AS services, sum(p.sme) AS sme, sum(p.small_micro) AS small_micro,
       sum(p.total) FILTER (WHERE p.sme IS NOT NULL) AS sme_base,
       sum(p.total) FILTER (WHERE p.small_micro IS NOT NULL) AS small_micro_base
FROM v_procurement_shares p
LEFT JOIN units u ON u.unit_id = p.unit_id
GROUP BY ALL;

CREATE OR REPLACE VIEW agg_procurement_top AS
SELECT u.province, p.fiscal_year, p.kind,
       CAST(row_number() OVER (PARTITION BY u.province, p.fiscal_year, p.kind
                               ORDER BY p.sme_share_pct DESC NULLS LAST, p.total DESC NULLS LAST, p.doc_id) AS INTEGER) AS rank,
       p.unit_id, p.unit_name, p.total, p.goods, p.works, p.services, p.sme, p.small_micro,
       p.sme_share_pct, p.small_micro_share_pct
FROM v_procurement_shares p
LEFT JOIN units u ON u.unit_id = p.unit_id
QUALIFY rank <= 50;

CREATE OR REPLACE VIEW agg_score_exec AS
SELECT u.province, u.prefecture, u.level, s.fiscal_year, s.kind, s.source, s.score_bin AS bin_lower,
       CAST(CASE WHEN s.exec_rate >= 100 THEN 100 WHEN s.exec_rate < 0 THEN 0
                 ELSE floor(s.exec_rate / 10) * 10 END AS INTEGER) AS exec_bin,
       count(*) AS projects
FROM v_project_scores s
LEFT JOIN units u ON u.unit_id = s.unit_id
WHERE s.score IS NOT NULL AND s.exec_rate IS NOT NULL
GROUP BY ALL;
