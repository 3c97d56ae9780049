"""The Dagster code location: every asset, check, job, schedule, sensor and resource of Dossier."""

from __future__ import annotations

import dagster as dg

from assets.pipeline import build_assets
from workflow.deployment import Deployment
from workflow.jobs import build_automation


def build_definitions(deployment: Deployment) -> dg.Definitions:
    policy = deployment.policy()
    job, schedule, sensor = build_automation(policy.partitions)
    return dg.Definitions(
        assets=build_assets(policy),
        jobs=[job],
        schedules=[schedule],
        sensors=[sensor],
        resources=deployment.resources(),
        # In-process: every step would otherwise pay a fresh interpreter plus the spaCy load and the GX import
        # (~15 s together); the extract step parses in its own worker processes (--workers / DOSSIER_WORKERS).
        executor=dg.in_process_executor,
    )


defs = build_definitions(Deployment.from_env())
