"""The pipeline job, its nightly schedule and the inbox sensor."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path

import dagster as dg

from assets.report import PER_DAY
from assets.resources import Inbox


def inbox_signatures(folder: Path) -> dict[str, str]:
    """Size and modification time of every visible entry under a day folder (links not followed), by path."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    out = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            st = os.lstat(path)
            rel = path.relative_to(folder).as_posix()
            out[rel] = f"{st.st_size}:{st.st_mtime_ns}:{stat.S_IFMT(st.st_mode)}"
    return out


def new_files(folder: Path, day: str, cursor: str | None) -> tuple[list[str], str]:
    """Files of the day folder not seen (or changed) since the cursor, and the cursor to store next."""
    state = json.loads(cursor) if cursor else {}
    seen = state.get("files", {}) if state.get("day") == day else {}
    current = inbox_signatures(folder)
    fresh = sorted(path for path, sig in current.items() if seen.get(path) != sig)
    return fresh, json.dumps({"day": day, "files": current}, sort_keys=True)


def build_automation(partitions: dg.PartitionsDefinition):
    """The job over every asset, a nightly schedule for the previous day, and a sensor on today's inbox folder."""
    job = dg.define_asset_job(
        "dossier",
        # lake upkeep rewrites files other writers may be reading or committing beside: it has its own weekly job
        selection=dg.AssetSelection.all() - dg.AssetSelection.key_prefixes(["maintenance"]),
        partitions_def=partitions,
        description="The whole graph for one day (or a range of days): ingest, clean and extract per day, then "
        "canonical entities, marts and the published snapshot once.",
    )

    days_job = dg.define_asset_job(
        "dossier_days",
        selection=dg.AssetSelection.tag(PER_DAY, "true"),
        partitions_def=partitions,
        description="Only the per-day stages (ingest, clean, extract) of some days: what parallel workers on a lake run "
        "side by side before one run of the whole graph does the warehouse-wide steps.",
    )

    @dg.schedule(
        cron_schedule="30 1 * * *",
        job=job,
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Every night at 01:30 UTC, runs the previous day's partition: its inbox folder is "
        "complete by then. Turn it on under Automation.",
    )
    def daily_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
        day = (context.scheduled_execution_time.date() - dt.timedelta(days=1)).isoformat()
        return dg.RunRequest(
            run_key=f"schedule-{day}", partition_key=day, tags={"dossier/trigger": "schedule"}
        )

    @dg.sensor(
        job=job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description="Every minute, looks at today's inbox folder: new or changed files start a run for today. "
        "Files it has seen never trigger again. Turn it on under Automation.",
    )
    def inbox_sensor(context: dg.SensorEvaluationContext, inbox: Inbox):
        day = dt.datetime.now(dt.UTC).date().isoformat()
        fresh, cursor = new_files(Path(inbox.path) / day, day, context.cursor)
        if not fresh:
            return dg.SkipReason(f"no new files in {inbox.path}/{day}")
        context.update_cursor(cursor)
        digest = hashlib.sha1("\n".join(fresh).encode() + cursor.encode()).hexdigest()[:12]
        return dg.RunRequest(
            run_key=f"inbox-{day}-{digest}",
            partition_key=day,
            tags={"dossier/trigger": "inbox_sensor", "dossier/new_files": str(len(fresh))},
        )

    return job, days_job, daily_schedule, inbox_sensor
