-- Every mention resolves to an entity of nlp.entities.
SELECT m.doc_id, m.start_char, m.text, m.entity_id
FROM nlp.mentions m
LEFT JOIN nlp.entities e USING (entity_id)
WHERE e.entity_id IS NULL
