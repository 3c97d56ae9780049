"""The GX suites: specs built into GX expectations where the validation runs, in this process or the validator's."""

import inspect
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from assets import clean, copies, entities, extract, ingest, marts, quality

ROOT = Path(__file__).resolve().parents[1]

SUITES = [
    (f"{mod.__name__}.{name}", fn)
    for mod in (ingest, clean, copies, extract, entities, marts)
    for name, fn in inspect.getmembers(mod, inspect.isfunction)
    if name.endswith("_suite") and fn.__module__ == mod.__name__
]


def _columns(specs) -> list[str]:
    cols: set[str] = set()
    for s in specs:
        kw = s.kwargs
        cols.update(kw[k] for k in ("column", "column_A", "column_B") if k in kw)
        cols.update(kw.get("column_list") or [])
    return sorted(cols)


def _shape(result: quality.SuiteResult) -> list[tuple]:
    # GX orders its results its own way: compare as sets of outcomes.
    return sorted(
        (o.expectation, o.column or "", o.success, o.severity, o.unexpected_count) for o in result.outcomes
    )


@pytest.mark.parametrize("name,suite", SUITES, ids=[n for n, _ in SUITES])
def test_an_empty_frame_gets_what_gx_answers(name, suite):
    specs = suite()
    empty = pl.DataFrame({c: pl.Series([], dtype=pl.String) for c in _columns(specs)})
    shortcut = quality.validate(name, empty, specs)
    assert _shape(shortcut) == _shape(quality.validate_here(name, empty, specs))
    assert shortcut.passed and len(shortcut.outcomes) == len(specs)


def test_every_suite_names_a_gx_expectation():
    assert len(SUITES) >= 14
    for _name, suite in SUITES:
        for spec in suite():
            assert quality._expectation(spec).expectation_type == spec.type


def test_the_validator_process_answers_as_this_one():
    specs = ingest.document_suite()[:2] + [
        quality.expect("ExpectColumnValuesToBeInSet", column="k", value_set=["a"])
    ]
    frame = pl.DataFrame({"doc_id": ["D1", "D1", None], "k": ["a", "b", "a"]})
    here = quality.validate_here("t", frame, specs)
    quality.start_validator()
    try:
        there = quality.validate("t", frame, specs)
        assert quality._validator is not None
    finally:
        quality.stop_validator()
    assert _shape(there) == _shape(here)
    assert not there.passed
    failed = {(o.expectation, o.column): o.unexpected_count for o in there.errors}
    assert failed == {
        ("expect_column_values_to_not_be_null", "doc_id"): 1,
        ("expect_column_values_to_be_unique", "doc_id"): 2,
        ("expect_column_values_to_be_in_set", "k"): 1,
    }


def test_the_validator_process_reports_errors_and_its_death():
    frame = pl.DataFrame({"doc_id": ["D1"]})
    quality.start_validator()
    try:
        with pytest.raises(AttributeError):
            quality.validate("t", frame, [quality.expect("ExpectNoSuchThing", column="doc_id")])
        quality._validator._proc.kill()
        quality._validator._proc.join()
        # A validator that died leaves validation to this process: the run goes on, with the same answer.
        result = quality.validate("t", frame, ingest.document_suite()[:2])
        assert result.passed and quality._validator is None
    finally:
        quality.stop_validator()


def test_gx_imports_without_running_the_modules_it_defers():
    # A fresh interpreter: this one may already hold scipy.stats. Validation still works, and a deferred module
    # is the real one the moment something uses it.
    code = (
        "import sys, polars as pl\n"
        "from assets import quality\n"
        "r = quality.validate_here('t', pl.DataFrame({'a': [1, None]}),\n"
        "    [quality.expect('ExpectColumnValuesToNotBeNull', column='a')])\n"
        "print(sorted(n for n in quality._DEFERRED_IMPORTS if type(sys.modules[n]).__name__ == '_LazyModule'))\n"
        "print(r.errors[0].unexpected_count)\n"
        "from scipy import stats\n"
        "print(round(float(stats.norm.cdf(0)), 2))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split("\n")
    assert out[:3] == ["['altair', 'scipy.stats']", "1", "0.5"]
