-- Every quote by a given person across all sources (change the name).
SELECT q.speaker_name, q.quote, q.title, q.source_path, q.partition_date
FROM marts.quotes_by_speaker q
WHERE q.speaker_entity_id IN (SELECT entity_id FROM nlp.entities WHERE name = 'Vladimir Putin' AND label = 'PERSON')
ORDER BY q.partition_date, q.source_path;
