"""Pure text functions behind the pipeline stages: no Dagster, no DuckDB, testable by direct call."""
