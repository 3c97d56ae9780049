-- Facts across outlets: figures that measure the same thing (measure family, what it is about, unit, period) seen
-- in two or more independent sources. A figure without a period joins its measure's only period; then a figure
-- about nothing named ("trade between the two countries") joins the only scope its measure has in that period,
-- else, when it has no period either, it is about what its article is mostly about (the article's most mentioned
-- entity): "three sets" in a tennis report and in a furniture review are not one fact. Values more than 3x apart
-- measure different things ("$20 a share" and "$3 billion"). The fact is corroborated when every source's figure
-- can be right at once (their stated intervals share a value: "about $240 billion" and "$238.6 billion" agree),
-- discrepant when they cannot.
CREATE OR REPLACE VIEW marts.figure_facts AS
WITH candidates AS (
    SELECT * FROM nlp.claims
    WHERE kind = 'figure' AND value IS NOT NULL AND measure_key IS NOT NULL
      AND coalesce(quantity, '') NOT IN ('duration', 'age')
), scopes AS (  -- the entities a figure is about, as canonical entities across the warehouse
    SELECT u.claim_id, list_sort(list(DISTINCT coalesce(em.entity_id, u.local_id))) AS scope_ids
    FROM (SELECT claim_id, 'E' || left(sha1(unnest(scope)), 15) AS local_id FROM candidates) u
    LEFT JOIN nlp.entity_map em ON em.local_entity_id = u.local_id
    GROUP BY u.claim_id
), main_entity AS (  -- what a document is mostly about: its most mentioned named entity
    -- ties: the one the warehouse mentions most (an island's story names the island and its harbour three times
    -- each: the island is the story), then the same one every run
    SELECT d.doc_id, arg_max(d.entity_id, (d.n, coalesce(e.n_mentions, 0), d.entity_id)) AS entity_id
    FROM (SELECT doc_id, entity_id, count(*) AS n FROM nlp.mentions
          WHERE label IN ('PERSON', 'ORG', 'GPE', 'NORP', 'EVENT', 'FAC', 'PRODUCT', 'LAW') GROUP BY ALL) d
    LEFT JOIN nlp.entities e USING (entity_id)
    GROUP BY d.doc_id
), figures AS (
    SELECT c.claim_id, c.doc_id, c.text, c.value, c.unit, c.quantity, c.measure, c.measure_key, c.period,
           coalesce(c.value_low, c.value) AS low, coalesce(c.value_high, c.value) AS high,
           s.source_key, s.outlet, s.published_at, s.source_path,
           coalesce(sc.scope_ids, []::VARCHAR[]) AS scope_ids, me.entity_id AS main_entity
    FROM candidates c
    JOIN marts.document_sources s USING (doc_id)
    LEFT JOIN scopes sc USING (claim_id)
    LEFT JOIN main_entity me USING (doc_id)
), keyed AS (
    SELECT f.*, coalesce(f.period, CASE WHEN count(DISTINCT f.period) OVER w = 1
                                        THEN max(f.period) OVER w END) AS fact_period
    FROM figures f
    WINDOW w AS (PARTITION BY f.measure_key, f.unit, f.scope_ids)
), anchored AS (
    SELECT k.* REPLACE (
        CASE WHEN len(k.scope_ids) = 0
                  AND min(k.scope_ids) FILTER (WHERE len(k.scope_ids) > 0) OVER w
                      = max(k.scope_ids) FILTER (WHERE len(k.scope_ids) > 0) OVER w
             THEN min(k.scope_ids) FILTER (WHERE len(k.scope_ids) > 0) OVER w
             WHEN len(k.scope_ids) = 0 AND k.fact_period IS NULL AND k.main_entity IS NOT NULL
             THEN [k.main_entity]  -- about nothing named, in no period: about what its article is about
             ELSE k.scope_ids END AS scope_ids)
    FROM keyed k
    WINDOW w AS (PARTITION BY k.measure_key, k.unit, k.fact_period)
), facts AS (
    SELECT
        'F' || left(sha1(measure_key || '|' || unit || '|' || coalesce(fact_period, '') || '|'
                         || array_to_string(scope_ids, ',')), 15) AS fact_id,
        measure_key, unit, min(quantity) AS quantity, fact_period AS period, scope_ids,
        list(measure) AS measures,
        count(DISTINCT source_key) AS n_sources,
        count(*) AS n_figures,
        min(value) AS min_value, max(value) AS max_value,
        max(low) AS highest_low, min(high) AS lowest_high,
        list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets,
        list(DISTINCT text ORDER BY text) AS texts,
        list(claim_id ORDER BY published_at NULLS LAST, claim_id) AS claim_ids,
        min(published_at) AS first_published
    FROM (SELECT * EXCLUDE (main_entity) FROM anchored)
    GROUP BY ALL
    HAVING count(DISTINCT source_key) >= 2
       -- values an order of magnitude apart measure different things ("$20 a share", "$3 billion")
       AND NOT (min(value) > 0 AND max(value) > 3 * min(value))
)
SELECT
    f.fact_id,
    f.measure_key,
    -- the most common wording, ties broken alphabetically (mode() breaks ties differently run to run)
    (SELECT m FROM (SELECT unnest(f.measures) AS m) GROUP BY m ORDER BY count(*) DESC, m LIMIT 1) AS measure,
    (SELECT list(e.name ORDER BY e.name) FROM nlp.entities e WHERE list_contains(f.scope_ids, e.entity_id)) AS scope,
    f.unit, f.quantity, f.period,
    CASE WHEN f.highest_low <= f.lowest_high THEN 'corroborated' ELSE 'discrepant' END AS status,
    f.n_sources, f.n_figures, f.min_value, f.max_value,
    (f.max_value - f.min_value) / nullif(greatest(abs(f.max_value), abs(f.min_value)), 0) AS relative_difference,
    f.outlets, f.texts, f.claim_ids, f.first_published, f.scope_ids
FROM facts f;
COMMENT ON VIEW marts.figure_facts IS 'One row per fact (measure, what it is about, unit, period) stated by two or more independent sources, corroborated or discrepant';
COMMENT ON COLUMN marts.figure_facts.fact_id IS 'Stable id of the fact (measure family, unit, period, scope)';
COMMENT ON COLUMN marts.figure_facts.measure_key IS 'The measure''s family (nlp.claims.measure_key)';
COMMENT ON COLUMN marts.figure_facts.measure IS 'The measure as most sources word it';
COMMENT ON COLUMN marts.figure_facts.scope IS 'Names of the entities the figures are about';
COMMENT ON COLUMN marts.figure_facts.unit IS 'Normalised unit the values are in';
COMMENT ON COLUMN marts.figure_facts.quantity IS 'Kind of quantity (money, share, count, length, ...)';
COMMENT ON COLUMN marts.figure_facts.period IS 'The period the figures refer to';
COMMENT ON COLUMN marts.figure_facts.status IS 'corroborated (every source''s figure can be right at once, given the precision it states) or discrepant';
COMMENT ON COLUMN marts.figure_facts.n_sources IS 'Independent sources stating it (copies and the same outlet count once)';
COMMENT ON COLUMN marts.figure_facts.n_figures IS 'Figures behind the fact';
COMMENT ON COLUMN marts.figure_facts.min_value IS 'Smallest value stated';
COMMENT ON COLUMN marts.figure_facts.max_value IS 'Largest value stated';
COMMENT ON COLUMN marts.figure_facts.relative_difference IS '(max - min) / max(|max|, |min|): 0 when all agree, up to 2 for opposite signs';
COMMENT ON COLUMN marts.figure_facts.outlets IS 'The outlets stating it';
COMMENT ON COLUMN marts.figure_facts.texts IS 'The figures as written';
COMMENT ON COLUMN marts.figure_facts.claim_ids IS 'nlp.claims.claim_id of every figure, earliest published first';
COMMENT ON COLUMN marts.figure_facts.first_published IS 'When the first source stating it was published';
COMMENT ON COLUMN marts.figure_facts.scope_ids IS 'nlp.entities.entity_id of the entities the figures are about';
