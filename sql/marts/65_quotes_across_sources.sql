-- The same quotation in several independent sources, one row per quotation: who said it (as each source has it),
-- every wording, which outlets carried it and who had it first. Quotes are grouped under the earliest published
-- quote they match (marts.quote_variants).
CREATE OR REPLACE VIEW marts.quotes_across_sources AS
WITH links AS (
    SELECT claim_a AS claim_id, claim_b AS other FROM marts.quote_variants
    UNION ALL
    SELECT claim_b, claim_a FROM marts.quote_variants
), quotes AS (
    SELECT q.claim_id, q.quote, q.speaker_name, s.outlet, s.source_key, s.published_at, s.source_path,
           s.copy_of IS NOT NULL AS is_copy
    FROM marts.quotes_by_speaker q JOIN marts.document_sources s USING (doc_id)
), rep AS (
    -- earliest by day first (a page that gives only its date is not earlier than one giving a time that day),
    -- an original before its copies, then by time
    SELECT l.claim_id,
           arg_min(o.claim_id, (o.published_at::DATE, o.is_copy, o.published_at, o.claim_id)) AS first_claim
    FROM (SELECT claim_id, other FROM links UNION ALL SELECT DISTINCT claim_id, claim_id FROM links) l
    JOIN quotes o ON o.claim_id = l.other
    GROUP BY l.claim_id
)
SELECT
    any_value(f.quote)                                              AS quote,
    any_value(f.speaker_name)                                       AS first_speaker,
    list(DISTINCT q.speaker_name ORDER BY q.speaker_name)           AS speakers,
    list(DISTINCT q.quote ORDER BY q.quote)                         AS wordings,
    count(DISTINCT q.source_key)                                    AS n_sources,
    list(DISTINCT q.outlet ORDER BY q.outlet) FILTER (WHERE q.outlet IS NOT NULL) AS outlets,
    any_value(f.outlet)                                             AS first_outlet,
    any_value(f.published_at)                                       AS first_published,
    count(DISTINCT lower(q.speaker_name)) > 1                       AS different_speakers,
    count(DISTINCT q.quote) > 1                                     AS reworded,
    list(q.claim_id ORDER BY q.published_at NULLS LAST, q.claim_id) AS claim_ids
FROM rep r
JOIN quotes q ON q.claim_id = r.claim_id
JOIN quotes f ON f.claim_id = r.first_claim
GROUP BY r.first_claim
HAVING count(DISTINCT q.source_key) > 1;
COMMENT ON VIEW marts.quotes_across_sources IS 'One row per quotation carried by several independent sources: speakers, wordings, outlets, who had it first';
COMMENT ON COLUMN marts.quotes_across_sources.quote IS 'The wording of the earliest published source';
COMMENT ON COLUMN marts.quotes_across_sources.first_speaker IS 'The speaker the earliest source names';
COMMENT ON COLUMN marts.quotes_across_sources.speakers IS 'Every speaker the sources name';
COMMENT ON COLUMN marts.quotes_across_sources.wordings IS 'Every wording';
COMMENT ON COLUMN marts.quotes_across_sources.n_sources IS 'Independent sources carrying it';
COMMENT ON COLUMN marts.quotes_across_sources.outlets IS 'Outlets carrying it';
COMMENT ON COLUMN marts.quotes_across_sources.first_outlet IS 'The outlet that published it first';
COMMENT ON COLUMN marts.quotes_across_sources.first_published IS 'When it was first published';
COMMENT ON COLUMN marts.quotes_across_sources.different_speakers IS 'The sources name more than one speaker';
COMMENT ON COLUMN marts.quotes_across_sources.reworded IS 'The sources word it differently';
COMMENT ON COLUMN marts.quotes_across_sources.claim_ids IS 'nlp.claims.claim_id of every copy of it, earliest first';
