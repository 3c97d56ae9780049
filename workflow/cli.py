"""The `dossier` command: run the graph, import files into the inbox, query the published snapshot."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
from pathlib import Path

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def inbox_days(inbox: Path) -> list[str]:
    """Every YYYY-MM-DD folder directly under the inbox, sorted."""
    if not inbox.is_dir():
        return []
    return sorted(p.name for p in inbox.iterdir() if p.is_dir() and DAY.match(p.name) and _is_date(p.name))


def _is_date(name: str) -> bool:
    try:
        dt.date.fromisoformat(name)
        return True
    except ValueError:
        return False


def contiguous_ranges(days: list[str]) -> list[tuple[str, str]]:
    """Group sorted ISO days into runs of consecutive days: one Dagster run per range."""
    ranges: list[tuple[str, str]] = []
    for day in sorted(set(days)):
        if ranges and dt.date.fromisoformat(day) - dt.date.fromisoformat(ranges[-1][1]) == dt.timedelta(
            days=1
        ):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def _valid_day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def cmd_run(args: argparse.Namespace) -> int:
    inbox = Path(args.inbox or os.environ.get("DOSSIER_INBOX", "data/inbox"))
    db = args.db or os.environ.get("DOSSIER_DB", "data/warehouse.duckdb")
    days = args.date or inbox_days(inbox)
    if not days:
        print(f"dossier: no YYYY-MM-DD folders under {inbox} and no --date given", file=sys.stderr)
        return 2
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    if max(days) >= tomorrow:
        print(f"dossier: {max(days)} is in the future; partitions exist up to today", file=sys.stderr)
        return 2
    # Settings reach the code location through the environment, exactly as for `dagster dev`.
    os.environ["DOSSIER_INBOX"] = str(inbox)
    os.environ["DOSSIER_DB"] = str(db)
    if min(days) < os.environ.get("DOSSIER_START_DATE", "2020-01-01"):
        os.environ["DOSSIER_START_DATE"] = min(days)

    import dagster as dg

    from workflow.definitions import defs

    instance = _instance() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    job = defs.resolve_job_def("dossier")
    failed = False
    for start, end in contiguous_ranges(days):
        tags = {
            "dagster/asset_partition_range_start": start,
            "dagster/asset_partition_range_end": end,
            "dossier/trigger": "cli",
        }
        print(f"dossier: running {start}..{end} into {db}", flush=True)
        result = job.execute_in_process(
            instance=instance,
            tags=tags,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": args.log_level}}}},
        )
        if not result.success:
            failed = True
            for event in result.all_events:
                if event.is_step_failure:
                    error = event.step_failure_data.error
                    print(
                        f"dossier: step {event.step_key} failed: {error.message.strip() if error else ''}",
                        file=sys.stderr,
                    )
    return 1 if failed else 0


def _instance():
    """The DAGSTER_HOME instance, created by one process at a time."""
    import fcntl

    import dagster as dg

    # Two runs started at once on a fresh DAGSTER_HOME would both create its SQLite storage and one fails
    # ("table … already exists", a duplicate alembic version row); a lock file makes creation one at a time.
    with open(Path(os.environ["DAGSTER_HOME"]) / ".dossier-instance.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return dg.DagsterInstance.get()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def cmd_import(args: argparse.Namespace) -> int:
    src = Path(args.src)
    if not src.is_dir():
        print(f"dossier: {src} is not a folder", file=sys.stderr)
        return 2
    inbox = Path(args.inbox or os.environ.get("DOSSIER_INBOX", "data/inbox"))
    day = args.date or dt.datetime.now(dt.UTC).date().isoformat()
    target = inbox / day
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in sorted(src.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            dest = target / path.name
            if dest.exists():
                print(f"dossier: {dest} exists, not overwritten", file=sys.stderr)
                continue
            shutil.copy2(path, dest)
            copied += 1
    print(f"dossier: copied {copied} file(s) into {target}")
    return 0


def _snapshot(args: argparse.Namespace) -> Path | None:
    """The published snapshot to read, or None (with a message) when there is none yet."""
    from workflow.resources import snapshot_path_for

    path = Path(
        args.snapshot or snapshot_path_for(args.db or os.environ.get("DOSSIER_DB", "data/warehouse.duckdb"))
    )
    if not path.exists():
        print(f"dossier: no published snapshot at {path}; run `dossier run` first", file=sys.stderr)
        return None
    return path


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from assets import warehouse

    path = _snapshot(args)
    if path is None:
        return 2
    with warehouse.connect(path, read_only=True) as con:
        try:
            rel = con.sql(args.query)
            if rel is not None:  # DuckDB runs the query lazily: errors can surface while printing
                if args.csv:
                    rel.pl().write_csv(sys.stdout)
                else:
                    rel.show(max_width=args.width, max_rows=args.max_rows)
        except duckdb.Error as exc:
            print(f"dossier: {exc}", file=sys.stderr)
            return 1
    return 0


SUMMARY = {
    "Documents": "SELECT (SELECT count(*) FROM raw.documents) AS ingested, (SELECT count(*) FROM raw.rejects) AS "
    "rejected, (SELECT count(*) FROM clean.removed) AS spans_removed, (SELECT count(*) FROM "
    "nlp.entities) AS entities, (SELECT count(*) FROM nlp.claims) AS claims",
    "Rejected files": "SELECT source_path, reason, detail FROM raw.rejects ORDER BY source_path",
    "Top entities": "SELECT name, label, n_mentions, n_docs FROM nlp.entities ORDER BY n_mentions DESC, name LIMIT 8",
    "Top speakers": "SELECT speaker_name, n_quotes, n_reported, n_docs FROM marts.speakers "
    "ORDER BY n_quotes + n_reported DESC, speaker_name LIMIT 8",
    "Figures seen in several sources": "SELECT measure_head, unit, year, n_docs, status, round(relative_spread, 3) "
    "AS spread, texts FROM marts.figure_groups ORDER BY n_docs DESC, "
    "measure_head LIMIT 10",
}


def cmd_summary(args: argparse.Namespace) -> int:
    from assets import warehouse

    path = _snapshot(args)
    if path is None:
        return 2
    with warehouse.connect(path, read_only=True) as con:
        for title, query in SUMMARY.items():
            print(f"\n== {title}")
            con.sql(query).show(max_width=160)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run", help="run the whole asset graph through Dagster for some days (default: every inbox day)"
    )
    run.add_argument(
        "--inbox", help="inbox folder of YYYY-MM-DD subfolders (default $DOSSIER_INBOX or data/inbox)"
    )
    run.add_argument("--db", help="warehouse file (default $DOSSIER_DB or data/warehouse.duckdb)")
    run.add_argument("--date", action="append", type=_valid_day, help="a day to run (repeatable)")
    run.add_argument(
        "--log-level",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="Dagster console log level (default INFO; DEBUG shows every event)",
    )
    run.set_defaults(func=cmd_run)

    imp = sub.add_parser("import", help="copy a flat folder of article files into a day's inbox folder")
    imp.add_argument("src")
    imp.add_argument("--date", type=_valid_day, help="arrival day (default today, UTC)")
    imp.add_argument("--inbox")
    imp.set_defaults(func=cmd_import)

    for name, func, text in (
        ("sql", cmd_sql, "run a query against the published read-only snapshot"),
        ("summary", cmd_summary, "print a short summary of the published snapshot"),
    ):
        p = sub.add_parser(name, help=text)
        if name == "sql":
            p.add_argument("query")
            p.add_argument("--csv", action="store_true", help="print CSV instead of a table")
            p.add_argument("--width", type=int, default=200)
            p.add_argument("--max-rows", type=int, default=100)
        p.add_argument("--db", help="warehouse file whose snapshot to read (default $DOSSIER_DB)")
        p.add_argument("--snapshot", help="read this DuckDB file instead")
        p.set_defaults(func=func)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
