"""`dossier run`: the Dagster job executed in this process, one run per range of consecutive days, with progress."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import sys
import time
from pathlib import Path

from assets import progress
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


def run(args: argparse.Namespace, inbox: Path, days: list[str]) -> int:
    started = time.monotonic()
    deployment = Deployment.from_env(
        inbox=str(inbox), db=args.db, data_path=args.data_path, workers=args.workers
    )
    first = min(dt.date.fromisoformat(min(days)), deployment.first_day())
    deployment = Deployment.from_env(
        inbox=str(inbox),
        db=args.db,
        data_path=args.data_path,
        workers=args.workers,
        start_date=first.isoformat(),
    )
    _say(f"{len(days)} day(s) from {inbox} into {deployment.target.describe()}")

    from workflow.definitions import build_definitions

    job = build_definitions(deployment).resolve_job_def("dossier")
    instance = _instance()
    display = LiveProgress() if sys.stderr.isatty() else None
    progress.install(display or LogProgress())
    failed: list[str] = []
    checks = {"passed": 0, "failed": 0}
    try:
        if display:
            display.__enter__()
        for start, end in contiguous_ranges(days):
            tags = {
                "dagster/asset_partition_range_start": start,
                "dagster/asset_partition_range_end": end,
                "dossier/trigger": "cli",
            }
            result = job.execute_in_process(
                instance=instance,
                tags=tags,
                raise_on_error=False,
                run_config={"loggers": {"console": {"config": {"log_level": args.log_level}}}},
            )
            for evaluation in result.get_asset_check_evaluations():
                checks["passed" if evaluation.passed else "failed"] += 1
            if not result.success:
                for event in result.all_events:
                    if event.is_step_failure:
                        error = event.step_failure_data.error
                        failed.append(
                            f"{start}..{end}: step {event.step_key}: "
                            f"{error.message.strip() if error else 'failed'}"
                        )
    finally:
        if display:
            display.__exit__(None, None, None)
        progress.install(None)
    for line in failed:
        _say(line)
    _summary(deployment, days, checks, time.monotonic() - started, failed)
    return 1 if failed else 0


def _summary(
    deployment: Deployment, days: list[str], checks: dict[str, int], seconds: float, failed: list[str]
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
        f'  read it    dossier sql "SELECT * FROM marts.speakers LIMIT 10"{db}',
        f"             dossier summary{db}"
        + ("" if target.is_lake else f"   (or duckdb -readonly {target.snapshot_path})"),
    ]
    print("\n".join(lines), flush=True)
