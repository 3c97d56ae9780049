-- Every removed span of the day lies inside its document's raw text (that each span's text is the slice it claims
-- is checked row by row before publishing, by the clean.removed suite).
WITH spans AS (
    SELECT doc_id, min(start_char) AS first_start, max(end_char) AS last_end,
           count(*) FILTER (WHERE end_char <= start_char) AS empty_spans
    FROM clean.removed
    WHERE partition_date = $partition_date
    GROUP BY doc_id
)
SELECT s.doc_id, s.first_start, s.last_end, s.empty_spans
FROM spans s
LEFT JOIN (SELECT doc_id, raw_text FROM raw.documents WHERE partition_date = $partition_date) d USING (doc_id)
WHERE d.doc_id IS NULL OR s.first_start < 0 OR s.empty_spans > 0 OR s.last_end > length(d.raw_text)
