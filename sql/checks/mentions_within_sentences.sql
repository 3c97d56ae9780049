-- Every mention of the day starts inside the sentence it names, in a document that exists.
SELECT m.doc_id, m.sentence_idx, m.start_char, m.text
FROM nlp.mention_spans m
LEFT JOIN nlp.sentences s
       ON s.doc_id = m.doc_id AND s.sentence_idx = m.sentence_idx AND s.partition_date = $partition_date
WHERE m.partition_date = $partition_date
  AND (s.doc_id IS NULL OR m.start_char < s.start_char OR m.start_char >= s.end_char)
