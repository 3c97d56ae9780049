"""DuckDB access: schema from sql/, transactional partition replacement, SQL invariants, snapshots."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import shutil
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SCHEMA_FILES = ("raw.sql", "clean.sql", "nlp.sql")
_LOCK_ERRORS = ("Conflicting lock", "Could not set lock")


@functools.cache
def sql(name: str) -> str:
    """The text of a file under sql/."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


@contextlib.contextmanager
def connect(
    path: str | os.PathLike, read_only: bool = False, wait_seconds: float = 900.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting for another process's lock to go rather than failing at once."""
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.2
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            # DuckDB allows one writing process; a second opener fails at once. Dagster pools serialise our own
            # runs, this wait covers everything else (a CLI run next to the UI, an analyst's writable session).
            if not any(marker in str(exc) for marker in _LOCK_ERRORS) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 1.5, 5.0)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every schema, table and base view from sql/ (idempotent)."""
    for name in SCHEMA_FILES:
        con.execute(sql(name))


@dataclass(frozen=True)
class Invariant:
    name: str
    violations: int
    sample: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.violations == 0


def run_invariants(
    con: duckdb.DuckDBPyConnection, names: list[str], params: Mapping[str, Any] | None = None
) -> list[Invariant]:
    """Run sql/checks/<name>.sql queries; each returns the rows that break the invariant."""
    results = []
    for name in names:
        query = sql(f"checks/{name}.sql")
        used = {k: v for k, v in (params or {}).items() if f"${k}" in query}
        rel = con.execute(f"SELECT * FROM ({query}) LIMIT 1000001", used)
        cols = [d[0] for d in rel.description]
        rows = rel.fetchall()
        sample = [{c: _plain(v) for c, v in zip(cols, row)} for row in rows[:5]]
        results.append(Invariant(name=name, violations=len(rows), sample=sample))
    return results


def replace_rows(
    con: duckdb.DuckDBPyConnection,
    frames: Mapping[str, pl.DataFrame],
    invariants: list[str] = (),
    partition_date: dt.date | None = None,
) -> list[Invariant]:
    """Replace one partition's rows (whole tables when no partition) in one transaction; roll back if an invariant breaks."""
    where, params = ("WHERE partition_date = ?", [partition_date]) if partition_date is not None else ("", [])
    con.begin()
    try:
        for table, frame in frames.items():
            con.execute(f"DELETE FROM {table} {where}", params)
            if frame.height:
                # Columns starting with "_" exist only for validation (e.g. the slice a text claims to be).
                frame = frame.select([c for c in frame.columns if not c.startswith("_")])
                con.register("_incoming", frame.to_arrow())
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
                con.unregister("_incoming")
        results = run_invariants(con, list(invariants), {"partition_date": partition_date})
        _hold_for_fault_injection(frames)
        if all(r.passed for r in results):
            con.commit()
        else:
            con.rollback()
        return results
    except BaseException:
        con.rollback()
        raise


def _hold_for_fault_injection(frames: Mapping[str, pl.DataFrame]) -> None:
    # Crash tests set DOSSIER_HOLD_BEFORE_COMMIT=<table>:<seconds> to hold an open write transaction long
    # enough to SIGKILL the process inside it; unset in normal operation.
    spec = os.environ.get("DOSSIER_HOLD_BEFORE_COMMIT")
    if spec:
        table, _, seconds = spec.partition(":")
        if table in frames:
            print(f"dossier: holding uncommitted write to {table}", file=sys.stderr, flush=True)
            time.sleep(float(seconds or 60))


def publish_snapshot(
    con: duckdb.DuckDBPyConnection, db_path: str | os.PathLike, snapshot_path: str | os.PathLike
) -> int:
    """Copy the checkpointed warehouse to the read-only snapshot analysts open; returns its size in bytes."""
    con.execute("CHECKPOINT")
    snapshot = Path(snapshot_path)
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    tmp = snapshot.with_name(f".{snapshot.name}.{os.getpid()}.tmp")
    # The caller holds the only writing connection and has just checkpointed, so the file is complete.
    # os.replace is atomic: a reader that has the old snapshot open keeps reading the old file.
    shutil.copyfile(db_path, tmp)
    os.replace(tmp, snapshot)
    return snapshot.stat().st_size


def _plain(value: Any) -> Any:
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    return str(value)[:200]
