-- The pairs behind each fact: one figure per independent source (its earliest), paired with every other source's.
CREATE OR REPLACE VIEW marts.figures_compared AS
WITH members AS (
    SELECT f.fact_id, u.claim_id, u.ordinal
    FROM marts.figure_facts f, unnest(f.claim_ids) WITH ORDINALITY AS u(claim_id, ordinal)
), firsts AS (  -- each independent source's earliest figure of the fact
    SELECT m.fact_id, s.source_key, arg_min(m.claim_id, m.ordinal) AS claim_id
    FROM members m
    JOIN nlp.claim_rows c USING (claim_id)
    JOIN marts.document_sources s USING (doc_id)
    GROUP BY m.fact_id, s.source_key
), figures AS (
    SELECT f.fact_id, f.source_key, c.claim_id, c.text, c.value,
           coalesce(c.value_low, c.value) AS low, coalesce(c.value_high, c.value) AS high,
           s.outlet, s.source_path
    FROM firsts f
    JOIN nlp.claim_rows c USING (claim_id)
    JOIN marts.document_sources s USING (doc_id)
)
SELECT
    a.fact_id,
    a.source_path AS source_a, b.source_path AS source_b,
    a.outlet AS outlet_a, b.outlet AS outlet_b,
    a.text AS text_a, b.text AS text_b,
    a.value AS value_a, b.value AS value_b,
    abs(a.value - b.value) / nullif(greatest(abs(a.value), abs(b.value)), 0) AS relative_difference,
    CASE WHEN greatest(a.low, b.low) <= least(a.high, b.high) THEN 'corroborated' ELSE 'discrepant' END AS status,
    a.claim_id AS claim_a, b.claim_id AS claim_b
FROM figures a
JOIN figures b ON a.fact_id = b.fact_id AND a.source_key < b.source_key;
COMMENT ON VIEW marts.figures_compared IS 'The pairs of figures behind each fact of marts.figure_facts: one per independent source, corroborated or discrepant';
COMMENT ON COLUMN marts.figures_compared.fact_id IS 'marts.figure_facts.fact_id';
COMMENT ON COLUMN marts.figures_compared.source_a IS 'source_path of the first figure''s document';
COMMENT ON COLUMN marts.figures_compared.source_b IS 'source_path of the second figure''s document';
COMMENT ON COLUMN marts.figures_compared.outlet_a IS 'Outlet of the first figure';
COMMENT ON COLUMN marts.figures_compared.outlet_b IS 'Outlet of the second figure';
COMMENT ON COLUMN marts.figures_compared.text_a IS 'The first figure as written';
COMMENT ON COLUMN marts.figures_compared.text_b IS 'The second figure as written';
COMMENT ON COLUMN marts.figures_compared.value_a IS 'The first figure''s value (normalised unit)';
COMMENT ON COLUMN marts.figures_compared.value_b IS 'The second figure''s value';
COMMENT ON COLUMN marts.figures_compared.relative_difference IS '|value_a - value_b| / max(|value_a|, |value_b|): up to 2 for opposite signs';
COMMENT ON COLUMN marts.figures_compared.status IS 'corroborated (the intervals the two figures state overlap) or discrepant';
COMMENT ON COLUMN marts.figures_compared.claim_a IS 'nlp.claims.claim_id of the first figure';
COMMENT ON COLUMN marts.figures_compared.claim_b IS 'nlp.claims.claim_id of the second figure';
