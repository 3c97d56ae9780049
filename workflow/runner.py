"""`dossier run`: the Dagster job executed in this process, one run per range of consecutive days, with progress."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import sys
import time
from pathlib import Path

from assets import progress, quality
from assets import warehouse as wh
from workflow.cli import _say, contiguous_ranges
from workflow.deployment import Deployment
from workflow.output import LiveProgress, LogProgress


def _instance():
    """The DAGSTER_HOME instance (runs show in the UI's history), created by one process at a time; else ephemeral."""
    import fcntl

    import dagster as dg

    if not os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.ephemeral()
    # Two runs started at once on a fresh DAGSTER_HOME would both create its SQLite storage and one fails
    # ("table … already exists", a duplicate alembic version row); a lock file makes creation one at a time.
    with open(Path(os.environ["DAGSTER_HOME"]) / ".dossier-instance.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return dg.DagsterInstance.get()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _deployment(args: argparse.Namespace, inbox: Path, days: list[str]) -> Deployment:
    settings = {"inbox": str(inbox), "db": args.db, "data_path": args.data_path, "workers": args.workers}
    first = min(dt.date.fromisoformat(min(days)), Deployment.from_env(**settings).first_day())
    return Deployment.from_env(**settings, start_date=first.isoformat())


def run(args: argparse.Namespace, inbox: Path, days: list[str]) -> int:
    started = time.monotonic()
    quality.start_validator()  # GX loads in another process while this one starts Dagster
    try:
        return _run(args, inbox, days, started)
    finally:
        quality.stop_validator()


def _run(args: argparse.Namespace, inbox: Path, days: list[str], started: float) -> int:
    deployment = _deployment(args, inbox, days)
    target = deployment.target
    _say(f"{len(days)} day(s) from {inbox} into {target.describe()}")
    failed: list[str] = []
    from workflow.definitions import build_definitions

    job = build_definitions(deployment).resolve_job_def("dossier_days" if args.days_only else "dossier")
    instance = _instance()
    display = LiveProgress() if sys.stderr.isatty() and not os.environ.get("DOSSIER_PLAIN_PROGRESS") else None
    progress.install(display or LogProgress())
    checks = {"passed": 0, "failed": 0}
    steps: dict[str, float] = {}
    try:
        if display:
            display.__enter__()
        for start, end in contiguous_ranges(days):
            result = _execute(job, instance, start, end, args.log_level)
            for evaluation in result.get_asset_check_evaluations():
                checks["passed" if evaluation.passed else "failed"] += 1
            failed += _failures(result, start, end)
            for key, seconds in _step_seconds(result).items():
                steps[key] = steps.get(key, 0.0) + seconds
    finally:
        if display:
            display.__exit__(None, None, None)
        progress.install(None)
    for line in failed:
        _say(line)
    if not args.days_only:
        _summary(deployment, days, checks, time.monotonic() - started, failed, steps)
    return 1 if failed else 0


def _execute(job, instance, start: str, end: str, log_level: str):
    tags = {
        "dagster/asset_partition_range_start": start,
        "dagster/asset_partition_range_end": end,
        "dossier/trigger": "cli",
    }
    return job.execute_in_process(
        instance=instance,
        tags=tags,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
    )


def _failures(result, start: str, end: str) -> list[str]:
    out = []
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure:
                error = event.step_failure_data.error
                out.append(
                    f"{start}..{end}: step {event.step_key}: {error.message.strip() if error else 'failed'}"
                )
    return out


def _step_seconds(result) -> dict[str, float]:
    """Seconds each step of a run took, from its success event."""
    return {
        event.step_key: event.event_specific_data.duration_ms / 1000
        for event in result.all_events
        if event.event_type_value == "STEP_SUCCESS"
    }


def _summary(
    deployment: Deployment,
    days: list[str],
    checks: dict[str, int],
    seconds: float,
    failed: list[str],
    steps: dict[str, float],
) -> None:
    target = deployment.target
    try:
        reader = wh.connect(target if target.is_lake else target.snapshot_path, read_only=True)
        with reader as con:
            n = con.execute(
                """SELECT (SELECT count(*) FROM raw.documents WHERE list_contains($d, partition_date)),
                          (SELECT count(*) FROM raw.rejects WHERE list_contains($d, partition_date)),
                          (SELECT count(*) FROM nlp.entities),
                          (SELECT count(*) FROM nlp.claims WHERE kind = 'quote' AND list_contains($d, partition_date)),
                          (SELECT count(*) FROM nlp.claims WHERE kind = 'reported' AND list_contains($d, partition_date)),
                          (SELECT count(*) FROM nlp.claims WHERE kind = 'figure' AND list_contains($d, partition_date)),
                          (SELECT count(*) FROM raw.documents)""",
                {"d": [dt.date.fromisoformat(d) for d in days]},
            ).fetchone()
            reasons = con.execute(
                "SELECT reason, count(*) FROM raw.rejects WHERE list_contains(?, partition_date) "
                "GROUP BY 1 ORDER BY 2 DESC",
                [[dt.date.fromisoformat(d) for d in days]],
            ).fetchall()
    except (wh.WarehouseError, OSError) as exc:
        _say(f"finished in {seconds:.0f} s; nothing published to read ({exc})")
        return
    db = f" --db {shlex.quote(target.url)}" if target.url != "data/warehouse.duckdb" else ""
    if target.data_path:
        db += f" --data-path {shlex.quote(target.data_path)}"
    rejected = ", ".join(f"{r} {c}" for r, c in reasons)
    lines = [
        f"{'FAILED' if failed else 'done'} in {seconds:.0f} s: {len(days)} day(s), {days[0]}..{days[-1]}",
        f"  documents  {n[0]} ingested, {n[1]} rejected" + (f" ({rejected})" if rejected else ""),
        f"  claims     {n[3]} quotes, {n[4]} reported statements, {n[5]} figures",
        f"  warehouse  {n[6]} documents, {n[2]} entities in all",
        f"  checks     {checks['passed']} passed, {checks['failed']} failed",
        "  steps      " + ", ".join(f"{k.replace('__', '/')} {v:.0f} s" for k, v in steps.items()),
        f'  read it    dossier sql "SELECT * FROM marts.speakers LIMIT 10"{db}',
        f"             dossier summary{db}"
        + ("" if target.is_lake else f"   (or duckdb -readonly {target.snapshot_path})"),
    ]
    print("\n".join(lines), flush=True)
