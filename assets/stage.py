"""What every stage shares: skip unchanged days, build rows, validate, publish each day in one transaction, report.

A day stage (ingest, clean, extract) reads a day's inputs as a stream of work items, builds table rows from
them (in worker processes when the stage allows), validates each chunk of rows with the tables' Great
Expectations suites, and writes the day inside ONE transaction that also runs the SQL invariants and records the
day's fingerprint; anything failing rolls the day back, so its previous rows stay. A day whose inputs and code are
unchanged since it was last published is skipped. Memory stays flat: only a chunk of rows is held at a time.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import functools
import hashlib
import inspect
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import polars as pl

from assets import contract, progress, quality, warehouse
from assets.workers import Pool

Rows = dict[str, list[dict]]  # table -> rows, as a stage's build step returns them


@dataclass(frozen=True)
class Output:
    """A table a stage writes, with its Great Expectations suite and the SQL invariants that guard it."""

    table: str
    suite: Callable[[], list]
    invariants: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(
        default_factory=dict
    )  # validation-only columns, e.g. {"_slice": pl.String}

    @property
    def relation(self) -> contract.Relation:
        return contract.relation(self.table)

    def frame(self, rows: list[dict]) -> pl.DataFrame:
        return self.relation.frame(rows, **self.extra)


@dataclass(frozen=True)
class Inputs:
    """A day's inputs: a fingerprint (same fingerprint, same rows) and the work items to build rows from."""

    fingerprint: str
    items: Iterable[Any]
    total: int  # number of documents, for progress
    missing: bool = False  # no input at all for the day (e.g. no inbox folder): leave the day as stored


@dataclass(frozen=True)
class DayStage:
    """One stage of the per-day pipeline."""

    name: str
    outputs: tuple[Output, ...]
    code_version: str
    inputs: Callable[[Any, dt.date], Inputs]  # (connection, day) -> Inputs, read by the writing process
    build: Callable[[Any], Rows]  # work item -> rows; module-level, so worker processes can run it
    items_per_chunk: int = 200  # work items validated and written together
    count: Callable[[Any], int] = len  # documents in a work item, for progress
    # in the writer, before validation (e.g. dedupe), with a dict that lives for one publishing attempt of the day
    review: Callable[[Any, dt.date, Rows, dict], Rows] | None = None
    describe: Callable[[Mapping[str, pl.DataFrame]], Mapping[str, Counter]] | None = None  # metadata counters
    parallel: bool = False  # build in worker processes ...
    parallel_min_docs: int = (
        48  # ... when the day (or the run so far) has this many documents (starting workers costs seconds)
    )

    @property
    def tables(self) -> list[str]:
        return [o.table for o in self.outputs]

    @property
    def columns(self) -> tuple:
        """The columns the stage writes: a day is redone when they change (a view or comment change is not enough)."""
        return tuple((o.table, tuple((c.name, c.type) for c in o.relation.columns)) for o in self.outputs)

    @property
    def invariants(self) -> list[str]:
        return [name for o in self.outputs for name in o.invariants]


@dataclass
class DayResult:
    """What happened to one day of one stage."""

    day: dt.date | None  # None: a warehouse-wide step
    status: str  # published | held | skipped | missing
    rows: Counter = field(default_factory=Counter)
    suites: dict[str, list[quality.SuiteResult]] = field(default_factory=dict)
    invariants: list[warehouse.Invariant] = field(default_factory=list)
    counters: dict[str, Counter] = field(default_factory=dict)
    preview: dict[str, pl.DataFrame] = field(default_factory=dict)
    reason: str = ""

    @property
    def key(self) -> str:
        return self.day.isoformat() if self.day else "all"

    def failures(self) -> list[str]:
        lines = [
            f"{self.key}: {s.suite}: {o.describe()} sample={o.sample}"
            for results in self.suites.values()
            for s in results
            for o in s.errors
        ]
        lines += [
            f"{self.key}: invariant {i.name}: {i.violations} rows, e.g. {list(i.sample[:2])}"
            for i in self.invariants
            if not i.passed
        ]
        return lines + ([f"{self.key}: {self.reason}"] if self.reason else [])


def code_version(*sources: ModuleType | str | Path) -> str:
    """A hash of the source that decides an asset's rows (every file of a package), so edits show as changes."""
    digest = hashlib.sha256()
    for source in sources:
        path = Path(inspect.getfile(source)) if isinstance(source, ModuleType) else Path(source)
        files = (
            sorted(p for p in path.parent.rglob("*") if p.suffix in (".py", ".toml", ".csv"))
            if path.name == "__init__.py"
            else [path]
        )
        for f in files:
            digest.update(f.name.encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


def batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    """Lists of up to n consecutive items (itertools.batched arrives only in Python 3.12)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def fingerprint(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:24]


def run_days(
    con, stage: DayStage, days: Iterable[dt.date], pool: Pool, log: Callable[[str], None] | None = None
) -> list[DayResult]:
    """Publish each day of a stage (or skip it when unchanged); the results say what happened to each.

    When the worker processes build, one stream of work items runs across all the days to publish: while the writer
    validates and commits a day, the workers already build the next (a pool that waited at every day's end sat idle
    through each commit and each day's last, slowest item)."""
    days = list(days)
    known = warehouse.partition_state(con, stage.name, days)
    plan: list[tuple[dt.date, Inputs | None, str, str]] = []  # day, inputs, fingerprint, status
    for day in days:
        inputs = stage.inputs(con, day)
        fp = fingerprint(inputs.fingerprint, stage.code_version, stage.columns)
        if inputs.missing:
            plan.append((day, None, fp, "missing"))
        elif day in known and known[day][0] == fp:
            plan.append((day, None, fp, "skipped"))
        else:
            plan.append((day, inputs, fp, "todo"))
    todo = [(day, inputs) for day, inputs, _, status in plan if status == "todo"]
    parallel = stage.parallel and sum(i.total for _, i in todo) >= stage.parallel_min_docs
    stream = _Stream(pool, stage, todo) if parallel and pool.workers > 1 else None
    results = []
    # read once, not per day: it prints rounded, and each read-and-set-back would lower it a little
    (limit,) = con.execute("SELECT current_setting('memory_limit')").fetchone()
    for day, inputs, fp, status in plan:
        if status == "todo":
            try:
                results.append(_publish_retrying(con, stage, day, inputs, fp, pool, log, parallel, stream))
            finally:
                if stream:
                    stream.skip(day)  # what a held or failed day left unread
            _evict_cache(con, limit)
            _trim_heap()
        else:
            results.append(DayResult(day, status))
            if log:
                log(f"{stage.name} {day}: {status} ({'unchanged' if status == 'skipped' else 'no input'})")
    return results


@functools.cache
def _libc():
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to hand back this way
        return None


def _evict_cache(con, limit: str) -> None:
    """Drop the blocks DuckDB cached while reading the warehouse, between days.

    Why: DuckDB keeps every block it has read until its memory limit (80 % of RAM) forces it out, so a writer that
    reads a little of each earlier day for dedupe, inputs and checks grew with the warehouse (DuckDB's memory at day
    boundaries: 33-42 MB after ten days of 100 documents, 76-116 MB after ten of 1,000; a test of 300,000 stored
    rows read once held 16 MB of cache after the day ended). DuckDB has no
    statement to empty its cache; lowering the limit evicts down to it, and the old limit goes straight back. Between
    days nothing of this connection is running, so nothing pinned is lost; what cannot be evicted stays."""
    try:
        con.execute(f"SET memory_limit = '{_CACHE_FLOOR}'")
    except duckdb.Error:  # held memory above the floor: DuckDB evicted what it could and kept the old limit
        return
    con.execute(f"SET memory_limit = '{limit}'")


_CACHE_FLOOR = "1MB"


def _trim_heap() -> None:
    """Hand the C heap's free pages back to the system after a day: glibc keeps them for reuse (measured in the
    writer after ten days of 1,000 documents: 46 MB free inside the heap, 18 MB after ten of 100)."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


class _Stream:
    """The build results of several days' work items in order, taken day by day.

    Each item is tagged when the pool draws it (its day, its documents, whether it is the day's last), so a day's
    results end without waiting for the next day's first."""

    def __init__(self, pool: Pool, stage: DayStage, todo: list[tuple[dt.date, Inputs]]):
        self._tags: deque[tuple[dt.date, int, bool]] = deque()
        self._drawn: set[dt.date] = set()  # days whose items have all been drawn
        self._head: tuple[Rows, tuple[dt.date, int, bool]] | None = None  # a result taken, not yet handed out
        self._results = pool.map(stage.build, self._feed(stage, todo))

    def _feed(self, stage: DayStage, todo: list[tuple[dt.date, Inputs]]) -> Iterator[Any]:
        end = object()
        for day, inputs in todo:
            items = iter(inputs.items)
            item = next(items, end)
            while item is not end:
                after = next(items, end)  # one item read ahead: the last one is tagged as such
                self._tags.append((day, stage.count(item), after is end))
                yield item
                item = after
            self._drawn.add(day)

    def take(self, day: dt.date) -> Iterator[tuple[Rows, int]]:
        """The day's results not yet taken, with each item's document count."""
        while True:
            if self._head is None:
                if self._tags and self._tags[0][0] != day:
                    return  # the day's items are all taken: the next one drawn is another day's
                if not self._tags and day in self._drawn:
                    return
                rows = next(self._results, None)  # waits for (or, in this process, builds) the next item
                if rows is None:
                    return
                self._head = (rows, self._tags.popleft())
            rows, (tag_day, n, last) = self._head
            if tag_day != day:
                return  # a day with no items: what was drawn belongs to a later one
            self._head = None
            yield rows, n
            if last:
                return

    def skip(self, day: dt.date) -> None:
        for _ in self.take(day):
            pass


def _publish_retrying(
    con,
    stage: DayStage,
    day: dt.date,
    inputs: Inputs,
    fp: str,
    pool: Pool,
    log,
    parallel: bool = False,
    stream: _Stream | None = None,
) -> DayResult:
    """publish_day, redone from scratch when a DuckLake commit lost a race with another writer (the day's rows are
    deleted and inserted in one transaction, so a retry never duplicates them)."""
    for attempt in range(warehouse.LAKE_ATTEMPTS):
        try:
            # what the other writer committed may change this day's inputs: read and build them again
            if attempt:
                inputs = stage.inputs(con, day)
                fp = fingerprint(inputs.fingerprint, stage.code_version, stage.columns)
                if stream:
                    stream.skip(day)
                    stream = None
            built = stream.take(day) if stream else None
            return publish_day(con, stage, day, inputs, fp, pool, log, parallel, built)
        except Exception as exc:
            if not warehouse.is_conflict(exc) or attempt == warehouse.LAKE_ATTEMPTS - 1:
                raise
            warehouse.rollback_quietly(con)
            if log:
                log(f"{stage.name} {day}: another writer committed first; publishing the day again")
            warehouse.backoff(attempt)
    raise AssertionError("unreachable")


def publish_day(
    con,
    stage: DayStage,
    day: dt.date,
    inputs: Inputs,
    fp: str,
    pool: Pool,
    log: Callable[[str], None] | None = None,
    parallel: bool = False,
    built: Iterator[tuple[Rows, int]] | None = None,
) -> DayResult:
    """Replace one day's rows of every table of the stage in one transaction, or leave them as they were.

    Rows come from `built` (a stream running across days) or are built here, in the worker processes when
    `parallel` (the stage allows it and the run has enough documents to pay for starting them)."""
    result = DayResult(day, "published", suites={t: [] for t in stage.tables})
    output_digest = hashlib.sha256()
    attempt_state: dict = {}
    track = progress.tracker(stage.name, day.isoformat(), inputs.total, log)
    try:
        with _Spill() as spill:
            if built is None:
                sizes: deque[int] = deque()

                def counted(items: Iterable[Any]) -> Iterator[Any]:
                    for item in items:
                        sizes.append(stage.count(item))
                        yield item

                mapped = pool.map(stage.build, counted(inputs.items), parallel=parallel and stage.parallel)
                built = ((rows, sizes.popleft()) for rows in mapped)
            for rows, n_docs in _chunks(built, stage.items_per_chunk):
                if stage.review:
                    rows = stage.review(con, day, rows, attempt_state)
                frames = {o.table: o.frame(rows.get(o.table, [])) for o in stage.outputs}
                if not _validate(stage, frames, result):
                    break
                for o in stage.outputs:
                    spill.add(o.table, frames[o.table])
                    result.rows[o.table] += frames[o.table].height
                    output_digest.update(_frame_digest(frames[o.table]))
                _collect(stage, frames, result)
                track.advance(n_docs)
            if result.status == "published":
                _replace_day(con, stage, day, fp, spill, result, output_digest.hexdigest()[:24])
    except BaseException:
        track.finish("failed")
        raise
    track.finish(result.status)
    return result


def _replace_day(
    con, stage: DayStage, day: dt.date, fp: str, spill: _Spill, result: DayResult, sha: str
) -> None:
    """The one transaction of a day: its old rows out, the spilled ones in, invariants, bookkeeping."""
    con.begin()
    try:
        warehouse.delete_rows(con, stage.tables, day)
        for table in stage.tables:
            spill.insert(con, table)
        result.invariants = warehouse.run_invariants(con, stage.invariants, {"partition_date": day})
        if not all(i.passed for i in result.invariants):
            result.status = "held"
            con.rollback()
            return
        warehouse.record_partition(con, stage.name, day, fp, sha, sum(result.rows.values()))
        warehouse.hold_for_fault_injection(stage.tables)
        con.commit()
    except BaseException:
        warehouse.rollback_quietly(con)
        raise


class _Spill:
    """A day's validated rows in Parquet files until its transaction inserts them all at once.

    Why: DuckDB keeps the rows a transaction appends in small inserts in memory until it commits (measured: three
    tables of 450,000 rows held 217 MB), so a day written chunk by chunk inside its transaction cost memory in
    proportion to the day; one INSERT … SELECT from files is written to the database file row group by row
    group as it goes."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="dossier-day-")
        self._files: dict[str, list[str]] = {}

    def __enter__(self) -> _Spill:
        return self

    def __exit__(self, *exc) -> None:
        self._dir.cleanup()

    def add(self, table: str, frame: pl.DataFrame) -> None:
        if not frame.height:
            return
        files = self._files.setdefault(table, [])
        path = str(Path(self._dir.name) / f"{table}.{len(files):05d}.parquet")
        frame.select([c for c in frame.columns if not c.startswith("_")]).write_parquet(path)
        files.append(path)

    def insert(self, con, table: str) -> None:
        if self._files.get(table):
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)", [self._files[table]])


def _chunks(results: Iterator[tuple[Rows, int]], size: int) -> Iterator[tuple[Rows, int]]:
    """Merge consecutive build results into chunks of about `size` work items, with their document counts."""
    merged: Rows = {}
    n = docs = 0
    for rows, n_docs in results:
        for table, part in rows.items():
            merged.setdefault(table, []).extend(part)
        n, docs = n + 1, docs + n_docs
        if n >= size:
            yield merged, docs
            merged, n, docs = {}, 0, 0
    if n or not merged:
        yield merged, docs


def _validate(stage: DayStage, frames: Mapping[str, pl.DataFrame], result: DayResult) -> bool:
    ok = True
    for o in stage.outputs:
        suite = quality.validate(o.table.replace(".", "_"), frames[o.table], o.suite())
        result.suites[o.table].append(suite)
        ok = ok and suite.passed
    if not ok:
        result.status = "held"
    return ok


def _collect(stage: DayStage, frames: Mapping[str, pl.DataFrame], result: DayResult) -> None:
    if stage.describe:
        for name, counts in stage.describe(frames).items():
            result.counters.setdefault(name, Counter()).update(counts)
    for table, frame in frames.items():
        if table not in result.preview and frame.height:
            result.preview[table] = frame.head(5)


def _frame_digest(frame: pl.DataFrame) -> bytes:
    if not frame.height:
        return b"0"
    cols = [c for c in frame.columns if not c.startswith("_") and c not in ("ingested_at", "seen_at")]
    return str(frame.select(cols).hash_rows(seed=0).sum()).encode()


def publish_whole(
    con,
    outputs: Iterable[Output],
    compute: Callable[[], Mapping[str, pl.DataFrame]],
    keys: Mapping[str, str],
    on_commit: Callable[[], None] | None = None,
) -> tuple[DayResult, Mapping[str, pl.DataFrame]]:
    """Make whole (unpartitioned) tables equal to what `compute` returns, in one transaction: computed from the
    same snapshot that is written (another lake writer's later commits are not half seen), validated, touching only
    changed rows (by each table's key column), rolled back if an expectation or an invariant fails."""
    outputs = list(outputs)
    result = DayResult(None, "published", suites={o.table: [] for o in outputs})
    con.begin()
    try:
        frames = compute()
        for o in outputs:
            result.suites[o.table].append(
                quality.validate(o.table.replace(".", "_"), frames[o.table], o.suite())
            )
        if all(s.passed for results in result.suites.values() for s in results):
            for o in outputs:
                result.rows[o.table] = frames[o.table].height
                result.counters[f"{o.table}:rows changed"] = Counter(
                    {"rows": warehouse.replace_changed(con, o.table, frames[o.table], keys[o.table])}
                )
            result.invariants = warehouse.run_invariants(con, [i for o in outputs for i in o.invariants])
        if (
            result.suites
            and all(s.passed for rs in result.suites.values() for s in rs)
            and all(i.passed for i in result.invariants)
        ):
            if on_commit:
                on_commit()
            warehouse.hold_for_fault_injection(result.rows)
            con.commit()
        else:
            result.status = "held"
            con.rollback()
    except BaseException:
        warehouse.rollback_quietly(con)
        raise
    return result, frames
