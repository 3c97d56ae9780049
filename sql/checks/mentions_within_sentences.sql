-- Every mention's document and sentence exist, and the mention is the body slice it claims.
SELECT m.doc_id, m.sentence_idx, m.start_char, m.text
FROM nlp.mention_spans m
LEFT JOIN clean.documents d USING (doc_id)
LEFT JOIN nlp.sentences s ON s.doc_id = m.doc_id AND s.sentence_idx = m.sentence_idx
WHERE m.partition_date = $partition_date
  AND (d.doc_id IS NULL OR s.doc_id IS NULL
       OR substring(d.body, m.start_char + 1, m.end_char - m.start_char) <> m.text)
