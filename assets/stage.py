"""What every stage shares: validate before publishing, publish in one transaction, report as asset checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import dagster as dg
import polars as pl

from assets import quality, warehouse

# BackfillPolicy is beta; every stage relies on it deliberately (single-run backfills): say so once, here.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

INVARIANTS_CHECK = "sql_invariants"


def suite_check_name(table: str) -> str:
    """Name of the asset check that reports a table's GX suite."""
    return f"{table.replace('.', '_')}_suite"


def code_version(*modules: ModuleType | str | Path) -> str:
    """A hash of the source that decides an asset's rows, so edits show the asset as changed in the UI."""
    digest = hashlib.sha256()
    for module in modules:
        path = Path(inspect.getfile(module)) if isinstance(module, ModuleType) else Path(module)
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def check_specs(
    asset_key: dg.AssetKey, tables: list[str], invariants: bool = True
) -> list[dg.AssetCheckSpec]:
    """One blocking check per table suite, plus one for the SQL invariants."""
    specs = [
        dg.AssetCheckSpec(
            suite_check_name(t),
            asset=asset_key,
            blocking=True,
            description=f"Great Expectations suite over the rows of {t}",
        )
        for t in tables
    ]
    if invariants:
        specs.append(
            dg.AssetCheckSpec(
                INVARIANTS_CHECK,
                asset=asset_key,
                blocking=True,
                description="SQL invariants across tables, run inside the publishing transaction",
            )
        )
    return specs


@dataclass
class Built:
    """One partition's (or one whole-table refresh's) rows, ready to validate and publish."""

    frames: dict[str, pl.DataFrame]
    metadata: dict[str, object] = field(default_factory=dict)


@dataclass
class Published:
    key: str
    suites: list[quality.SuiteResult]
    invariants: list[warehouse.Invariant]
    built: Built

    @property
    def ok(self) -> bool:
        return all(s.passed for s in self.suites) and all(i.passed for i in self.invariants)


def publish(
    con,
    key: str,
    built: Built,
    suites: Mapping[str, Callable[[], list]],
    invariants: list[str],
    partition_date: dt.date | None,
) -> Published:
    """Validate every frame; only if all error-level expectations pass, replace the rows in one transaction."""
    results = [
        quality.validate(table.replace(".", "_"), built.frames[table], suites[table]()) for table in suites
    ]
    if all(r.passed for r in results):
        inv = warehouse.replace_rows(con, built.frames, invariants, partition_date=partition_date)
    else:
        inv = [
            warehouse.Invariant(name=n, violations=0, sample=[{"skipped": "suite failed, nothing written"}])
            for n in invariants
        ]
    return Published(key=key, suites=results, invariants=inv, built=built)


def run_partitions(
    context: dg.AssetExecutionContext,
    con,
    build: Callable[[dt.date], Built],
    suites: Mapping[str, Callable[[], list]],
    invariants: list[str],
    skip: set[str] = frozenset(),
) -> Iterator[object]:
    """Build, validate and publish each partition of the run; fail the step if any partition was held back."""
    done: list[Published] = []
    for key in context.partition_keys:
        if key in skip:
            continue
        day = dt.date.fromisoformat(key)
        built = build(day)
        result = publish(con, key, built, suites, invariants, day)
        context.log.info(
            f"partition {key}: {'published' if result.ok else 'NOT published'} "
            + ", ".join(f"{t}={f.height}" for t, f in built.frames.items())
        )
        for suite in result.suites:
            for outcome in suite.warnings:
                context.log.warning(
                    f"partition {key}: {suite.suite}: {outcome.describe()} e.g. {outcome.sample[:3]}"
                )
        done.append(result)
    yield from report(context, done, suites, invariants)


def run_whole(context, con, built: Built, suites, invariants: list[str]) -> Iterator[object]:
    """Validate and publish an unpartitioned asset's tables."""
    yield from report(context, [publish(con, "all", built, suites, invariants, None)], suites, invariants)


def report(
    context, done: list[Published], suites: Mapping[str, Callable[[], list]], invariants: list[str]
) -> Iterator[object]:
    """Materialisation metadata and one check result per suite; raise if anything was held back."""
    published = [p for p in done if p.ok]
    held = [p for p in done if not p.ok]
    if not held:
        # With any partition held back nothing is reported as materialised: Dagster records a materialisation
        # for every partition of the run, and a held-back partition must not look up to date.
        yield dg.MaterializeResult(metadata=_materialization_metadata(published))
    for i, table in enumerate(suites):
        per_key = [(p.key, p.suites[i]) for p in done]
        yield dg.AssetCheckResult(
            check_name=suite_check_name(table),
            passed=all(s.passed for _, s in per_key),
            severity=dg.AssetCheckSeverity.ERROR,
            metadata=_suite_metadata(per_key),
        )
    if invariants:
        per_key = [(p.key, p.invariants) for p in done]
        yield dg.AssetCheckResult(
            check_name=INVARIANTS_CHECK,
            passed=all(i.passed for _, invs in per_key for i in invs),
            metadata=_invariant_metadata(per_key),
        )
    if held:
        lines = []
        for p in held:
            lines += [
                f"{p.key}: {s.suite}: {o.describe()} sample={o.sample}" for s in p.suites for o in s.errors
            ]
            lines += [
                f"{p.key}: invariant {i.name}: {i.violations} rows, e.g. {i.sample[:2]}"
                for i in p.invariants
                if not i.passed
            ]
        raise dg.Failure(
            description=f"{len(held)} of {len(done)} partition(s) failed validation and were not published "
            f"(their previous rows are intact): " + "; ".join(lines[:20]),
            metadata={"held_back": [p.key for p in held], "published": [p.key for p in published]},
        )


def _materialization_metadata(published: list[Published]) -> dict[str, object]:
    meta: dict[str, object] = {}
    if not published:
        return {"partitions": dg.MetadataValue.text("none written (no inbox folder)")}
    tables = list(published[0].built.frames)
    for table in tables:
        frames = [p.built.frames[table] for p in published]
        meta[f"rows {table}"] = dg.MetadataValue.int(sum(f.height for f in frames))
    meta["partitions"] = dg.MetadataValue.text(", ".join(p.key for p in published))
    merged: dict[str, Counter] = {}
    for p in published:
        for name, value in p.built.metadata.items():
            if isinstance(value, Mapping):
                merged.setdefault(name, Counter()).update(value)
            else:
                meta[name] = value
    for name, counts in merged.items():
        meta[name] = dg.MetadataValue.json(dict(counts.most_common()))
    return meta


def _suite_metadata(per_key: list[tuple[str, quality.SuiteResult]]) -> dict[str, object]:
    failed = [(k, o) for k, s in per_key for o in s.outcomes if not o.success]
    rows = [
        f"| {k} | {o.expectation} | {o.column or ''} | {o.severity} | {o.unexpected_count} / {o.element_count} "
        f"| {_md(o.sample)} |"
        for k, o in failed
    ]
    table = "| partition | expectation | column | severity | unexpected / rows | sample |\n|---|---|---|---|---|---|\n"
    return {
        "expectations": dg.MetadataValue.int(len(per_key[0][1].outcomes) if per_key else 0),
        "failed_expectations": dg.MetadataValue.int(len(failed)),
        "failed_errors": dg.MetadataValue.int(sum(1 for _, o in failed if o.severity == "critical")),
        "details": dg.MetadataValue.md(table + "\n".join(rows) if rows else "All expectations met."),
        "failures": dg.MetadataValue.json(
            [
                {
                    "partition": k,
                    "expectation": o.expectation,
                    "column": o.column,
                    "severity": o.severity,
                    "unexpected": o.unexpected_count,
                    "rows": o.element_count,
                    "sample": o.sample,
                }
                for k, o in failed
            ]
        ),
    }


def _invariant_metadata(per_key: list[tuple[str, list[warehouse.Invariant]]]) -> dict[str, object]:
    broken = [(k, i) for k, invs in per_key for i in invs if not i.passed]
    names = sorted({i.name for _, invs in per_key for i in invs})
    return {
        "invariants": dg.MetadataValue.text(", ".join(names)),
        "violations": dg.MetadataValue.int(sum(i.violations for _, i in broken)),
        "failures": dg.MetadataValue.json(
            [
                {"partition": k, "invariant": i.name, "rows": i.violations, "sample": i.sample}
                for k, i in broken
            ]
        ),
    }


def preview(frame: pl.DataFrame, columns: list[str], n: int = 5, width: int = 80) -> dg.MetadataValue:
    """A Markdown table of a few rows, long strings shortened."""
    head = frame.select(columns).head(n)
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in head.iter_rows():
        lines.append("| " + " | ".join(_md(v, width) for v in row) + " |")
    return dg.MetadataValue.md("\n".join(lines))


def _md(value: object, width: int = 80) -> str:
    text = str(value).replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"
