-- findings.sql — the findings table with the unit and document around each finding, for the
-- 异常线索 page and the unit profiles. Severity order: high 3, medium 2, low 1.
--
-- v_findings       one row per finding
--   finding_id, doc_id, unit_id, unit_name, sector, level, province, prefecture, county,
--   fiscal_year, kind, rule, family, severity, severity_rank, subject, zh, en, expected,
--   stated, difference, figures (JSON text), source_line, source_end_line, source_text, file
-- v_findings_by_rule   counts per rule and severity
--   rule, family, severity, severity_rank, findings, documents

CREATE OR REPLACE VIEW v_findings AS
SELECT f.finding_id, f.doc_id, f.unit_id, u.name AS unit_name, u.sector, u.level, u.province, u.prefecture, u.county,
       f.fiscal_year, f.kind, f.rule, f.family, f.severity,
       CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AS severity_rank,
       f.subject, f.zh, f.en, f.expected, f.stated, f.difference, f.figures,
       f.source_line, f.source_end_line, f.source_text, d.file
FROM findings f
LEFT JOIN units u ON u.unit_id = f.unit_id
LEFT JOIN documents d ON d.doc_id = f.doc_id;

CREATE OR REPLACE VIEW v_findings_by_rule AS
SELECT rule, family, severity, CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AS severity_rank,
       count(*) AS findings, count(DISTINCT doc_id) AS documents
FROM findings
GROUP BY rule, family, severity;
