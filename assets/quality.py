"""Great Expectations suites run over a stage's frames before they are published.

Suites are lists of `Spec`s (a GX expectation's class name and arguments) so that defining one costs nothing: GX
itself is imported only where a validation runs. `dossier run` starts that place first thing, as a separate
process (`start_validator`): importing GX takes 3-4 s (5-6 s without the deferred modules below), which then
overlaps Dagster's start-up and the first stages instead of adding to them.
"""

from __future__ import annotations

import atexit
import functools
import importlib.abc
import importlib.util
import logging
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

SAMPLE_SIZE = 5


@dataclass(frozen=True)
class Outcome:
    expectation: str
    column: str | None
    success: bool
    severity: str  # critical | warning | info
    element_count: int
    unexpected_count: int
    sample: list[Any] = field(default_factory=list)

    def describe(self) -> str:
        where = f"{self.column}: " if self.column else ""
        return f"{where}{self.expectation} — {self.unexpected_count} of {self.element_count} rows unexpected"


@dataclass(frozen=True)
class SuiteResult:
    suite: str
    outcomes: list[Outcome]

    @property
    def errors(self) -> list[Outcome]:
        """Failed expectations at critical severity: these stop a partition from being published."""
        return [o for o in self.outcomes if not o.success and o.severity == "critical"]

    @property
    def warnings(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success and o.severity != "critical"]

    @property
    def passed(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Spec:
    """One expectation: a GX expectation class name, its severity and its arguments (lists kept as tuples, so a
    spec is hashable and cheap to send to the validator process)."""

    name: str
    severity: str
    args: tuple[tuple[str, Any], ...]

    @property
    def kwargs(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.args}

    @property
    def type(self) -> str:
        """GX's name for it: ExpectColumnValuesToBeUnique -> expect_column_values_to_be_unique."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", self.name).lower()


# GX imports these at module level for expectations and renderers Dossier never uses (a KL-divergence chart): about
# 2 of the import's 5 s. They are loaded on first attribute access instead, through the standard library's
# LazyLoader, so an expectation that does need them still gets the real module.
_DEFERRED_IMPORTS = ("scipy.stats", "altair")


class _Deferred(importlib.abc.MetaPathFinder):
    """Finds the named modules with a LazyLoader: the module object exists at import, its code runs on first use."""

    def __init__(self, names: Iterable[str]):
        self.names = set(names)

    def find_spec(self, name, path, target=None):
        if name not in self.names:
            return None
        self.names.discard(name)  # find_spec below must see the real finders
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


@functools.cache
def gx():
    """The great_expectations module, imported once per process (the import costs several seconds)."""
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    # No usage analytics: runs are offline batch jobs and must not wait on the network.
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    deferred = _Deferred(n for n in _DEFERRED_IMPORTS if n not in sys.modules)
    sys.meta_path.insert(0, deferred)
    try:
        import great_expectations
    finally:
        sys.meta_path.remove(deferred)
    return great_expectations


@functools.cache
def _context():
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx().get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@functools.cache
def _batch_definition(suite_name: str):
    source = _context().data_sources.add_or_update_pandas(f"dossier_{suite_name}")
    return source.add_dataframe_asset(suite_name).add_batch_definition_whole_dataframe("frame")


def expect(name: str, severity: str = "critical", **kwargs) -> Spec:
    """One GX expectation by class name, e.g. expect('ExpectColumnValuesToNotBeNull', column='doc_id')."""
    args = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    return Spec(name, severity, args)


@functools.cache
def _expectation(spec: Spec):
    return getattr(gx().expectations, spec.name)(severity=spec.severity, **spec.kwargs)


class _Validator:
    """A process that imports GX at once and then validates what it is sent, one suite at a time.

    A plain process and pipe, not a ProcessPoolExecutor: the executor's worker ends through the interpreter's
    normal shutdown, which takes 2-3 s after GX; this one leaves with os._exit."""

    def __init__(self):
        ctx = multiprocessing.get_context("spawn")  # never fork: the parent holds DuckDB and Dagster threads
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child,), name="dossier-validator", daemon=True)
        self._proc.start()
        child.close()

    def validate(self, suite_name: str, frame: pl.DataFrame, specs: tuple[Spec, ...]) -> SuiteResult:
        self._conn.send((suite_name, frame, specs))
        ok, value = self._conn.recv()
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        self._conn.close()  # the process sees EOF and exits
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()


def _serve(conn) -> None:
    # GX's progress bars (tqdm, off here anyway) would take a multiprocessing lock, a semaphore that os._exit
    # below would leave for the resource tracker to warn about; a thread lock does as well in this process.
    from tqdm import tqdm

    tqdm.set_lock(threading.RLock())
    gx()
    _context()
    while True:
        try:
            request = conn.recv()
        except EOFError:
            os._exit(0)  # nothing to clean up; a normal interpreter exit here takes 1-2 s
        try:
            conn.send((True, validate_here(*request)))
        except Exception as exc:  # the caller raises it
            conn.send((False, exc))


_validator: _Validator | None = None


def start_validator() -> None:
    """Run validations in a separate process from now on; it imports GX at once, in the background."""
    global _validator
    if _validator is None:
        _validator = _Validator()
        atexit.register(stop_validator)


def stop_validator() -> None:
    global _validator
    if _validator is not None:
        _validator.stop()
        _validator = None


def validate(suite_name: str, frame: pl.DataFrame, specs: Iterable[Spec]) -> SuiteResult:
    """Validate a Polars frame against a suite, in the validator process when one is running."""
    specs = tuple(specs)
    if frame.height == 0:
        # Every expectation Dossier uses is about rows, so over no rows it holds, as GX itself answers (checked
        # by tests/test_quality.py); skipping GX here saves 0.1-0.4 s a table on days with little data.
        return SuiteResult(suite_name, [_vacuous(s) for s in specs])
    if _validator is not None:
        try:
            return _validator.validate(suite_name, frame, specs)
        except (EOFError, BrokenPipeError, ConnectionResetError):
            logging.getLogger(__name__).warning("the validator process died; validating in this process")
            stop_validator()
    return validate_here(suite_name, frame, specs)


def _vacuous(spec: Spec) -> Outcome:
    kwargs = spec.kwargs
    return Outcome(spec.type, kwargs.get("column") or _pair(kwargs), True, spec.severity, 0, 0)


def validate_here(suite_name: str, frame: pl.DataFrame, specs: Iterable[Spec]) -> SuiteResult:
    """Validate a Polars frame with GX in this process (GX reads it as pandas)."""
    expectations = [_expectation(s) for s in specs]
    suite = gx().ExpectationSuite(name=suite_name, expectations=[e.copy() for e in expectations])
    batch = _batch_definition(suite_name).get_batch(batch_parameters={"dataframe": frame.to_pandas()})
    result = batch.validate(
        suite, result_format={"result_format": "SUMMARY", "partial_unexpected_count": SAMPLE_SIZE}
    )
    outcomes = []
    for r in result.results:
        config = r.expectation_config
        stats = r.result or {}
        outcomes.append(
            Outcome(
                expectation=config.type,
                column=config.kwargs.get("column") or _pair(config.kwargs),
                success=bool(r.success),
                severity=str(getattr(config.severity, "value", config.severity) or "critical"),
                element_count=int(stats.get("element_count") or len(frame)),
                unexpected_count=int(stats.get("unexpected_count") or (0 if r.success else len(frame) or 1)),
                sample=_plain(stats.get("partial_unexpected_list") or stats.get("observed_value")),
            )
        )
    return SuiteResult(suite=suite_name, outcomes=outcomes)


def _pair(kwargs: dict) -> str | None:
    if "column_A" in kwargs:
        return f"{kwargs['column_A']} = {kwargs['column_B']}"
    if "column_list" in kwargs:
        return ", ".join(kwargs["column_list"])
    return None


def _plain(value: Any) -> list[Any]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [v if isinstance(v, (int, float, bool)) else str(v)[:200] for v in values[:SAMPLE_SIZE]]
