"""The `dossier` command: run the graph, import files, and read the warehouse (sql, summary, schema, migrate).

The reading commands import neither Dagster nor spaCy: they open the published snapshot (or the lake) with DuckDB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import shutil
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from assets import inbox as inbox_folder
from assets import warehouse
from workflow.output import FORMATS, write_rows

DEFAULT_INBOX = "data/inbox"
DEFAULT_DB = "data/warehouse.duckdb"


def _version() -> str:
    try:
        return version("dossier")
    except PackageNotFoundError:
        return "source"


def _say(message: str) -> None:
    print(f"dossier: {message}", file=sys.stderr, flush=True)


def _valid_day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


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


def inbox_days(inbox: Path) -> list[str]:
    """Every real YYYY-MM-DD folder directly under the inbox, sorted."""
    return inbox_folder.days(inbox)


def _loose_articles(folder: Path) -> list[str]:
    from assets.text.decode import media_type_for

    return (
        sorted(
            p.name
            for p in folder.iterdir()
            if p.is_file() and not p.name.startswith(".") and media_type_for(p.name)
        )
        if folder.is_dir()
        else []
    )


def _days_to_run(args: argparse.Namespace, inbox: Path) -> list[str] | int:
    """The days to run, or an exit code after saying why there is nothing to run."""
    if not inbox.is_dir():
        _say(
            f"the inbox {inbox} does not exist"
            + (
                ""
                if args.allow_empty
                else " (create it with day folders, or `dossier import FOLDER --inbox ...`; --allow-empty to run anyway)"
            )
        )
        return 0 if args.allow_empty else 2
    found = inbox_days(inbox)
    for stray in inbox_folder.strays(inbox):
        _say(f"{stray.source_path}: {stray.detail}")
    if args.date:
        absent = [d for d in args.date if d not in found]
        if absent and not args.allow_empty:
            _say(
                f"no folder for {', '.join(absent)} under {inbox} (--allow-empty to run those days anyway: they are "
                "left as stored)"
            )
            return 2
        return args.date
    if found:
        return found
    loose = _loose_articles(inbox)
    if loose:
        today = dt.datetime.now(dt.UTC).date().isoformat()
        _say(
            f"{inbox} holds {len(loose)} article file(s) but no YYYY-MM-DD day folders. To ingest them as one day:\n"
            f"    dossier import {inbox} --inbox {DEFAULT_INBOX} --date {today}\n"
            f"    dossier run --inbox {DEFAULT_INBOX}"
        )
        return 2
    _say(
        f"no YYYY-MM-DD day folders under {inbox}"
        + ("" if args.allow_empty else " (--allow-empty to accept)")
    )
    return 0 if args.allow_empty else 2


def cmd_run(args: argparse.Namespace) -> int:
    inbox = Path(args.inbox or os.environ.get("DOSSIER_INBOX", DEFAULT_INBOX))
    days = _days_to_run(args, inbox)
    if isinstance(days, int):
        return days
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    if max(days) >= tomorrow:
        _say(f"{max(days)} is in the future; partitions exist up to today")
        return 2
    from workflow.runner import run

    return run(args, inbox, days)


def cmd_import(args: argparse.Namespace) -> int:
    src = Path(args.src)
    if not src.is_dir():
        _say(f"{src} is not a folder")
        return 2
    inbox = Path(args.inbox or os.environ.get("DOSSIER_INBOX", DEFAULT_INBOX))
    day = args.date or dt.datetime.now(dt.UTC).date().isoformat()
    target = inbox / day
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in sorted(src.iterdir()):
        if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
            dest = target / path.name
            if dest.exists():
                _say(f"{dest} exists, not overwritten")
                continue
            shutil.copy2(path, dest)
            copied += 1
    print(f"dossier: copied {copied} file(s) into {target}; next: dossier run --inbox {inbox} --date {day}")
    return 0


def target_of(args: argparse.Namespace) -> warehouse.Target:
    return warehouse.Target(
        args.db or os.environ.get("DOSSIER_DB", DEFAULT_DB),
        getattr(args, "data_path", None) or os.environ.get("DOSSIER_DATA_PATH", ""),
    )


class NothingPublished(warehouse.WarehouseError):
    """No snapshot to read yet (exit status 2: run first)."""


def _reader(args: argparse.Namespace):
    """A read-only connection to what analysts read: the snapshot of a file warehouse, or the lake itself."""
    if getattr(args, "snapshot", None):
        return warehouse.connect(args.snapshot, read_only=True)
    target = target_of(args)
    if target.is_lake:
        return warehouse.connect(target, read_only=True)
    path = target.snapshot_path
    if not path.exists():
        raise NothingPublished(f"no published snapshot at {path}; run `dossier run` first")
    return warehouse.connect(path, read_only=True)


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    with _reader(args) as con:
        try:
            rel = con.execute(args.query)
            columns = [d[0] for d in rel.description] if rel.description else []
            rows = rel.fetchmany(args.max_rows) if args.format == "table" else rel.fetchall()
        except duckdb.Error as exc:
            _say(str(exc).strip())
            held = _held_back(con, str(exc))
            if held:
                _say(f"{held} failed its checks in the last run and was left out of the snapshot")
            return 1
    write_rows(columns, rows, args.format)
    return 0


def _held_back(con, error: str) -> str | None:
    try:
        for (mart,) in con.execute("SELECT mart FROM meta.mart_status WHERE status = 'held_back'").fetchall():
            if mart.split(".")[-1] in error:
                return mart
    except Exception:  # noqa: BLE001 - an older warehouse without meta.mart_status
        return None
    return None


SUMMARY = {
    "Warehouse": "SELECT (SELECT count(*) FROM raw.documents) AS documents, (SELECT count(*) FROM raw.rejects) AS "
    "rejected, (SELECT count(DISTINCT partition_date) FROM raw.documents) AS days, (SELECT count(*) FROM "
    "nlp.entities) AS entities, (SELECT count(*) FROM nlp.claims WHERE kind = 'quote') AS quotes, (SELECT count(*) "
    "FROM nlp.claims WHERE kind = 'reported') AS reported, (SELECT count(*) FROM nlp.claims WHERE kind = 'figure') "
    "AS figures",
    "Rejected files": "SELECT source_path, reason, detail FROM raw.rejects ORDER BY source_path LIMIT 20",
    "Most mentioned people and organisations": "SELECT name, label, n_mentions, n_docs FROM nlp.entities "
    "WHERE label IN ('PERSON', 'ORG') ORDER BY n_mentions DESC, name LIMIT 8",
    "Most quoted": "SELECT speaker_name, n_quotes, n_reported, n_docs FROM marts.speakers "
    "ORDER BY n_quotes + n_reported DESC, speaker_name LIMIT 8",
    "Facts several outlets report": "SELECT measure, scope, period, texts, n_sources, status FROM marts.figure_facts "
    "ORDER BY n_sources DESC, status DESC, measure LIMIT 8",
    "Quotations carried by several outlets": "SELECT quote, speakers, n_sources, reworded, different_speakers "
    "FROM marts.quotes_across_sources ORDER BY n_sources DESC, first_published LIMIT 5",
}


def cmd_summary(args: argparse.Namespace) -> int:
    import duckdb

    with _reader(args) as con:
        for title, query in SUMMARY.items():
            print(f"\n{title}")
            try:
                rel = con.execute(query)
                write_rows([d[0] for d in rel.description], rel.fetchall(), args.format)
            except duckdb.Error as exc:
                print(f"  (not available: {str(exc).splitlines()[0]})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from assets import contract

    relations = contract.published() if not args.all else list(contract.relations().values())
    if args.table:
        relations = [r for r in relations if args.table in (r.name, r.name.split(".")[-1])]
        if not relations:
            _say(f"no table or view named {args.table}; `dossier schema` lists them")
            return 2
        for r in relations:
            print(f"{r.name} ({r.kind}): {r.description}\n")
            write_rows(
                ["column", "type", "null", "meaning"],
                [(c.name, c.type, "yes" if c.nullable else "no", c.description) for c in r.columns],
                args.format,
                max_width=110,
            )
        return 0
    write_rows(
        ["name", "kind", "columns", "meaning"],
        [(r.name, r.kind, len(r.columns), r.description) for r in relations],
        args.format,
        max_width=110,
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    target = target_of(args)
    if args.check and not target.is_lake and not target.path.exists():  # connecting would create the file
        print(f"{target.describe()}: no warehouse yet; `dossier run` creates it at the current schema")
        return 0
    with warehouse.connect(target, on_wait=_say) as con:
        state = warehouse.schema_state(con)
        pending = warehouse.pending_migrations(con)
        if args.check:
            if state.fresh:
                print(f"{target.describe()}: empty; `dossier run` creates it at the current schema")
                return 0
            print(
                f"{target.describe()}: schema version {state.version}; "
                + (f"pending: {', '.join(pending)}" if pending else "up to date")
            )
            return 1 if pending else 0
        done = warehouse.ensure_schema(con, lake=target.is_lake)
    print(f"{target.describe()}: " + (", ".join(done) if done else "already up to date"))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"dossier {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="run the whole graph through Dagster (default: every day folder of the inbox)",
        description="Ingest, clean and extract each day, then resolve entities, check the marts and "
        "publish the snapshot. Days already published with the same files and code are skipped.",
    )
    run.add_argument(
        "--inbox", help=f"folder of YYYY-MM-DD day folders (default $DOSSIER_INBOX or {DEFAULT_INBOX})"
    )
    _warehouse_args(run)
    run.add_argument(
        "--date",
        action="append",
        type=_valid_day,
        metavar="YYYY-MM-DD",
        help="a day to run (repeatable; default: every day folder)",
    )
    run.add_argument(
        "--workers",
        type=int,
        help="processes parsing in parallel (default $DOSSIER_WORKERS or the machine's cores)",
    )
    run.add_argument("--allow-empty", action="store_true", help="succeed when there is nothing to ingest")
    run.add_argument(
        "--days-only",
        action="store_true",
        help="only the per-day stages (ingest, clean, extract): "
        "what each parallel worker runs on a lake; the warehouse-wide steps are left to a later run",
    )
    run.add_argument(
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="Dagster's own event log on the console (default WARNING; DEBUG shows every event)",
    )
    run.set_defaults(func=cmd_run)

    imp = sub.add_parser(
        "import", help="copy a flat folder of article files into one day folder of the inbox"
    )
    imp.add_argument("src", help="folder of article files (every regular file is copied; ingest decides)")
    imp.add_argument("--date", type=_valid_day, metavar="YYYY-MM-DD", help="arrival day (default today, UTC)")
    imp.add_argument("--inbox", help=f"the inbox (default $DOSSIER_INBOX or {DEFAULT_INBOX})")
    imp.set_defaults(func=cmd_import)

    sql = sub.add_parser("sql", help="run a query against the published snapshot (read-only)")
    sql.add_argument("query", help='SQL, e.g. "SELECT * FROM marts.speakers LIMIT 5"')
    sql.add_argument("--max-rows", type=int, default=100, help="rows shown in table format (default 100)")
    summary = sub.add_parser(
        "summary", help="what the warehouse holds: documents, entities, speakers, figures"
    )
    for p, func in ((sql, cmd_sql), (summary, cmd_summary)):
        _warehouse_args(p)
        p.add_argument("--snapshot", help="read this DuckDB file instead of the snapshot of --db")
        p.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
        p.set_defaults(func=func)

    schema = sub.add_parser("schema", help="the tables and views, and what each column means")
    schema.add_argument("table", nargs="?", help="a table or view, e.g. clean.documents or figure_facts")
    schema.add_argument("--all", action="store_true", help="include the bookkeeping schema meta")
    schema.add_argument("--format", choices=FORMATS, default="table")
    schema.set_defaults(func=cmd_schema)

    mig = sub.add_parser("migrate", help="bring a warehouse to this version's schema (runs also do it)")
    _warehouse_args(mig)
    mig.add_argument(
        "--check", action="store_true", help="only say whether migrations are pending (exit 1 if so)"
    )
    mig.set_defaults(func=cmd_migrate)
    return parser


def _warehouse_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", help=f"warehouse: a .duckdb file or ducklake:… (default $DOSSIER_DB or {DEFAULT_DB})"
    )
    p.add_argument(
        "--data-path", help="DuckLake only: folder of the Parquet files (default $DOSSIER_DATA_PATH)"
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()
    try:
        return args.func(args)
    except warehouse.WarehouseError as exc:
        _say(str(exc))
        return 2 if isinstance(exc, NothingPublished) else 1
    except KeyboardInterrupt:
        _say(f"interrupted after {time.monotonic() - started:.0f} s; every published day is intact")
        return 130


def entry() -> int:
    """The `dossier` console script: main(), leaving the heap to the operating system at exit."""
    status = main()
    # After a run the interpreter's final garbage collections walk every object Dagster, spaCy and the model made:
    # about 1 s on a 2-core machine, a tenth of a small run. Frozen objects are skipped by them; atexit handlers
    # still run and every file is already closed. Not in main(): tests call it in a process that goes on.
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(entry())
