-- clean.documents.copy_of is read from a table the copies step keeps (clean.document_copies) instead of a view that
-- joined every copy pair on every read (minutes per mart at 10,000 syndicated documents). Filled here from the
-- stored pairs with the view's own rule; the contract then redefines clean.documents over it.
CREATE TABLE clean.document_copies (
    doc_id          VARCHAR NOT NULL,
    copy_of         VARCHAR NOT NULL
);

INSERT INTO clean.document_copies
WITH arrival AS (
    SELECT d.doc_id, d.partition_date, r.source_path
    FROM clean.document_rows d JOIN raw.documents r USING (doc_id)
), partners AS (
    SELECT doc_a AS doc_id, doc_b AS other FROM clean.copy_pairs
    UNION ALL
    SELECT doc_b, doc_a FROM clean.copy_pairs
)
SELECT p.doc_id, arg_min(o.doc_id, (o.partition_date, o.source_path, o.doc_id)) AS copy_of
FROM partners p
JOIN arrival me ON me.doc_id = p.doc_id
JOIN arrival o ON o.doc_id = p.other
WHERE (o.partition_date, o.source_path, o.doc_id) < (me.partition_date, me.source_path, me.doc_id)
GROUP BY p.doc_id;
