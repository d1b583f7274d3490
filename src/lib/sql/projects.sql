-- projects.sql — project performance self-evaluations (项目支出绩效自评). Money in 万元,
-- rates in %, scores in points (分, out of 100).
--
-- v_project_scores       one row per project: from the 绩效自评表 / 绩效目标表 (source
--                        'self_eval') and from a 绩效评价汇总表 (source 'summary')
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, source, project_id, ordinal,
--   name, budget (full-year, else initial, else a budget document's 年度资金总额), executed,
--   exec_rate_printed, exec_rate (printed, else executed / budget), score, score_bin (lower
--   bound of its bin: 0, 60, 70, 80 or 90), indicator_count (self_eval only)
-- v_score_bins           the histogram bins: bin_lower, bin_upper, bin_label
--   ('<60', '60–70', '70–80', '80–90', '90–100'; a score of 100 is in the last bin)
-- v_score_distribution   per document × source × bin, every bin present (projects may be 0)
--   doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, source, bin_lower,
--   bin_upper, bin_label, projects, share_pct (of the document's scored projects of that source)
-- v_score_vs_execution   scored projects with an execution rate, for score-vs-execution plots
--   doc_id, unit_id, unit_name, fiscal_year, kind, source, project_id, name, budget,
--   executed, exec_rate, score, gap (score − exec_rate)

CREATE OR REPLACE VIEW v_score_bins AS
SELECT * FROM (VALUES (0, 60, '<60'), (60, 70, '60–70'), (70, 80, '70–80'), (80, 90, '80–90'), (90, 100, '90–100'))
  AS b(bin_lower, bin_upper, bin_label);

CREATE OR REPLACE VIEW v_project_scores AS
WITH p AS (
  SELECT doc_id, 'self_eval' AS source, project_id, ordinal, name,
         coalesce(budget_full_year, budget_initial, budget) AS budget, executed, exec_rate AS exec_rate_printed,
         score, indicator_count
  FROM projects
  UNION ALL
  SELECT doc_id, 'summary' AS source, doc_id || ':s' || ordinal AS project_id, ordinal, name,
         coalesce(budget_full_year, budget_initial) AS budget, executed, exec_rate AS exec_rate_printed,
         score, NULL::INTEGER AS indicator_count
  FROM summary_projects
)
SELECT d.doc_id, d.unit_id, d.unit_name, d.sector, d.level, d.fiscal_year, d.kind,
       p.source, p.project_id, p.ordinal, p.name, p.budget, p.executed, p.exec_rate_printed,
       coalesce(p.exec_rate_printed, 100 * p.executed / nullif(p.budget, 0)) AS exec_rate,
       p.score,
       CASE WHEN p.score IS NULL THEN NULL
            WHEN p.score < 60 THEN 0
            WHEN p.score >= 90 THEN 90
            ELSE CAST(floor(p.score / 10) * 10 AS INTEGER) END AS score_bin,
       p.indicator_count
FROM p JOIN v_doc d ON d.doc_id = p.doc_id;

CREATE OR REPLACE VIEW v_score_distribution AS
WITH groups AS (
  SELECT DISTINCT doc_id, unit_id, unit_name, sector, level, fiscal_year, kind, source
  FROM v_project_scores WHERE score IS NOT NULL
),
counts AS (
  SELECT doc_id, source, score_bin, count(*)::INTEGER AS projects
  FROM v_project_scores WHERE score IS NOT NULL
  GROUP BY doc_id, source, score_bin
)
SELECT g.doc_id, g.unit_id, g.unit_name, g.sector, g.level, g.fiscal_year, g.kind, g.source,
       b.bin_lower, b.bin_upper, b.bin_label,
       coalesce(c.projects, 0) AS projects,
       100.0 * coalesce(c.projects, 0) / sum(coalesce(c.projects, 0)) OVER (PARTITION BY g.doc_id, g.source) AS share_pct
FROM groups g
CROSS JOIN v_score_bins b
LEFT JOIN counts c ON c.doc_id = g.doc_id AND c.source = g.source AND c.score_bin = b.bin_lower;

CREATE OR REPLACE VIEW v_score_vs_execution AS
SELECT doc_id, unit_id, unit_name, fiscal_year, kind, source, project_id, name, budget, executed,
       exec_rate, score, score - exec_rate AS gap
FROM v_project_scores
WHERE score IS NOT NULL AND exec_rate IS NOT NULL;
