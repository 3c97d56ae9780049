-- Which facts do outlets disagree on this week (the last 7 days of what the warehouse holds)?
SELECT measure, scope, period, texts, outlets, round(relative_difference, 3) AS relative_difference
FROM marts.figure_facts
WHERE status = 'discrepant'
  AND first_published >= (SELECT max(published_at) FROM clean.documents) - INTERVAL 7 DAY
ORDER BY relative_difference DESC, measure;
