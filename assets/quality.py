"""Great Expectations suites run over a stage's frames before they are published."""

from __future__ import annotations

import functools
import logging
import os
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


@functools.cache
def gx():
    """The great_expectations module, imported once per process (the import costs several seconds)."""
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    # No usage analytics: runs are offline batch jobs and must not wait on the network.
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations

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


def expect(name: str, severity: str = "critical", **kwargs):
    """One GX expectation by class name, e.g. expect('ExpectColumnValuesToNotBeNull', column='doc_id')."""
    cls = getattr(gx().expectations, name)
    return cls(severity=severity, **kwargs)


def validate(suite_name: str, frame: pl.DataFrame, expectations: list) -> SuiteResult:
    """Validate a Polars frame against a list of GX expectations (GX reads it as pandas)."""
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
