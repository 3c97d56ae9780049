"""The pipeline job, its daily schedule, and the inbox sensor."""

import datetime as dt
import hashlib
import json
from pathlib import Path

import dagster as dg

from workflow.partitions import daily
from workflow.resources import Settings

dossier_job = dg.define_asset_job(
    "dossier",
    selection=dg.AssetSelection.all(),
    partitions_def=daily,
    description="The whole graph for one day (or a range of days): ingest, clean, extract per partition, then "
    "canonical entities, marts and the read-only snapshot once.",
)


@dg.schedule(
    cron_schedule="30 1 * * *",
    job=dossier_job,
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
def daily_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Every night, materialise the previous day's partition (its inbox folder is complete by then)."""
    day = (context.scheduled_execution_time.date() - dt.timedelta(days=1)).isoformat()
    return dg.RunRequest(run_key=f"schedule-{day}", partition_key=day, tags={"dossier/trigger": "schedule"})


def inbox_signatures(folder: Path) -> dict[str, str]:
    """Size and modification time of every visible file under a day folder, by relative path."""
    if not folder.is_dir():
        return {}
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            stat = path.stat()
            out[rel.as_posix()] = f"{stat.st_size}:{stat.st_mtime_ns}"
    return out


def new_files(folder: Path, day: str, cursor: str | None) -> tuple[list[str], str]:
    """Files of the day folder not seen (or changed) since the cursor, and the cursor to store next."""
    state = json.loads(cursor) if cursor else {}
    seen = state.get("files", {}) if state.get("day") == day else {}
    current = inbox_signatures(folder)
    fresh = sorted(path for path, sig in current.items() if seen.get(path) != sig)
    return fresh, json.dumps({"day": day, "files": current}, sort_keys=True)


@dg.sensor(job=dossier_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, settings: Settings):
    """New or changed files in today's inbox folder trigger a run for today's partition."""
    day = dt.datetime.now(dt.UTC).date().isoformat()
    fresh, cursor = new_files(Path(settings.inbox) / day, day, context.cursor)
    if not fresh:
        return dg.SkipReason(f"no new files in {settings.inbox}/{day}")
    context.update_cursor(cursor)
    digest = hashlib.sha1("\n".join(fresh).encode() + cursor.encode()).hexdigest()[:12]
    return dg.RunRequest(
        run_key=f"inbox-{day}-{digest}",
        partition_key=day,
        tags={"dossier/trigger": "inbox_sensor", "dossier/new_files": str(len(fresh))},
    )
