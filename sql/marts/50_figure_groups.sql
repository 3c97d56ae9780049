-- One row per measure seen in several documents: every value reported, and whether sources agree.
-- Members are the figures of marts.figures_compared. A figure without a year joins its measure's year when
-- the measure has exactly one; measures reported for several years form one group per year.
CREATE OR REPLACE VIEW marts.figure_groups AS
WITH members AS (
    SELECT unit, measure_head, claim_a AS claim_id, doc_a AS doc_id, value_a AS value, year_a AS year,
           text_a AS text, source_a AS source_path
    FROM marts.figures_compared
    UNION
    SELECT unit, measure_head, claim_b, doc_b, value_b, year_b, text_b, source_b FROM marts.figures_compared
), measure_years AS (
    SELECT unit, measure_head, count(DISTINCT year) AS n_years, max(year) AS only_year
    FROM members GROUP BY unit, measure_head
), grouped AS (
    SELECT m.*, coalesce(m.year, CASE WHEN y.n_years = 1 THEN y.only_year END) AS group_year
    FROM members m JOIN measure_years y USING (unit, measure_head)
)
SELECT
    unit, measure_head,
    group_year                                               AS year,
    count(DISTINCT doc_id)                                   AS n_docs,
    min(value) AS min_value, max(value) AS max_value,
    (max(value) - min(value)) / nullif(greatest(abs(max(value)), abs(min(value))), 0) AS relative_spread,
    CASE WHEN max(value) - min(value) <= 0.02 * greatest(abs(max(value)), abs(min(value)))
         THEN 'corroborated' ELSE 'discrepant' END           AS status,
    list(DISTINCT text ORDER BY text)                        AS texts,
    list(DISTINCT source_path ORDER BY source_path)          AS sources
FROM grouped
GROUP BY unit, measure_head, group_year
HAVING count(DISTINCT doc_id) > 1;
COMMENT ON VIEW marts.figure_groups IS 'One row per measure seen in several documents: every value reported, and whether they agree';
COMMENT ON COLUMN marts.figure_groups.measure_head IS 'Head word of the measured phrase';
COMMENT ON COLUMN marts.figure_groups.n_docs IS 'Documents reporting the measure';
COMMENT ON COLUMN marts.figure_groups.min_value IS 'Smallest value reported';
COMMENT ON COLUMN marts.figure_groups.max_value IS 'Largest value reported';
COMMENT ON COLUMN marts.figure_groups.relative_spread IS '(max - min) / max(|max|, |min|)';
COMMENT ON COLUMN marts.figure_groups.status IS 'corroborated (spread within 2 %) or discrepant';
COMMENT ON COLUMN marts.figure_groups.texts IS 'The figures as written';
COMMENT ON COLUMN marts.figure_groups.sources IS 'source_path of the documents';
