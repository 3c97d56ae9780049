-- Figures that sources disagree on: pairs of figures about the same measure with their relative difference.
SELECT unit, measure_head, year, text_a, source_a, text_b, source_b,
       round(relative_difference, 3) AS relative_difference
FROM marts.figures_compared
WHERE status = 'discrepant'
ORDER BY relative_difference DESC;
