-- peers.sql — where a unit stands among its peers. Peer groups: the same sector (units.sector,
-- classified from the name), or the same government level (province / prefecture / county);
-- compared within one fiscal year and one kind (final accounts with final accounts, budgets
-- with budgets).
--
-- v_unit_metrics      long format: one row per document × metric with a value
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, metric, value
--   metrics: expense_total, expense_per_staff, running_cost_per_staff, sangong_per_staff,
--   project_share_pct, personnel_share_pct, procurement_sme_share_pct,
--   sangong_vehicle_cost_per_vehicle, project_score_mean
-- v_peer_percentiles  one row per document × metric × peer type
--   doc_id, unit_id, unit_name, fiscal_year, kind, metric, value,
--   peer_type ('sector' | 'level'), peer_group (the sector or level), peers (documents
--   compared, this one included), rank (1 = lowest value), percentile (0–100: percent_rank
--   × 100, the share of the other peers with a lower value; null when alone), peer_median

CREATE OR REPLACE VIEW v_unit_metrics AS
WITH m AS (
  SELECT doc_id, 'expense_total' AS metric, expense_total AS value FROM v_per_staff
  UNION ALL SELECT doc_id, 'expense_per_staff', expense_per_staff FROM v_per_staff
  UNION ALL SELECT doc_id, 'running_cost_per_staff', running_cost_per_staff FROM v_per_staff
  UNION ALL SELECT doc_id, 'sangong_per_staff', sangong_per_staff FROM v_per_staff
  UNION ALL SELECT doc_id, 'project_share_pct', project_share_pct FROM v_basic_project_split
  UNION ALL SELECT doc_id, 'personnel_share_pct', personnel_share_pct FROM v_personnel_public
  UNION ALL SELECT doc_id, 'procurement_sme_share_pct', sme_share_pct FROM v_procurement_shares
  UNION ALL SELECT doc_id, 'sangong_vehicle_cost_per_vehicle', cost_per_vehicle FROM v_sangong_vehicle_cost
  UNION ALL SELECT doc_id, 'project_score_mean', avg(score) FROM v_project_scores WHERE source = 'self_eval' GROUP BY doc_id
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind, m.metric, m.value
FROM m JOIN v_doc d ON d.doc_id = m.doc_id
WHERE m.value IS NOT NULL AND d.unit_id IS NOT NULL;

CREATE OR REPLACE VIEW v_peer_percentiles AS
WITH g AS (
  SELECT *, 'sector' AS peer_type, sector AS peer_group FROM v_unit_metrics
  UNION ALL
  SELECT *, 'level' AS peer_type, level AS peer_group FROM v_unit_metrics
)
SELECT doc_id, unit_id, unit_name, fiscal_year, kind, metric, value, peer_type, peer_group,
       CAST(count(*) OVER w AS INTEGER) AS peers,
       CAST(rank() OVER (w ORDER BY value) AS INTEGER) AS rank,
       CASE WHEN count(*) OVER w > 1 THEN 100 * percent_rank() OVER (w ORDER BY value) END AS percentile,
       median(value) OVER w AS peer_median
FROM g
WHERE peer_group IS NOT NULL
WINDOW w AS (PARTITION BY peer_type, peer_group, fiscal_year, kind, metric);
