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
