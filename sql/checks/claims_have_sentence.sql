-- Every claim's document and sentence exist, and its text is the body slice it claims.
SELECT c.claim_id, c.doc_id, c.sentence_idx, c.kind
FROM nlp.claim_rows c
LEFT JOIN clean.documents d USING (doc_id)
LEFT JOIN nlp.sentences s ON s.doc_id = c.doc_id AND s.sentence_idx = c.sentence_idx
WHERE c.partition_date = $partition_date
  AND (d.doc_id IS NULL OR s.doc_id IS NULL
       OR substring(d.body, c.start_char + 1, c.end_char - c.start_char) <> c.text)
