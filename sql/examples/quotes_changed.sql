-- Which quotes changed between outlets: the same quotation worded differently or given to another speaker.
SELECT status, speaker_a, outlet_a, quote_a, speaker_b, outlet_b, quote_b
FROM marts.quote_variants
WHERE status <> 'agreed'
ORDER BY status, outlet_a, outlet_b;
