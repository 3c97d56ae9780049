-- Who said it first: quotations carried by several outlets, with the outlet that had them first.
SELECT first_speaker, quote, first_outlet, first_published, n_sources, outlets
FROM marts.quotes_across_sources
ORDER BY n_sources DESC, first_published;
