-- base.sql — building blocks shared by the other views. Money in 万元, rates in %.
--
-- v_doc            one row per document that was read (status ok or partial)
--   doc_id, file, unit_id, unit_name (canonical), printed_name (as the document prints it),
--   sector, level, province, prefecture, county, fiscal_year, kind ('final' | 'budget'),
--   status ('ok' | 'partial'), warning_count
-- v_figures        the headline figure of each key in each document: basis 'actual' in final
--                  accounts, 'budget' in budget documents (headcounts staff.* and assets.* are
--                  'actual' in both); derived facts excluded
--   doc_id, unit_id, fiscal_year, kind, key, value, source_line, source_text
-- v_doc_staff      headcount per document: staff.actual (实有人数), else staff.active (在职人员)
--   doc_id, unit_id, fiscal_year, kind, staff, staff_key ('staff.actual' | 'staff.active')

CREATE OR REPLACE VIEW v_doc AS
SELECT d.doc_id, d.file, d.unit_id, u.name AS unit_name, d.unit_name AS printed_name,
       u.sector, u.level, u.province, u.prefecture, u.county,
       d.fiscal_year, d.kind, d.status, d.warning_count
FROM documents d
LEFT JOIN units u ON u.unit_id = d.unit_id
WHERE d.status <> 'rejected';

CREATE OR REPLACE VIEW v_figures AS
SELECT f.doc_id, f.unit_id, f.fiscal_year, f.kind, f.key, f.value, f.source_line, f.source_text
FROM facts f
WHERE NOT f.derived
  AND f.basis = CASE
        WHEN f.kind = 'budget' AND NOT (f.key LIKE 'staff.%' OR f.key LIKE 'assets.%') THEN 'budget'
        ELSE 'actual'
      END;

CREATE OR REPLACE VIEW v_doc_staff AS
SELECT doc_id, unit_id, fiscal_year, kind,
       coalesce(max(value) FILTER (WHERE key = 'staff.actual'), max(value) FILTER (WHERE key = 'staff.active')) AS staff,
       CASE
         WHEN count(*) FILTER (WHERE key = 'staff.actual') > 0 THEN 'staff.actual'
         WHEN count(*) FILTER (WHERE key = 'staff.active') > 0 THEN 'staff.active'
       END AS staff_key
FROM v_figures
WHERE key IN ('staff.actual', 'staff.active')
GROUP BY doc_id, unit_id, fiscal_year, kind;
