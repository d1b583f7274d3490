-- procurement.sql — 政府采购 per document. Money in 万元, shares in % of the total.
--
-- v_procurement_shares   one row per document that states a procurement total
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, total, goods, works,
--   services, sme (授予/预留中小企业), small_micro (授予/预留小微企业), sme_share_pct,
--   small_micro_share_pct, goods_share_pct, works_share_pct, services_share_pct
--   (shares are null when the total is 0 or missing)

CREATE OR REPLACE VIEW v_procurement_shares AS
WITH w AS (
  SELECT doc_id,
         max(value) FILTER (WHERE key = 'procurement.total') AS total,
         max(value) FILTER (WHERE key = 'procurement.goods') AS goods,
         max(value) FILTER (WHERE key = 'procurement.works') AS works,
         max(value) FILTER (WHERE key = 'procurement.services') AS services,
         max(value) FILTER (WHERE key = 'procurement.sme') AS sme,
         max(value) FILTER (WHERE key = 'procurement.small_micro') AS small_micro
  FROM v_figures
  WHERE key LIKE 'procurement.%'
  GROUP BY doc_id
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind,
       w.total, w.goods, w.works, w.services, w.sme, w.small_micro,
       100 * w.sme / nullif(w.total, 0) AS sme_share_pct,
       100 * w.small_micro / nullif(w.total, 0) AS small_micro_share_pct,
       100 * w.goods / nullif(w.total, 0) AS goods_share_pct,
       100 * w.works / nullif(w.total, 0) AS works_share_pct,
       100 * w.services / nullif(w.total, 0) AS services_share_pct
FROM v_doc d JOIN w ON w.doc_id = d.doc_id
WHERE w.total IS NOT NULL;
