-- Every resolved speaker id maps to an entity of nlp.entities.
WITH ids AS (SELECT DISTINCT speaker_local_id FROM nlp.claim_rows WHERE speaker_local_id IS NOT NULL)
SELECT i.speaker_local_id, em.entity_id
FROM ids i
LEFT JOIN nlp.entity_map em ON em.local_entity_id = i.speaker_local_id
LEFT JOIN nlp.entities e ON e.entity_id = coalesce(em.entity_id, i.speaker_local_id)
WHERE e.entity_id IS NULL
