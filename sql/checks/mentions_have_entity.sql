-- Every document-level entity id of a mention maps to an entity of nlp.entities.
WITH ids AS (SELECT DISTINCT local_entity_id FROM nlp.mention_spans)
SELECT i.local_entity_id, em.entity_id
FROM ids i
LEFT JOIN nlp.entity_map em USING (local_entity_id)
LEFT JOIN nlp.entities e ON e.entity_id = coalesce(em.entity_id, i.local_entity_id)
WHERE e.entity_id IS NULL
