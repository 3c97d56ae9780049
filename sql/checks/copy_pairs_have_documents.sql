-- Every copy pair joins two documents that exist.
SELECT p.doc_a, p.doc_b
FROM clean.copy_pairs p
LEFT JOIN clean.document_rows a ON a.doc_id = p.doc_a
LEFT JOIN clean.document_rows b ON b.doc_id = p.doc_b
WHERE a.doc_id IS NULL OR b.doc_id IS NULL
