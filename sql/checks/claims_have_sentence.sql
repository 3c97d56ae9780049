-- Every claim of the day starts in the sentence it names, and ends inside its document's body.
SELECT c.claim_id, c.doc_id, c.sentence_idx, c.kind
FROM nlp.claim_rows c
LEFT JOIN nlp.sentences s
       ON s.doc_id = c.doc_id AND s.sentence_idx = c.sentence_idx AND s.partition_date = $partition_date
LEFT JOIN (SELECT doc_id, length(body) AS n FROM clean.document_rows WHERE partition_date = $partition_date) b
       ON b.doc_id = c.doc_id
WHERE c.partition_date = $partition_date
  AND (s.doc_id IS NULL OR b.doc_id IS NULL OR c.start_char < s.start_char OR c.start_char >= s.end_char
       OR c.end_char > b.n)
