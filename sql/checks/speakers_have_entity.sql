-- Every resolved speaker is an entity of nlp.entities.
SELECT c.claim_id, c.speaker, c.speaker_entity_id
FROM nlp.claims c
LEFT JOIN nlp.entities e ON e.entity_id = c.speaker_entity_id
WHERE c.speaker_entity_id IS NOT NULL AND e.entity_id IS NULL
