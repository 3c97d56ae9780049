"""What the `dossier` command prints: query results in four formats, the live progress display, the run summary."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import sys
from collections.abc import Sequence

FORMATS = ("table", "csv", "json", "markdown")


def _cell(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime, dt.time, decimal.Decimal)):
        return str(value)
    if isinstance(value, list):
        return [_cell(v) for v in value]
    return value


def write_rows(
    columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str, out=None, max_width: int = 60
) -> None:
    """Rows to `out` (stdout) as an aligned table, CSV, JSON lines of objects, or a Markdown table."""
    out = out or sys.stdout
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_flat(v) for v in row] for row in rows])
    elif fmt == "json":
        out.write(
            json.dumps([dict(zip(columns, map(_cell, row))) for row in rows], ensure_ascii=False, indent=1)
        )
        out.write("\n")
    else:
        # a Markdown table is for a document: cells are kept whole
        cells = [
            [_flat(v) if fmt == "markdown" else _short(_flat(v), max_width) for v in row] for row in rows
        ]
        if fmt == "markdown":
            out.write("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
            for row in cells:
                out.write("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |\n")
        else:
            widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
            out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
            out.write("  ".join("─" * w for w in widths) + "\n")
            for row in cells:
                out.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
            out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _flat(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _short(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


class LiveProgress:
    """A rich progress bar per stage and day while `dossier run` works in a terminal."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:>7}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.tasks: dict[tuple[str, str], int] = {}

    def __enter__(self) -> LiveProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def __call__(self, tracker) -> None:
        key = (tracker.stage, tracker.day)
        if key not in self.tasks:
            self.tasks[key] = self.progress.add_task(
                f"{tracker.stage} {tracker.day}", total=tracker.total or 1, rate=""
            )
        self.progress.update(
            self.tasks[key],
            completed=tracker.done if tracker.total else int(tracker.status != "running"),
            rate=f"{tracker.rate:.1f}/s" if tracker.done else "",
        )


class LogProgress:
    """Plain progress lines (not a terminal): one per stage and day when it ends, and every 10 s while it runs."""

    def __init__(self, out=None) -> None:
        self.out = out or sys.stderr
        self.last: dict[tuple[str, str], float] = {}

    def __call__(self, tracker) -> None:
        key = (tracker.stage, tracker.day)
        now = tracker.elapsed
        if tracker.status != "running" or now - self.last.get(key, -10.0) >= 10.0:
            self.last[key] = now
            if tracker.total or tracker.status != "running":
                print(f"dossier: {tracker.line()}", file=self.out, flush=True)
