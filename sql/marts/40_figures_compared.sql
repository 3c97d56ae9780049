-- Figures across sources: pairs of figures from different documents that measure the same thing
-- (same normalised unit, same head word of the measured phrase, same year when both give one, the same
-- order of magnitude) in documents about the same story (sharing at least two named entities),
-- each marked corroborated (within 2 % of each other) or discrepant, with the relative difference.
CREATE OR REPLACE VIEW marts.figures_compared AS
WITH doc_entities AS (
    SELECT DISTINCT doc_id, entity_id FROM nlp.mentions WHERE label NOT IN ('NORP')
), related_docs AS (
    SELECT a.doc_id AS doc_a, b.doc_id AS doc_b, count(*) AS shared_entities
    FROM doc_entities a JOIN doc_entities b ON a.entity_id = b.entity_id AND a.doc_id < b.doc_id
    GROUP BY ALL
    HAVING count(*) >= 2
), figures AS (
    SELECT c.claim_id, c.doc_id, c.partition_date, c.text, c.value, c.unit, c.raw_value, c.raw_unit, c.year,
           lower(c.measure) AS measure,
           lower(regexp_extract(c.measure, '([A-Za-z][A-Za-z-]*)\s*$', 1)) AS measure_head,
           r.source_path
    FROM nlp.claims c JOIN raw.documents r USING (doc_id)
    WHERE c.kind = 'figure' AND c.value IS NOT NULL AND c.measure IS NOT NULL AND c.measure <> ''
)
SELECT
    a.unit, a.measure_head,
    coalesce(a.year, b.year)                    AS year,
    a.measure AS measure_a, a.text AS text_a, a.value AS value_a, a.year AS year_a, a.source_path AS source_a,
    b.measure AS measure_b, b.text AS text_b, b.value AS value_b, b.year AS year_b, b.source_path AS source_b,
    abs(a.value - b.value) / nullif(greatest(abs(a.value), abs(b.value)), 0) AS relative_difference,
    CASE WHEN abs(a.value - b.value) <= 0.02 * greatest(abs(a.value), abs(b.value))
         THEN 'corroborated' ELSE 'discrepant' END AS status,
    r.shared_entities,                          -- named entities the two documents have in common
    a.claim_id AS claim_a, b.claim_id AS claim_b, a.doc_id AS doc_a, b.doc_id AS doc_b
FROM figures a
JOIN figures b
  ON a.unit = b.unit AND a.measure_head = b.measure_head AND a.doc_id < b.doc_id
 AND (a.year IS NULL OR b.year IS NULL OR a.year = b.year)
JOIN related_docs r ON r.doc_a = a.doc_id AND r.doc_b = b.doc_id
-- Different orders of magnitude are different quantities that happen to share a word, not a disagreement.
WHERE greatest(abs(a.value), abs(b.value)) <= 10 * least(abs(a.value), abs(b.value));
COMMENT ON VIEW marts.figures_compared IS 'Pairs of figures from different documents that measure the same thing, corroborated or discrepant';
COMMENT ON COLUMN marts.figures_compared.measure_head IS 'Head word of the measured phrase both figures share';
COMMENT ON COLUMN marts.figures_compared.year IS 'The year the figures refer to, when either says';
COMMENT ON COLUMN marts.figures_compared.relative_difference IS '|value_a - value_b| / max(|value_a|, |value_b|)';
COMMENT ON COLUMN marts.figures_compared.status IS 'corroborated (within 2 %) or discrepant';
COMMENT ON COLUMN marts.figures_compared.shared_entities IS 'Named entities the two documents have in common';
COMMENT ON COLUMN marts.figures_compared.measure_a IS 'What the first figure measures';
COMMENT ON COLUMN marts.figures_compared.text_a IS 'The first figure as written';
COMMENT ON COLUMN marts.figures_compared.value_a IS 'The first figure''s normalised value';
COMMENT ON COLUMN marts.figures_compared.year_a IS 'The year the first figure refers to';
COMMENT ON COLUMN marts.figures_compared.source_a IS 'source_path of the first figure''s document';
COMMENT ON COLUMN marts.figures_compared.measure_b IS 'What the second figure measures';
COMMENT ON COLUMN marts.figures_compared.text_b IS 'The second figure as written';
COMMENT ON COLUMN marts.figures_compared.value_b IS 'The second figure''s normalised value';
COMMENT ON COLUMN marts.figures_compared.year_b IS 'The year the second figure refers to';
COMMENT ON COLUMN marts.figures_compared.source_b IS 'source_path of the second figure''s document';
COMMENT ON COLUMN marts.figures_compared.claim_a IS 'nlp.claims.claim_id of the first figure';
COMMENT ON COLUMN marts.figures_compared.claim_b IS 'nlp.claims.claim_id of the second figure';
COMMENT ON COLUMN marts.figures_compared.doc_a IS 'doc_id of the first figure''s document';
COMMENT ON COLUMN marts.figures_compared.doc_b IS 'doc_id of the second figure''s document';
