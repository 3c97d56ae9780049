"""Quality gate of the cross-source layer on the multi-outlet corpora: tests/fixtures/outlets (development: the
metadata and figure rules were tuned on it) and tests/fixtures/outlets_heldout (written apart from the rules,
measured blind once, now a regression guard).

The corpus goes through the whole graph; bench/outlets.py scores metadata, copies, facts and quotes across outlets
against its gold, and each metric is held to the floor recorded in floors.json beside the gold (with the corpus
hash: a changed corpus needs a reviewed floors file).
"""

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from assets import contract
from conftest import load_bench, run_graph

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = ("outlets", "outlets_heldout")
bench = load_bench("outlets")


def corpus_sha(corpus: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(
        p for p in corpus.rglob("*") if p.is_file() and p.name not in ("floors.json", "README.md")
    ):
        digest.update(path.relative_to(corpus).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module", params=CORPORA)
def corpus(request) -> Path:
    return FIXTURES / request.param


@pytest.fixture(scope="module")
def warehouse(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp(corpus.name) / "warehouse.duckdb"
    days = sorted(p.name for p in (corpus / "inbox").iterdir() if p.is_dir())
    assert run_graph(corpus / "inbox", db, days[0], days[-1]).success
    return db


@pytest.fixture(scope="module")
def report(corpus, warehouse):
    return bench.score(corpus, warehouse.with_name("warehouse.read.duckdb"))


@pytest.mark.parametrize("name", CORPORA)
def test_the_floors_are_for_this_corpus(name):
    floors = json.loads((FIXTURES / name / "floors.json").read_text())
    assert floors["corpus_sha256"] == corpus_sha(FIXTURES / name), (
        "the corpus changed: measure it, review floors.json"
    )


def test_cross_source_gate(corpus, report):
    pinned = json.loads((corpus / "floors.json").read_text())
    measured = {
        **{f"metadata {k}": v for k, v in report["metadata"]["accuracy"].items()},
        "copies F1": report["copies"]["f1"],
        "facts precision": report["facts"]["precision"],
        "facts recall": report["facts"]["recall"],
        "facts status accuracy": report["facts"]["status_accuracy"],
        "quotes F1": report["quotes"]["f1"],
        "quotes status accuracy": report["quotes"]["status_accuracy"],
    }
    below = {
        k: (round(measured[k], 3), floor) for k, floor in pinned["floors"].items() if measured[k] < floor
    }
    assert below == {}, bench.format_report(report, details=True)
    assert report["facts"]["traps_taken"] <= pinned["max_traps_taken"], bench.format_report(
        report, details=True
    )


def test_every_mart_gives_the_same_answer_twice(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for mart in (r.name for r in contract.published() if r.kind == "view"):
            first, second = (
                sorted(con.execute(f"SELECT * FROM {mart}").fetchall(), key=repr) for _ in range(2)
            )
            assert first == second, mart
    finally:
        con.close()


def test_the_scorer_finds_every_gold_figure_and_quote_in_the_bodies(corpus, warehouse):
    gold = json.loads((corpus / "gold.json").read_text())
    wh = bench.Warehouse(warehouse)
    try:
        missing = [
            f"{f['doc']}: {f['text']}"
            for fact in gold["facts"]
            for f in fact["figures"]
            if f["text"] not in wh.docs[f["doc"]]["body"]
        ]
        missing += [
            f"{q['doc']}: {q['text']}"
            for g in gold["quotes"]
            for q in g["instances"]
            if q["text"] not in wh.docs[q["doc"]]["body"]
        ]
    finally:
        wh.con.close()
    assert missing == []
