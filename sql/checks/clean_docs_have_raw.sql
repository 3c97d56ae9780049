-- Every cleaned document comes from a raw document of the same partition.
SELECT c.doc_id, c.partition_date
FROM clean.document_rows c
LEFT JOIN raw.documents d ON d.doc_id = c.doc_id AND d.partition_date = c.partition_date
WHERE c.partition_date = $partition_date AND d.doc_id IS NULL
