-- A document id (content hash) of the day is stored once across the whole warehouse.
SELECT doc_id, count(*) AS copies, list(source_path) AS paths
FROM raw.documents
WHERE doc_id IN (SELECT doc_id FROM raw.documents WHERE partition_date = $partition_date)
GROUP BY doc_id
HAVING count(*) > 1
