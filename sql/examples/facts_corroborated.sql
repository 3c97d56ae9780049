-- Facts that several independent outlets agree on, most widely reported first.
SELECT measure, scope, unit, period, n_sources, texts, outlets
FROM marts.figure_facts
WHERE status = 'corroborated'
ORDER BY n_sources DESC, measure;
