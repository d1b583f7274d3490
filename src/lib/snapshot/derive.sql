-- Derived prior-year figures. A final account states the year's figure and its change against
-- the previous year ("三公经费支出决算数1.29万元，比上年减少0.23万元"), which is the previous
-- year's figure in other words: 1.29 − (−0.23) = 1.52 for 2018. Deriving it gives trend charts
-- a point where the earlier document is missing.
--
-- Rules: only final accounts (a budget's change is against last year's budget, not its
-- actual); only keys with both an `actual` and a `prior_change` in the same document (the
-- document's first `actual` of the key is the start); never when the snapshot holds a real
-- `actual` of a final account for that unit, year and key (real beats derived); one derived
-- figure per unit, year and key (the first change in document order wins).
--
-- Reads rule_facts (the facts table's columns, then __rank: the document's place in the
-- snapshot, and __seq: the row's place in its document) and change_keys(key): the keys some
-- document states a change of. Gives derived_facts: rows of the same columns, in document
-- order, numbered from 1,000,000 so they follow every document's own rows. Set-based, so a
-- province's millions of facts never pass through JavaScript.
CREATE OR REPLACE VIEW derived_facts AS
WITH f AS (
  SELECT * FROM rule_facts
  WHERE kind = 'final' AND NOT derived AND unit_id IS NOT NULL AND fiscal_year IS NOT NULL
    AND basis IN ('actual', 'prior_change') AND key IN (SELECT key FROM change_keys)
),
stated AS (SELECT DISTINCT unit_id, fiscal_year, key FROM f WHERE basis = 'actual'),
first_actual AS (
  SELECT doc_id, key, value FROM f WHERE basis = 'actual'
  QUALIFY row_number() OVER (PARTITION BY doc_id, key ORDER BY __seq) = 1
),
changes AS (
  SELECT c.*, c.fiscal_year - 1 AS prior, a.value AS start
  FROM f c JOIN first_actual a ON a.doc_id = c.doc_id AND a.key = c.key
  WHERE c.basis = 'prior_change' AND c.value IS NOT NULL AND a.value IS NOT NULL
),
-- An anti join on plain columns: a correlated NOT EXISTS took ~3x as long.
kept AS (
  SELECT c.* FROM changes c ANTI JOIN stated s ON s.unit_id = c.unit_id AND s.fiscal_year = c.prior AND s.key = c.key
  QUALIFY row_number() OVER (PARTITION BY c.unit_id, c.prior, c.key ORDER BY c.__rank, c.__seq) = 1
),
-- JavaScript's Math.round(x * 1e6) / 1e6, exactly: halves go up, also below zero.
made AS (SELECT *, (start - value) * 1e6 AS micro FROM kept)
SELECT doc_id, unit_id, prior AS fiscal_year, 'final' AS kind, province, key, 'actual' AS basis,
       (CASE WHEN micro - floor(micro) >= 0.5 THEN ceil(micro) ELSE floor(micro) END) / 1e6 AS value,
       true AS derived, source_line, source_end_line, source_text,
       __rank, CAST(999999 + row_number() OVER (ORDER BY __rank, __seq) AS INTEGER) AS __seq
FROM made;
