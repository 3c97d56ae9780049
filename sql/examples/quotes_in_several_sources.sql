-- The same quote published by several sources.
SELECT speaker_name, quote, n_docs, sources
FROM marts.quotes_across_sources
ORDER BY n_docs DESC, speaker_name;
