-- One row per measure seen in several documents: every value reported, and whether sources agree.
CREATE OR REPLACE VIEW marts.figure_groups AS
WITH members AS (
    SELECT unit, measure_head, year, claim_a AS claim_id, doc_a AS doc_id, value_a AS value, text_a AS text, source_a AS source_path
    FROM marts.figures_compared
    UNION
    SELECT unit, measure_head, year, claim_b, doc_b, value_b, text_b, source_b FROM marts.figures_compared
)
SELECT
    unit, measure_head, year,
    count(DISTINCT doc_id)                                   AS n_docs,
    min(value) AS min_value, max(value) AS max_value,
    (max(value) - min(value)) / nullif(greatest(abs(max(value)), abs(min(value))), 0) AS relative_spread,
    CASE WHEN max(value) - min(value) <= 0.02 * greatest(abs(max(value)), abs(min(value)))
         THEN 'corroborated' ELSE 'discrepant' END           AS status,
    list(DISTINCT text ORDER BY text)                        AS texts,
    list(DISTINCT source_path ORDER BY source_path)          AS sources
FROM members
GROUP BY unit, measure_head, year;
