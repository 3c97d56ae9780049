-- Figures several sources agree on.
SELECT measure_head, unit, year, n_docs, min_value, max_value, texts, sources
FROM marts.figure_groups
WHERE status = 'corroborated'
ORDER BY n_docs DESC, measure_head;
