-- Speakers ranked by how much they are quoted or reported, and in how many documents.
CREATE OR REPLACE VIEW marts.speakers AS
SELECT
    coalesce(e.name, c.speaker)                      AS speaker_name,
    c.speaker_entity_id,
    count(*) FILTER (WHERE c.kind = 'quote')         AS n_quotes,
    count(*) FILTER (WHERE c.kind = 'reported')      AS n_reported,
    count(DISTINCT c.doc_id)                         AS n_docs,
    min(c.partition_date)                            AS first_seen,
    max(c.partition_date)                            AS last_seen
FROM nlp.claims c
LEFT JOIN nlp.entities e ON e.entity_id = c.speaker_entity_id
WHERE c.kind IN ('quote', 'reported') AND c.speaker IS NOT NULL
  AND NOT list_contains(coalesce(c.flags, []::VARCHAR[]), 'scare_quote')
GROUP BY ALL;
