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
COMMENT ON VIEW marts.speakers IS 'Speakers ranked by how often they are quoted or reported, and in how many documents';
COMMENT ON COLUMN marts.speakers.speaker_name IS 'The canonical speaker name when resolved, else the speaker as written';
COMMENT ON COLUMN marts.speakers.n_quotes IS 'Direct quotes';
COMMENT ON COLUMN marts.speakers.n_reported IS 'Reported statements';
COMMENT ON COLUMN marts.speakers.n_docs IS 'Documents quoting or reporting them';
COMMENT ON COLUMN marts.speakers.first_seen IS 'First day (partition) they were quoted';
COMMENT ON COLUMN marts.speakers.last_seen IS 'Last day (partition) they were quoted';
