"""Dossier's Dagster code location: wiring only (definitions, resources, partitions, jobs, CLI)."""
