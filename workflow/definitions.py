"""The Dagster code location: every asset, check, job, schedule, sensor and resource of Dossier."""

import dagster as dg

from assets.clean import clean_documents
from assets.extract import nlp_entities, nlp_extractions
from assets.ingest import raw_documents
from assets.marts import marts_views, warehouse_snapshot
from workflow.jobs import daily_schedule, dossier_job, inbox_sensor
from workflow.resources import from_environment

ASSETS = [raw_documents, clean_documents, nlp_extractions, nlp_entities, marts_views, warehouse_snapshot]

defs = dg.Definitions(
    assets=ASSETS,
    jobs=[dossier_job],
    schedules=[daily_schedule],
    sensors=[inbox_sensor],
    resources=from_environment(),
    # In-process: every step would otherwise pay a fresh interpreter plus the spaCy load and the GX import
    # (~15 s together) per step; steps here are sequential anyway (one DuckDB writer at a time).
    executor=dg.in_process_executor,
)
