-- What the cleaner removed, and why, with an example of each reason.
SELECT reason, count(*) AS spans, sum(end_char - start_char) AS chars, any_value(left(text, 80)) AS example
FROM clean.removed
GROUP BY reason
ORDER BY spans DESC;
