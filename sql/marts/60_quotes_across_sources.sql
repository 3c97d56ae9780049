-- The same quote (normalised words) published in several documents.
CREATE OR REPLACE VIEW marts.quotes_across_sources AS
SELECT
    any_value(speaker_name ORDER BY speaker_entity_id NULLS LAST) AS speaker_name,
    regexp_replace(lower(quote), '[^a-z0-9]+', ' ', 'g')       AS quote_key,
    any_value(quote)                                           AS quote,
    count(DISTINCT doc_id)                                     AS n_docs,
    list(DISTINCT source_path ORDER BY source_path)            AS sources
FROM marts.quotes_by_speaker
GROUP BY quote_key
HAVING count(DISTINCT doc_id) > 1;
COMMENT ON VIEW marts.quotes_across_sources IS 'The same quote (same words once normalised) published in several documents';
COMMENT ON COLUMN marts.quotes_across_sources.quote_key IS 'The quote lower-cased with punctuation folded: what makes two quotes the same';
COMMENT ON COLUMN marts.quotes_across_sources.n_docs IS 'Documents carrying it';
COMMENT ON COLUMN marts.quotes_across_sources.sources IS 'source_path of the documents';
