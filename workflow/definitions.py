"""The Dagster code location: every asset, check, job, schedule, sensor and resource of Dossier."""

from __future__ import annotations

import dagster as dg

from assets.pipeline import build_assets
from workflow.deployment import Deployment
from workflow.jobs import build_automation


def build_definitions(deployment: Deployment) -> dg.Definitions:
    policy = deployment.policy()
    job, days_job, schedule, sensor = build_automation(policy.partitions)
    lake = deployment.target.is_lake
    jobs, schedules = [job, days_job], [schedule]
    if lake:
        upkeep = dg.define_asset_job(
            "lake_maintenance",
            selection=dg.AssetSelection.assets(["maintenance", "lake"]),
            description="Merge small files and expire old snapshots of the lake.",
        )
        jobs.append(upkeep)
        schedules.append(
            dg.ScheduleDefinition(
                name="weekly_lake_maintenance",
                job=upkeep,
                cron_schedule="0 3 * * 0",
                execution_timezone="UTC",
                default_status=dg.DefaultScheduleStatus.STOPPED,
                description="Sundays at 03:00 UTC: lake upkeep (merge small files, expire snapshots past the retention).",
            )
        )
    return dg.Definitions(
        assets=build_assets(policy, lake=lake),
        jobs=jobs,
        schedules=schedules,
        sensors=[sensor],
        resources=deployment.resources(),
        # In-process: every step would otherwise pay a fresh interpreter plus the spaCy load and the GX import
        # (~15 s together); the extract step parses in its own worker processes (--workers / DOSSIER_WORKERS).
        executor=dg.in_process_executor,
    )


defs = build_definitions(Deployment.from_env())
