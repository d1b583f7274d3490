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
