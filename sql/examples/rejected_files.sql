-- Files that could not be ingested, and why.
SELECT partition_date, source_path, reason, detail FROM raw.rejects ORDER BY partition_date, source_path;
