-- Every removed span lies inside its raw text and is exactly the slice it claims to be.
SELECT r.doc_id, r.start_char, r.end_char, r.reason
FROM clean.removed r
LEFT JOIN raw.documents d USING (doc_id)
WHERE r.partition_date = $partition_date
  AND (d.doc_id IS NULL
       OR r.start_char < 0 OR r.end_char <= r.start_char OR r.end_char > length(d.raw_text)
       OR substring(d.raw_text, r.start_char + 1, r.end_char - r.start_char) <> r.text)
