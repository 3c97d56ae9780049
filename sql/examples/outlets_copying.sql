-- Which outlets copy which: documents that repeat an earlier document's text, by outlet.
SELECT c.outlet AS copier, o.outlet AS original, count(*) AS documents,
       list(c.source_path ORDER BY c.source_path) AS copies
FROM marts.document_sources c
JOIN marts.document_sources o ON o.doc_id = c.copy_of
GROUP BY ALL
ORDER BY documents DESC, copier;
