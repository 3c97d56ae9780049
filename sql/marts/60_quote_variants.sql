-- The same quotation carried by independent sources (copies and the same outlet count once): quotes that share a
-- long run of words (at least three common 5-word sequences, or most of the shorter quote's), each pair marked
-- agreed, attributed to different speakers, or worded differently (both wordings shown).
CREATE OR REPLACE VIEW marts.quote_variants AS
WITH quotes AS (
    SELECT q.claim_id, q.doc_id, q.quote, q.speaker_name, q.speaker_entity_id, s.source_key, s.outlet,
           s.published_at, s.source_path,
           string_split(trim(regexp_replace(lower(q.quote), '[^\p{L}\p{N}]+', ' ', 'g')), ' ') AS words
    FROM marts.quotes_by_speaker q
    JOIN marts.document_sources s USING (doc_id)
), grams AS (
    SELECT claim_id, source_key, array_to_string(list_slice(words, i, i + 4), ' ') AS gram
    FROM (SELECT claim_id, source_key, words, unnest(range(1, len(words) - 3)) AS i FROM quotes WHERE len(words) >= 5)
), common AS (  -- a word sequence quoted everywhere ("we are going to make") says nothing about a shared quote
    SELECT gram FROM grams GROUP BY gram HAVING count(DISTINCT claim_id) > 50
), shared AS (
    SELECT a.claim_id AS claim_a, b.claim_id AS claim_b, count(DISTINCT a.gram) AS n_shared
    FROM grams a
    JOIN grams b ON a.gram = b.gram AND a.claim_id < b.claim_id AND a.source_key <> b.source_key
    WHERE a.gram NOT IN (SELECT gram FROM common)
    GROUP BY ALL
), pairs AS (
    SELECT s.*, qa.words AS words_a, qb.words AS words_b
    FROM shared s
    JOIN quotes qa ON qa.claim_id = s.claim_a
    JOIN quotes qb ON qb.claim_id = s.claim_b
    WHERE s.n_shared >= 3 OR s.n_shared >= 0.6 * greatest(least(len(qa.words), len(qb.words)) - 4, 1)
)
SELECT
    CASE WHEN different_speaker THEN 'different_speaker' WHEN reworded THEN 'reworded' ELSE 'agreed' END AS status,
    different_speaker, reworded,
    a.quote AS quote_a, b.quote AS quote_b,
    a.speaker_name AS speaker_a, b.speaker_name AS speaker_b,
    a.outlet AS outlet_a, b.outlet AS outlet_b,
    a.published_at AS published_a, b.published_at AS published_b,
    a.source_path AS source_a, b.source_path AS source_b,
    p.n_shared AS shared_sequences,
    a.claim_id AS claim_a, b.claim_id AS claim_b
FROM (
    SELECT p.*,
           p.words_a <> p.words_b AS reworded,
           CASE WHEN qa.speaker_entity_id IS NOT NULL AND qb.speaker_entity_id IS NOT NULL
                THEN qa.speaker_entity_id <> qb.speaker_entity_id
                WHEN qa.speaker_name IS NOT NULL AND qb.speaker_name IS NOT NULL
                THEN lower(qa.speaker_name) <> lower(qb.speaker_name) END AS different_speaker
    FROM pairs p JOIN quotes qa ON qa.claim_id = p.claim_a JOIN quotes qb ON qb.claim_id = p.claim_b
) p
JOIN quotes a ON a.claim_id = p.claim_a
JOIN quotes b ON b.claim_id = p.claim_b;
COMMENT ON VIEW marts.quote_variants IS 'Pairs of quotes from independent sources that are the same quotation: agreed, given to different speakers, or worded differently';
COMMENT ON COLUMN marts.quote_variants.status IS 'agreed, different_speaker (the sources name different speakers) or reworded (the words differ)';
COMMENT ON COLUMN marts.quote_variants.different_speaker IS 'The two sources attribute it to different speakers (NULL when a speaker is unknown)';
COMMENT ON COLUMN marts.quote_variants.reworded IS 'The two wordings differ (case and punctuation aside)';
COMMENT ON COLUMN marts.quote_variants.quote_a IS 'The earlier-listed wording';
COMMENT ON COLUMN marts.quote_variants.quote_b IS 'The other wording';
COMMENT ON COLUMN marts.quote_variants.speaker_a IS 'Speaker of quote_a';
COMMENT ON COLUMN marts.quote_variants.speaker_b IS 'Speaker of quote_b';
COMMENT ON COLUMN marts.quote_variants.outlet_a IS 'Outlet of quote_a';
COMMENT ON COLUMN marts.quote_variants.outlet_b IS 'Outlet of quote_b';
COMMENT ON COLUMN marts.quote_variants.published_a IS 'When quote_a''s document was published';
COMMENT ON COLUMN marts.quote_variants.published_b IS 'When quote_b''s document was published';
COMMENT ON COLUMN marts.quote_variants.source_a IS 'source_path of quote_a''s document';
COMMENT ON COLUMN marts.quote_variants.source_b IS 'source_path of quote_b''s document';
COMMENT ON COLUMN marts.quote_variants.shared_sequences IS 'Distinct 5-word sequences the two quotes share';
COMMENT ON COLUMN marts.quote_variants.claim_a IS 'nlp.claims.claim_id of quote_a';
COMMENT ON COLUMN marts.quote_variants.claim_b IS 'nlp.claims.claim_id of quote_b';
