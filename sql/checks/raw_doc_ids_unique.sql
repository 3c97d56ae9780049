-- A document id (content hash) is stored once across the whole warehouse.
SELECT doc_id, count(*) AS copies, list(source_path) AS paths
FROM raw.documents
GROUP BY doc_id
HAVING count(*) > 1
