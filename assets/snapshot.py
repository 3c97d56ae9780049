"""The read-only copy of a DuckDB-file warehouse that analysts open, updated by copying only what changed.

Two slot files sit beside the published name (`.warehouse.read.duckdb.a` / `.b`); the published name is a hard
link to one of them. A publish brings the other slot up to date — only the days whose state changed since that
slot was last published, plus the small warehouse-wide tables — then points the published name at it with an
atomic rename, so a reader that has the old copy open keeps a consistent view. When the standby slot cannot be
updated in place (an old reader still holds it, it is missing or of another schema version) it is rebuilt from a
full copy. Temporary files follow one pattern and are removed at the start of every publish and on failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from assets import contract, warehouse

ALIAS = "snap"
# The stage whose days fill each schema's partitioned tables (meta.partition_state.stage), and the exceptions.
STAGE_OF_SCHEMA = {"raw": "ingest", "clean": "clean", "nlp": "extract"}
STAGE_OF_TABLE = {"clean.doc_bands": "copies", "clean.doc_shingles": "copies"}


@dataclass(frozen=True)
class Published:
    path: Path
    mode: str  # incremental | full
    days_copied: int
    bytes: int


def slots(snapshot: Path) -> tuple[Path, Path]:
    return snapshot.with_name(f".{snapshot.name}.a"), snapshot.with_name(f".{snapshot.name}.b")


def temp_files(snapshot: Path) -> list[Path]:
    """Leftovers of an interrupted publish (this release's and the previous one's naming)."""
    return sorted(snapshot.parent.glob(f".{snapshot.name}.*.tmp")) + sorted(
        snapshot.parent.glob(f".{snapshot.name}.?.wal")
    )


def remove_temp_files(snapshot: Path) -> int:
    found = temp_files(snapshot)
    for path in found:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return len(found)


def publish(con: duckdb.DuckDBPyConnection, target: warehouse.Target, held_back: list[str]) -> Published:
    """Publish the warehouse (holding `con`, its only writer) as the snapshot, leaving out held-back marts."""
    snapshot = target.snapshot_path
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    remove_temp_files(snapshot)
    con.execute("CHECKPOINT")
    standby = _standby(snapshot)
    try:
        days = _update_in_place(con, standby, held_back)
        mode = "incremental"
        if days is None:
            _rebuild(con, target.path, standby, held_back)
            days, mode = -1, "full"
        _fsync(standby)
        tmp = snapshot.with_name(f".{snapshot.name}.{os.getpid()}.link.tmp")
        os.link(standby, tmp)
        warehouse.hold_for_fault_injection(["publish"])
        os.replace(tmp, snapshot)  # atomic: readers see the old file or the new one, never a mix
        _fsync(snapshot.parent)
    finally:
        remove_temp_files(snapshot)
    return Published(snapshot, mode, days, snapshot.stat().st_size)


def _standby(snapshot: Path) -> Path:
    a, b = slots(snapshot)
    try:
        live = snapshot.stat().st_ino
    except FileNotFoundError:
        return a
    return b if a.exists() and a.stat().st_ino == live else a


def _update_in_place(con: duckdb.DuckDBPyConnection, standby: Path, held_back: list[str]) -> int | None:
    """Copy the changed days into the standby slot; None when it must be rebuilt instead."""
    if not standby.exists():
        return None
    try:
        con.execute(f"ATTACH '{standby}' AS {ALIAS}")
    except duckdb.Error:  # an old reader still holds it, or it is damaged: rebuild
        return None
    try:
        versions = [
            con.execute(f"SELECT version, contract_sha FROM {db}.meta.schema_version").fetchone()
            for db in (_main(con), ALIAS)
        ]
        if versions[0] != versions[1]:
            return None
        with warehouse.transaction(con):
            n = _copy_changed(con)
            _replace_views(con, held_back)
        con.execute(f"CHECKPOINT {ALIAS}")
        return n
    except duckdb.Error:
        return None
    finally:
        con.execute(f"DETACH {ALIAS}")


def _main(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT current_database()").fetchone()[0]


def _copy_changed(con: duckdb.DuckDBPyConnection) -> int:
    main = _main(con)
    changed = con.execute(
        f"""SELECT stage, partition_date FROM (
                SELECT stage, partition_date, output_sha FROM {main}.meta.partition_state
                EXCEPT SELECT stage, partition_date, output_sha FROM {ALIAS}.meta.partition_state)
            ORDER BY ALL"""
    ).fetchall()
    for table in contract.tables():
        if table.schema == "meta":
            continue
        if not table.partitioned:
            _copy(con, main, table.name, None)
            continue
        stage = STAGE_OF_TABLE.get(table.name, STAGE_OF_SCHEMA[table.schema])
        for day in sorted({d for s, d in changed if s == stage}):
            _copy(con, main, table.name, day)
        if (
            table.name == "raw.rejects"
        ):  # rejects of no day (misnamed folders, loose files) are replaced each run
            _copy(con, main, table.name, "null")
    for table in contract.tables("meta"):
        _copy(con, main, table.name, None)
    return len(changed)


def _copy(con: duckdb.DuckDBPyConnection, main: str, table: str, day) -> None:
    if day is None:
        where, params = "", []
    elif day == "null":
        where, params = "WHERE partition_date IS NULL", []
    else:
        where, params = "WHERE partition_date = ?", [day]
    con.execute(f"DELETE FROM {ALIAS}.{table} {where}", params)
    con.execute(f"INSERT INTO {ALIAS}.{table} BY NAME SELECT * FROM {main}.{table} {where}", params)


def _replace_views(con: duckdb.DuckDBPyConnection, held_back: list[str]) -> None:
    """Every view of the contract in the snapshot's own catalog, except held-back marts."""
    main = _main(con)
    con.execute(f"USE {ALIAS}")
    try:
        for stmt in warehouse.view_statements():
            con.execute(stmt)
        for name in held_back:
            con.execute(f"DROP VIEW IF EXISTS {name}")
    finally:
        con.execute(f"USE {main}")


def _rebuild(con: duckdb.DuckDBPyConnection, db_path: Path, standby: Path, held_back: list[str]) -> None:
    """A full copy of the checkpointed warehouse file into the standby slot (a fresh file: old readers keep theirs)."""
    tmp = standby.with_name(f"{standby.name}.{os.getpid()}.tmp")
    shutil.copyfile(db_path, tmp)
    warehouse.hold_for_fault_injection(["publish"])
    if held_back:
        con.execute(f"ATTACH '{tmp}' AS {ALIAS}")
        try:
            _replace_views(con, held_back)
            con.execute(f"CHECKPOINT {ALIAS}")
        finally:
            con.execute(f"DETACH {ALIAS}")
    _fsync(tmp)
    os.replace(tmp, standby)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
