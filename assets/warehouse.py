"""The warehouse: one DuckDB file (the default) or a DuckLake, opened, migrated and written the same way.

A target is a `.duckdb` path, or a DuckLake attach string: `ducklake:postgres:dbname=… host=… port=… user=…`
(many machines) or `ducklake:sqlite:PATH` (many local processes), with Parquet files under a data path. Stage
code never asks which: it gets a DuckDB connection whose default catalog holds the schemas raw, clean, nlp,
marts and meta.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from assets import contract

if TYPE_CHECKING:
    import polars as pl

LAKE_ALIAS = "lake"
STEPS = ("copies", "entities", "marts", "publish")  # the warehouse-wide steps (meta.step_state)
_LOCK = re.compile(r"Conflicting lock is held in (?P<prog>\S+) \(PID (?P<pid>\d+)\)")
_LOCK_ERRORS = ("Conflicting lock", "Could not set lock")
# DuckDB's signed extensions come from registry wheels (duckdb-extension-*), installed from disk by path: no
# download at run time. The postgres scanner's wheel ships as postgres.duckdb_extension; DuckDB knows it as
# postgres_scanner.
_EXTENSIONS = {
    "ducklake": ("duckdb_extension_ducklake", "ducklake", "ducklake"),
    "sqlite": ("duckdb_extension_sqlite", "sqlite", "sqlite_scanner"),
    "postgres": ("duckdb_extension_postgres", "postgres", "postgres_scanner"),
}


class WarehouseError(RuntimeError):
    """A warehouse that cannot be used, said in one line with what to do."""


@dataclass(frozen=True)
class Target:
    """Where the warehouse lives."""

    url: str  # a .duckdb path or a ducklake:… attach string
    data_path: str = ""  # DuckLake only: where the Parquet files go (default: beside a sqlite catalog)

    @property
    def is_lake(self) -> bool:
        return self.url.startswith("ducklake:")

    @property
    def catalog(self) -> str:
        """ducklake:postgres:… -> postgres; ducklake:sqlite:… -> sqlite; a file -> duckdb."""
        return self.url.split(":", 2)[1] if self.is_lake else "duckdb"

    @property
    def path(self) -> Path:
        if self.is_lake:
            raise WarehouseError(f"{self.describe()} is a lake, not a file")
        return Path(self.url)

    @property
    def snapshot_path(self) -> Path:
        """The read-only copy analysts open: warehouse.duckdb -> warehouse.read.duckdb beside it (files only)."""
        path = self.path
        return path.with_name(f"{path.stem}.read{path.suffix or '.duckdb'}")

    def lake_data_path(self) -> str:
        if self.data_path:
            return self.data_path
        if self.catalog == "sqlite":
            return str(Path(self.url.split(":", 2)[2]).with_suffix("")) + ".files"
        raise WarehouseError("a DuckLake on PostgreSQL needs a data path (--data-path / DOSSIER_DATA_PATH)")

    def describe(self) -> str:
        """The target for messages, without a password."""
        return re.sub(r"password=\S+", "password=…", self.url)


def extension_file(name: str) -> str:
    module, stem, _ = _EXTENSIONS[name]
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise WarehouseError(
            f"the DuckDB {name} extension is not installed (package {module.replace('_', '-')})"
        )
    folder = Path(spec.submodule_search_locations[0]) / "extensions" / f"v{duckdb.__version__}"
    path = folder / f"{stem}.duckdb_extension"
    if not path.exists():
        raise WarehouseError(
            f"{path} is missing: the {name} extension wheel does not match duckdb {duckdb.__version__}"
        )
    return str(path)


def _load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    _, _, installed_as = _EXTENSIONS[name]
    loaded = con.execute(
        "SELECT loaded FROM duckdb_extensions() WHERE extension_name = ?", [installed_as]
    ).fetchone()
    if loaded and loaded[0]:
        return
    con.execute(f"INSTALL '{_named_as(extension_file(name), installed_as)}'")
    con.execute(f"LOAD {installed_as}")


def _named_as(path: str, name: str) -> str:
    """The extension file under the name DuckDB must install it as (INSTALL takes the name from the file)."""
    if Path(path).name == f"{name}.duckdb_extension":
        return path
    folder = Path(tempfile.gettempdir()) / f"dossier-duckdb-extensions-{duckdb.__version__}"
    folder.mkdir(exist_ok=True)
    target = folder / f"{name}.duckdb_extension"
    if not target.exists() or target.stat().st_size != Path(path).stat().st_size:
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        shutil.copyfile(path, tmp)
        os.replace(tmp, target)
    return str(target)


Waiter = Callable[[str], None]


@contextlib.contextmanager
def connect(
    target: Target | str,
    read_only: bool = False,
    wait_seconds: float = 900.0,
    on_wait: Waiter | None = None,
    snapshot_version: int | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse; for a file, wait (and say so) while another process holds its lock; for a lake,
    optionally as of a past commit (`snapshot_version`)."""
    target = target if isinstance(target, Target) else Target(str(target))
    con = (
        _open_lake(target, read_only, snapshot_version)
        if target.is_lake
        else _open_file(target, read_only, wait_seconds, on_wait)
    )
    try:
        yield con
    finally:
        con.close()


def _open_file(target: Target, read_only: bool, wait_seconds: float, on_wait: Waiter | None):
    path = target.path
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    announced = 0.0
    delay = 0.2
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            # DuckDB allows one writing process; a second opener fails at once. Dagster pools serialise our own
            # runs; this wait covers everything else (a CLI run next to the UI, an analyst's writable session).
            if not any(marker in str(exc) for marker in _LOCK_ERRORS):
                raise _unusable(target, exc) from None
            waited = time.monotonic() - started
            if waited > wait_seconds:
                raise WarehouseError(
                    f"gave up after {waited:.0f} s waiting for {_holder(exc)} to release {path}"
                ) from None
            if on_wait and (announced == 0.0 or waited - announced >= 5.0):
                since = dt.datetime.now() - dt.timedelta(seconds=waited)
                on_wait(
                    f"waiting for the warehouse lock on {path} held by {_holder(exc)} (since {since:%H:%M:%S})"
                )
                announced = waited or 1e-9
            time.sleep(delay)
            delay = min(delay * 1.5, 2.0)
        except duckdb.Error as exc:
            raise _unusable(target, exc) from None


def _holder(exc: Exception) -> str:
    m = _LOCK.search(str(exc))
    return f"PID {m.group('pid')} ({Path(m.group('prog')).name})" if m else "another process"


def _unusable(target: Target, exc: Exception) -> WarehouseError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    hint = ""
    if not target.is_lake and target.snapshot_path.exists():
        hint = f"; the last published snapshot {target.snapshot_path} is intact (read it with `dossier sql`)"
    return WarehouseError(f"cannot open the warehouse {target.describe()}: {first}{hint}")


def _open_lake(target: Target, read_only: bool, snapshot_version: int | None = None):
    # Two writers attaching a brand-new lake at once race to create its catalog tables; the loser retries.
    for attempt in range(LAKE_ATTEMPTS):
        try:
            return _attach_lake(target, read_only, snapshot_version)
        except duckdb.Error as exc:
            racing = "already exists" in str(exc) or "duplicate key" in str(exc) or is_conflict(exc)
            if not racing or attempt == LAKE_ATTEMPTS - 1:
                raise _unusable(target, exc) from None
            backoff(attempt)
    raise AssertionError("unreachable")


def _attach_lake(target: Target, read_only: bool, snapshot_version: int | None):
    con = duckdb.connect()
    try:
        _load_extension(con, "ducklake")
        _load_extension(con, target.catalog)
        options = [f"DATA_PATH '{target.lake_data_path()}'"]
        if target.catalog == "postgres":  # the catalog's tables in a schema of their own, not public
            options.append("METADATA_SCHEMA 'ducklake'")
        if read_only:
            options.append("READ_ONLY")
        if snapshot_version is not None:  # time travel: the lake as that commit left it
            options.append(f"SNAPSHOT_VERSION {int(snapshot_version)}")
        con.execute(f"ATTACH '{target.url}' AS {LAKE_ALIAS} ({', '.join(options)})")
        con.execute(f"USE {LAKE_ALIAS}")
        return con
    except BaseException:
        con.close()
        raise


# ---------------------------------------------------------------- schema versions and migrations


class SchemaTooNew(WarehouseError):
    """The warehouse was migrated by a newer Dossier than this one."""


@dataclass(frozen=True)
class SchemaState:
    version: int | None  # None: an empty warehouse; 0: the release before versioned schemas
    contract_sha: str | None

    @property
    def fresh(self) -> bool:
        return self.version is None


def schema_state(con: duckdb.DuckDBPyConnection) -> SchemaState:
    names = {
        f"{s}.{t}"
        for s, t in con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    }
    if "meta.schema_version" in names:
        row = con.execute("SELECT version, contract_sha FROM meta.schema_version").fetchone()
        return SchemaState(row[0], row[1]) if row else SchemaState(0, None)
    return SchemaState(0 if "raw.documents" in names else None, None)


def pending_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Migration files not yet applied to this warehouse (empty when it is current)."""
    state = schema_state(con)
    if state.fresh:
        return []
    _refuse_newer(state)
    return [path.name for version, path in contract.migrations() if version > state.version]


def _refuse_newer(state: SchemaState) -> None:
    latest = contract.latest_version()
    if state.version is not None and state.version > latest:
        raise SchemaTooNew(
            f"the warehouse is at schema version {state.version}, newer than this Dossier "
            f"understands ({latest}): upgrade Dossier, or point --db at another warehouse"
        )


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit that lost a race with another writer: retrying from the start is safe."""
    text = str(exc).lower()
    # a catalog transaction PostgreSQL aborted (serialisation failure) surfaces as "transaction is aborted"
    races = ("conflict", "database is locked", "current transaction is aborted")
    return isinstance(exc, duckdb.Error) and any(r in text for r in races)


# Attempts a lake writer makes at a commit that keeps losing races. Two writers doing the same steps in step
# would lose to each other in turn; a random, growing wait (0.25-0.75 s, doubling to 8-24 s) breaks the tie.
LAKE_ATTEMPTS = 8


def backoff(attempt: int) -> None:
    """Wait before attempt number `attempt + 1` of a commit that lost a race with another lake writer."""
    time.sleep(random.uniform(0.5, 1.5) * min(0.5 * 2**attempt, 16))


def rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open (a failed COMMIT has already ended it)."""
    with contextlib.suppress(duckdb.Error):
        con.rollback()


T = TypeVar("T")


def retrying(
    work: Callable[[], T],
    attempts: int = LAKE_ATTEMPTS,
    log: Callable[[str], None] | None = None,
    also: tuple[str, ...] = (),
) -> T:
    """Run a whole transactional step again when its commit lost a race with another lake writer (or failed with
    one of the messages `also` names, the step's own sign of a lost race).

    Warehouse-wide steps are idempotent (they recompute from what is stored), so redoing one is always safe.
    """
    for attempt in range(attempts):
        try:
            return work()
        except duckdb.Error as exc:
            lost = is_conflict(exc) or any(text in str(exc) for text in also)
            if not lost or attempt == attempts - 1:
                raise
            if log:
                log("another writer committed first; doing the step again")
            backoff(attempt)
    raise AssertionError("unreachable")


def ensure_schema(con: duckdb.DuckDBPyConnection, lake: bool = False) -> list[str]:
    """Create a fresh warehouse, or bring an existing one to the current contract in one transaction.

    Returns what was done (empty when nothing was needed): the migrations applied, or "created". On a lake two
    writers may start at once: the one that loses the race finds the schema the other created. It may lose it
    before its commit: the other committed between its look at the catalog and its first CREATE ("Table with name
    schema_version already exists"), so that counts as a lost race too.
    """
    return retrying(lambda: _ensure_schema(con, lake), also=("already exists",) if lake else ())


def _ensure_schema(con: duckdb.DuckDBPyConnection, lake: bool) -> list[str]:
    state = schema_state(con)
    _refuse_newer(state)
    latest, sha = contract.latest_version(), contract.contract_sha()
    if state.version == latest and state.contract_sha == sha:
        return []
    done: list[str] = []
    con.begin()
    try:
        if state.fresh:
            for stmt in _contract_statements(lake):
                con.execute(stmt)
            done.append("created")
        else:
            for version, path in contract.migrations():
                if version > state.version:
                    for stmt in contract.statements(path):
                        con.execute(stmt)
                    done.append(path.name)
            # Views and descriptions follow the contract files whatever the version.
            for stmt in _contract_statements(lake, views_and_comments_only=True):
                con.execute(stmt)
        con.execute("DELETE FROM meta.schema_version")
        con.execute(
            "INSERT INTO meta.schema_version VALUES (?, ?, ?, ?)",
            [latest, sha, _dossier_version(), _utcnow()],
        )
        for step in STEPS:  # one row per warehouse-wide step from the start: see record_step
            con.execute(
                "INSERT INTO meta.step_state SELECT ?, '', ? WHERE NOT EXISTS "
                "(SELECT 1 FROM meta.step_state WHERE step = ?)",
                [step, _utcnow(), step],
            )
        con.commit()
    except BaseException:
        rollback_quietly(con)
        raise
    return done or ["views and comments refreshed"]


def _contract_statements(lake: bool, views_and_comments_only: bool = False) -> Iterator[str]:
    views = {r.name for r in contract.relations().values() if r.kind == "view"}
    for path in contract.schema_files():
        for stmt in contract.statements(path):
            if views_and_comments_only and not contract.is_view_or_comment(stmt):
                continue
            # DuckLake keeps table and column comments but has no column comments on views.
            if lake and _comments_view_column(stmt, views):
                continue
            yield stmt
    if not lake:
        yield from contract.view_column_comments()


def view_statements() -> list[str]:
    """The statements that (re)create every schema and view of the contract, with their descriptions."""
    return list(_contract_statements(lake=False, views_and_comments_only=True))


def _comments_view_column(stmt: str, views: set[str]) -> bool:
    m = re.match(r"COMMENT ON COLUMN (\w+\.\w+)\.\w+", stmt, re.I)
    return bool(m) and m.group(1) in views


def _dossier_version() -> str:
    try:
        from importlib.metadata import version

        return version("dossier")
    except Exception:  # noqa: BLE001 - running from a source tree that was never installed
        return "source"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# ---------------------------------------------------------------- writing


@dataclass(frozen=True)
class Invariant:
    """An SQL invariant (sql/checks/<name>.sql returns the rows that break it) and its outcome."""

    name: str
    violations: int
    sample: tuple[dict, ...] = ()

    @property
    def passed(self) -> bool:
        return self.violations == 0


def run_invariants(
    con: duckdb.DuckDBPyConnection, names: Iterable[str], params: Mapping[str, Any] | None = None
) -> list[Invariant]:
    """Run sql/checks/<name>.sql queries; each returns the rows that break the invariant."""
    results = []
    for name in names:
        query = (contract.SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8")
        used = {k: v for k, v in (params or {}).items() if f"${k}" in query}
        rel = con.execute(f"SELECT * FROM ({query}) LIMIT 1000001", used)
        cols = [d[0] for d in rel.description]
        rows = rel.fetchall()
        sample = tuple({c: _plain(v) for c, v in zip(cols, row)} for row in rows[:5])
        results.append(Invariant(name=name, violations=len(rows), sample=sample))
    return results


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN … COMMIT, or ROLLBACK on any exception (including a failed commit)."""
    con.begin()
    try:
        yield
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.rollback()
        raise
    con.commit()


def delete_rows(con: duckdb.DuckDBPyConnection, tables: Iterable[str], day: dt.date | None) -> None:
    """Remove one day's rows (every row when day is None) from each table."""
    for table in tables:
        if day is None:
            con.execute(f"DELETE FROM {table}")
        else:
            con.execute(f"DELETE FROM {table} WHERE partition_date = ?", [day])


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Append a frame's rows; columns starting with "_" exist only for validation and are not stored."""
    if not frame.height:
        return
    frame = frame.select([c for c in frame.columns if not c.startswith("_")])
    con.register("_incoming", frame.to_arrow())
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")


def partition_state(
    con: duckdb.DuckDBPyConnection, stage: str, days: Iterable[dt.date]
) -> dict[dt.date, tuple[str, str]]:
    """(fingerprint, output_sha) of what a stage last published, by day."""
    days = list(days)
    if not days:
        return {}
    rows = con.execute(
        "SELECT partition_date, fingerprint, output_sha FROM meta.partition_state "
        "WHERE stage = ? AND list_contains(?, partition_date)",
        [stage, days],
    ).fetchall()
    return {day: (fp, out) for day, fp, out in rows}


def record_partition(
    con: duckdb.DuckDBPyConnection, stage: str, day: dt.date, fingerprint: str, output_sha: str, n_rows: int
) -> None:
    """Note what a stage published for a day, inside the publishing transaction."""
    con.execute("DELETE FROM meta.partition_state WHERE stage = ? AND partition_date = ?", [stage, day])
    con.execute(
        "INSERT INTO meta.partition_state VALUES (?, ?, ?, ?, ?, ?)",
        [stage, day, fingerprint, output_sha, n_rows, _utcnow()],
    )


def hold_for_fault_injection(tables: Iterable[str]) -> None:
    # Crash tests set DOSSIER_HOLD_BEFORE_COMMIT=<table>:<seconds> to hold an open write transaction long
    # enough to SIGKILL the process inside it; unset in normal operation.
    spec = os.environ.get("DOSSIER_HOLD_BEFORE_COMMIT")
    if spec:
        table, _, seconds = spec.partition(":")
        if table in tables:
            print(f"dossier: holding uncommitted write to {table}", file=sys.stderr, flush=True)
            time.sleep(float(seconds or 60))


def _plain(value: Any) -> Any:
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    return str(value)[:200]


def replace_changed(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, key: str) -> int:
    """Make a whole table equal to the frame (unique in `key`), touching only rows that differ; returns how many.

    Equivalent to DELETE + INSERT of everything, but a warehouse-wide step whose result barely changed writes
    little (fewer lake files, smaller snapshot updates).
    """
    frame = frame.select([c for c in frame.columns if not c.startswith("_")])
    cols = ", ".join(frame.columns)
    con.register("_incoming", frame.to_arrow())
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _stale AS SELECT {cols} FROM {table} EXCEPT ALL SELECT {cols} FROM _incoming"
        )
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _fresh AS SELECT {cols} FROM _incoming EXCEPT ALL SELECT {cols} FROM {table}"
        )
        stale = con.execute("SELECT count(*) FROM _stale").fetchone()[0]
        fresh = con.execute("SELECT count(*) FROM _fresh").fetchone()[0]
        if stale:
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM _stale)")
        if fresh:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _fresh")
        return stale + fresh
    finally:
        con.unregister("_incoming")
        con.execute("DROP TABLE IF EXISTS _stale; DROP TABLE IF EXISTS _fresh")


def step_input_sha(con: duckdb.DuckDBPyConnection, stages: Iterable[str]) -> str:
    """A hash of every day state of the given stages: what a warehouse-wide step reads has changed iff it changes."""
    rows = con.execute(
        "SELECT stage, partition_date, output_sha FROM meta.partition_state "
        "WHERE list_contains(?, stage) ORDER BY ALL",
        [list(stages)],
    ).fetchall()
    return hashlib_sha(repr(rows))


def step_done(con: duckdb.DuckDBPyConnection, step: str) -> str | None:
    row = con.execute("SELECT input_sha FROM meta.step_state WHERE step = ?", [step]).fetchone()
    return row[0] if row else None


def record_step(con: duckdb.DuckDBPyConnection, step: str, input_sha: str) -> None:
    """Note what a warehouse-wide step ran on, inside its transaction.

    The step's row exists from the start (ensure_schema seeds it), so two writers running the same step at once
    both rewrite that one row and the lake refuses the second commit: warehouse-wide steps never interleave.
    """
    if con.execute("SELECT count(*) FROM meta.step_state WHERE step = ?", [step]).fetchone()[0]:
        con.execute(
            "UPDATE meta.step_state SET input_sha = ?, finished_at = ? WHERE step = ?",
            [input_sha, _utcnow(), step],
        )
    else:
        con.execute("INSERT INTO meta.step_state VALUES (?, ?, ?)", [step, input_sha, _utcnow()])


def hashlib_sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
