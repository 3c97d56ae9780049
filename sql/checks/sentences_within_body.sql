-- Every sentence lies inside its document's body, is the slice it claims, and its document exists.
SELECT s.doc_id, s.sentence_idx, s.start_char, s.end_char
FROM nlp.sentences s
LEFT JOIN clean.documents d USING (doc_id)
WHERE s.partition_date = $partition_date
  AND (d.doc_id IS NULL OR s.end_char > length(d.body)
       OR substring(d.body, s.start_char + 1, s.end_char - s.start_char) <> s.text)
