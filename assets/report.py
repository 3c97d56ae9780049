"""How stages appear in Dagster: one asset per warehouse table, its checks, and what a run reports about it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

import dagster as dg

from assets import contract, quality
from assets.stage import DayResult, Output

EXPECTATIONS = "expectations"


def key(table: str) -> dg.AssetKey:
    """raw.documents -> raw/documents."""
    return dg.AssetKey(table.split("."))


def column_schema(relation: contract.Relation) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                c.name,
                c.type,
                description=c.description,
                constraints=dg.TableColumnConstraints(nullable=c.nullable),
            )
            for c in relation.columns
        ]
    )


PER_DAY = "dossier/per_day"  # asset tag of the tables written day by day (the days-only job selects them)


def spec(
    table: str, deps: Iterable[str] = (), kinds: Iterable[str] = ("duckdb",), per_day: bool = False, **kwargs
) -> dg.AssetSpec:
    """The asset of one warehouse table or view: its description, columns and lineage come from the contract."""
    relation = contract.relation(table)
    return dg.AssetSpec(
        key(table),
        deps=[key(d) for d in deps],
        description=relation.description,
        kinds=set(kinds),
        metadata={
            "dagster/table_name": f"warehouse.{table}",
            "dagster/column_schema": column_schema(relation),
        },
        tags={"layer": relation.schema, **({PER_DAY: "true"} if per_day else {})},
        **kwargs,
    )


def check_specs(outputs: Iterable[Output]) -> list[dg.AssetCheckSpec]:
    """Per table: its Great Expectations suite, and each SQL invariant guarding it. All blocking."""
    specs = []
    for o in outputs:
        specs.append(
            dg.AssetCheckSpec(
                EXPECTATIONS,
                asset=key(o.table),
                blocking=True,
                description=f"Great Expectations suite over the rows written to {o.table}, "
                "before they are published (evaluated once per run, over its days)",
            )
        )
        for name in o.invariants:
            specs.append(
                dg.AssetCheckSpec(name, asset=key(o.table), blocking=True, description=_first_comment(name))
            )
    return specs


def _first_comment(name: str) -> str:
    text = (contract.SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8")
    first = text.splitlines()[0] if text else ""
    return first.lstrip("- ").strip() or name


def events(
    context: dg.AssetExecutionContext,
    outputs: Sequence[Output],
    results: Sequence[DayResult],
    metadata: Mapping[str, object] | None = None,
) -> Iterator[object]:
    """Materialisations and check results for a run of a stage; raises dg.Failure when a day was held back."""
    held = [r for r in results if r.status == "held"]
    for o in outputs:
        if held:
            # A held day must not look materialised: record the days that were published one by one.
            for r in results:
                if r.status == "published":
                    context.log_event(
                        dg.AssetMaterialization(
                            asset_key=key(o.table), partition=r.key, metadata={"rows": r.rows[o.table]}
                        )
                    )
        else:
            yield dg.MaterializeResult(
                asset_key=key(o.table), metadata=_table_metadata(o, results, metadata or {})
            )
    for o in outputs:
        yield from _check_results(o, results)
    if held:
        lines = [line for r in held for line in r.failures()]
        raise dg.Failure(
            description=f"{len(held)} of {len(results)} day(s) failed validation and were not published (their "
            f"previous rows are intact): " + "; ".join(lines[:20]),
            metadata={
                "held_back": [r.key for r in held],
                "published": [r.key for r in results if r.status == "published"],
            },
        )


def _table_metadata(
    o: Output, results: Sequence[DayResult], extra: Mapping[str, object]
) -> dict[str, object]:
    by_status = Counter(r.status for r in results)
    published = [r for r in results if r.status == "published"]
    meta: dict[str, object] = {
        "dagster/row_count": dg.MetadataValue.int(sum(r.rows[o.table] for r in published)),
        "days": dg.MetadataValue.json(
            {status: [r.key for r in results if r.status == status] for status in by_status}
        ),
    }
    merged: dict[str, Counter] = {}
    for r in published:
        for name, counts in r.counters.items():
            if name.startswith(o.table + ":") or ":" not in name:
                merged.setdefault(name.split(":", 1)[-1], Counter()).update(counts)
    for name, counts in merged.items():
        meta[name] = dg.MetadataValue.json(dict(counts.most_common()))
    sample = next((r.preview[o.table] for r in published if o.table in r.preview), None)
    if sample is not None:
        cols = [c for c in sample.columns if not c.startswith("_")][:6]
        meta["preview"] = preview(sample.select(cols).rows(), cols)
    return {**meta, **{k: v for k, v in extra.items() if k.startswith(o.table + ":")}}


def suite_metadata(per_day: Sequence[tuple[str, quality.SuiteResult]]) -> dict[str, object]:
    """What a Great Expectations check reports: the days checked, and every failed expectation with a sample."""
    failed = [(k, oc) for k, s in per_day for oc in s.outcomes if not oc.success]
    return {
        "days checked": dg.MetadataValue.text(
            ", ".join(dict.fromkeys(k for k, _ in per_day)) or "none (all days unchanged)"
        ),
        "failed_expectations": dg.MetadataValue.int(len(failed)),
        "failures": dg.MetadataValue.json(
            [
                {
                    "day": k,
                    "expectation": oc.expectation,
                    "column": oc.column,
                    "severity": oc.severity,
                    "unexpected": oc.unexpected_count,
                    "rows": oc.element_count,
                    "sample": oc.sample,
                }
                for k, oc in failed
            ]
        ),
        "details": preview(
            [
                (
                    k,
                    oc.expectation,
                    oc.column or "",
                    oc.severity,
                    f"{oc.unexpected_count} / {oc.element_count}",
                    oc.sample,
                )
                for k, oc in failed
            ],
            ["day", "expectation", "column", "severity", "unexpected / rows", "sample"],
        )
        if failed
        else dg.MetadataValue.md("All expectations met."),
    }


def _check_results(o: Output, results: Sequence[DayResult]) -> Iterator[dg.AssetCheckResult]:
    per_day = [(r.key, s) for r in results for s in r.suites.get(o.table, [])]
    yield dg.AssetCheckResult(
        asset_key=key(o.table),
        check_name=EXPECTATIONS,
        passed=all(s.passed for _, s in per_day),
        severity=dg.AssetCheckSeverity.ERROR,
        metadata=suite_metadata(per_day),
    )
    for name in o.invariants:
        runs = [(r.key, i) for r in results for i in r.invariants if i.name == name]
        broken = [(k, i) for k, i in runs if not i.passed]
        yield dg.AssetCheckResult(
            asset_key=key(o.table),
            check_name=name,
            passed=not broken,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "days checked": dg.MetadataValue.text(", ".join(k for k, _ in runs) or "none"),
                "violations": dg.MetadataValue.int(sum(i.violations for _, i in broken)),
                "failures": dg.MetadataValue.json(
                    [{"day": k, "rows": i.violations, "sample": list(i.sample)} for k, i in broken]
                ),
            },
        )


def unchanged_checks(o: Output) -> Iterator[dg.AssetCheckResult]:
    """Check results for a table a warehouse-wide step left as it was (its inputs did not change)."""
    for name in (EXPECTATIONS, *o.invariants):
        yield dg.AssetCheckResult(
            asset_key=key(o.table),
            check_name=name,
            passed=True,
            metadata={"unchanged": dg.MetadataValue.text("inputs unchanged: not re-run")},
        )


def preview(rows: Iterable[Sequence[object]], columns: Sequence[str], width: int = 80) -> dg.MetadataValue:
    """A Markdown table of a few rows, long strings shortened, nulls shown as empty cells."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in list(rows)[:8]:
        lines.append("| " + " | ".join(_md(v, width) for v in row) + " |")
    return dg.MetadataValue.md("\n".join(lines))


def _md(value: object, width: int) -> str:
    if value is None:
        return ""
    text = str(value).replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"
