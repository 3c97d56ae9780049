-- Entities that appear together most.
SELECT name_a, label_a, name_b, label_b, n_docs, n_sentences
FROM marts.entity_cooccurrence
ORDER BY n_docs DESC, n_sentences DESC, name_a, name_b
LIMIT 20;
