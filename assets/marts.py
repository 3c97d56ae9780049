"""Stage marts: the views in sql/marts/ answering analysts' questions, validated after every run that changed data.

The views are part of the schema (created and kept current by the warehouse's migrations), so this stage only
checks them: each mart with a suite is read and validated. A mart that fails is held back (recorded in
meta.mart_status and left out of the published snapshot) while everything else is published.
"""

import datetime as dt
from collections.abc import Callable

from assets import contract, quality, stage
from assets import warehouse as wh

STEP = "marts"


def fact_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeUnique", column="fact_id"),
        e("ExpectColumnValuesToBeInSet", column="status", value_set=["corroborated", "discrepant"]),
        # signed values: opposite signs of equal size differ by 2
        e("ExpectColumnValuesToBeBetween", column="relative_difference", min_value=0, max_value=2),
        e("ExpectColumnValuesToBeBetween", column="n_sources", min_value=2),
        e("ExpectColumnValuesToNotBeNull", column="unit"),
    ]


def pair_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeInSet", column="status", value_set=["corroborated", "discrepant"]),
        e("ExpectColumnValuesToBeBetween", column="relative_difference", min_value=0, max_value=2),
        e("ExpectColumnValuesToNotBeNull", column="fact_id"),
    ]


def quote_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="quote"),
        e("ExpectColumnValuesToBeUnique", column="claim_id"),
        e("ExpectColumnValuesToNotBeNull", column="speaker_name", severity="warning"),
    ]


def variant_suite() -> list:
    e = quality.expect
    return [
        e(
            "ExpectColumnValuesToBeInSet",
            column="status",
            value_set=["agreed", "different_speaker", "reworded"],
        ),
        e("ExpectCompoundColumnsToBeUnique", column_list=["claim_a", "claim_b"]),
        e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="claim_b", column_B="claim_a"),
    ]


SUITES: dict[str, Callable[[], list]] = {
    "marts.figure_facts": fact_suite,
    "marts.figures_compared": pair_suite,
    "marts.quotes_by_speaker": quote_suite,
    "marts.quote_variants": variant_suite,
}


def marts() -> list[contract.Relation]:
    return [r for r in contract.relations().values() if r.schema == "marts"]


def validate(con) -> tuple[dict[str, quality.SuiteResult], dict[str, int]]:
    """Each mart with a suite, validated over its current rows; and those marts' row counts."""
    results, counts = {}, {}
    for name, suite in SUITES.items():
        frame = con.execute(f"SELECT * FROM {name}").pl()
        results[name] = quality.validate(name.replace(".", "_"), frame, suite())
        counts[name] = frame.height
    return results, counts


def record(con, results: dict[str, quality.SuiteResult]) -> list[str]:
    """meta.mart_status for every mart; returns the marts held back."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows, held = [], []
    for m in marts():
        res = results.get(m.name)
        if res is not None and not res.passed:
            held.append(m.name)
            detail = "; ".join(o.describe() for o in res.errors)
        else:
            detail = "no suite" if res is None else f"{len(res.outcomes)} expectations met"
        rows.append(
            {
                "mart": m.name,
                "status": "held_back" if m.name in held else "passed",
                "detail": detail,
                "checked_at": now,
            }
        )
    with wh.transaction(con):
        con.execute("DELETE FROM meta.mart_status")
        wh.insert_frame(con, "meta.mart_status", contract.relation("meta.mart_status").frame(rows))
    return held


def check(con, log=print) -> tuple[dict[str, quality.SuiteResult] | None, list[str], dict[str, int]]:
    """Validate the marts unless no data changed since they last were: (results or None, held back, row counts of
    the validated marts)."""
    input_sha = stage.fingerprint(
        wh.step_input_sha(con, ["ingest", "clean", "extract"]),
        wh.step_done(con, "entities"),
        contract.contract_sha(),
    )
    if wh.step_done(con, STEP) == input_sha:
        log("marts: no data changed since they were last validated")
        held = [
            m
            for (m,) in con.execute("SELECT mart FROM meta.mart_status WHERE status = 'held_back'").fetchall()
        ]
        return None, held, {}
    results, counts = validate(con)
    held = record(con, results)
    with wh.transaction(con):
        wh.record_step(con, STEP, input_sha)
    # Only the validated marts are counted (their rows are in hand): counting every view re-ran the cross-source
    # ones over the whole warehouse, minutes at 10,000 syndicated documents.
    return results, held, counts
