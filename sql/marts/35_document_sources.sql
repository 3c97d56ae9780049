-- Each document's source for cross-source questions: the outlet, and the independent source it counts as (a copy
-- counts as the source of the document it copies; a document with no known outlet is a source of its own).
CREATE OR REPLACE VIEW marts.document_sources AS
SELECT
    d.doc_id,
    d.partition_date,
    d.outlet,
    d.published_at,
    d.copy_of,
    coalesce(o.outlet, d.outlet, 'document ' || coalesce(d.copy_of, d.doc_id)) AS source_key,
    r.source_path,
    d.title
FROM clean.documents d
JOIN raw.documents r USING (doc_id)
LEFT JOIN clean.documents o ON o.doc_id = d.copy_of;
COMMENT ON VIEW marts.document_sources IS 'Each document with its outlet and the independent source it counts as (copies and the same outlet count once)';
COMMENT ON COLUMN marts.document_sources.source_key IS 'The independent source: the outlet of the original when the document is a copy, else its outlet, else the document itself';
