-- Every sentence of the day lies inside its document's body and its document exists (that each sentence's text is
-- the slice it claims is checked row by row before publishing, by the nlp.sentences suite).
WITH spans AS (
    SELECT doc_id, min(start_char) AS first_start, max(end_char) AS last_end
    FROM nlp.sentences
    WHERE partition_date = $partition_date
    GROUP BY doc_id
)
SELECT s.doc_id, s.first_start, s.last_end
FROM spans s
LEFT JOIN (SELECT doc_id, body FROM clean.document_rows WHERE partition_date = $partition_date) d USING (doc_id)
WHERE d.doc_id IS NULL OR s.first_start < 0 OR s.last_end > length(d.body)
