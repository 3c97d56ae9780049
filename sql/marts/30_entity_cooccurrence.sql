-- Which entities appear together: pairs of canonical entities sharing documents and sentences.
CREATE OR REPLACE VIEW marts.entity_cooccurrence AS
WITH doc_entities AS (
    SELECT DISTINCT doc_id, entity_id FROM nlp.mentions
), sentence_entities AS (
    SELECT DISTINCT doc_id, sentence_idx, entity_id FROM nlp.mentions
), doc_pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS n_docs, list(a.doc_id ORDER BY a.doc_id) AS doc_ids
    FROM doc_entities a JOIN doc_entities b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
    GROUP BY ALL
), sentence_pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS n_sentences
    FROM sentence_entities a
    JOIN sentence_entities b ON a.doc_id = b.doc_id AND a.sentence_idx = b.sentence_idx AND a.entity_id < b.entity_id
    GROUP BY ALL
)
SELECT
    ea.name AS name_a, ea.label AS label_a,
    eb.name AS name_b, eb.label AS label_b,
    p.n_docs,                                   -- documents mentioning both
    coalesce(s.n_sentences, 0) AS n_sentences,  -- sentences mentioning both
    p.entity_a, p.entity_b, p.doc_ids
FROM doc_pairs p
LEFT JOIN sentence_pairs s USING (entity_a, entity_b)
JOIN nlp.entities ea ON ea.entity_id = p.entity_a
JOIN nlp.entities eb ON eb.entity_id = p.entity_b;
COMMENT ON VIEW marts.entity_cooccurrence IS 'Pairs of canonical entities mentioned in the same documents and sentences';
COMMENT ON COLUMN marts.entity_cooccurrence.name_a IS 'Name of the first entity';
COMMENT ON COLUMN marts.entity_cooccurrence.label_a IS 'Type of the first entity';
COMMENT ON COLUMN marts.entity_cooccurrence.name_b IS 'Name of the second entity';
COMMENT ON COLUMN marts.entity_cooccurrence.label_b IS 'Type of the second entity';
COMMENT ON COLUMN marts.entity_cooccurrence.n_docs IS 'Documents mentioning both';
COMMENT ON COLUMN marts.entity_cooccurrence.n_sentences IS 'Sentences mentioning both';
COMMENT ON COLUMN marts.entity_cooccurrence.entity_a IS 'nlp.entities.entity_id of the first entity';
COMMENT ON COLUMN marts.entity_cooccurrence.entity_b IS 'nlp.entities.entity_id of the second entity';
COMMENT ON COLUMN marts.entity_cooccurrence.doc_ids IS 'The documents mentioning both';
