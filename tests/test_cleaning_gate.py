"""Quality gate of the boilerplate remover on the annotated cleaning corpus (tests/fixtures/cleaning).

The corpus's pages go through repeated_by_group (grouped by the outlet each page names, as a caller grouping by
outlet would) and clean_text; the bodies are scored against gold.json with the benchmark's 4-token shingle F1
(bench/cleaning.py) and held to the floors pinned in floors.json, as trafilatura's CI holds its extractor to
one. floors.json carries the corpus hash it was measured on: a changed corpus fails here until the floors are
measured and pinned again (in the same commit, where the change shows), so floors are never lowered silently.
The self-tests check the scorer itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import load_bench

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "cleaning"
FLOORS = json.loads((FIXTURES / "floors.json").read_text(encoding="utf-8"))
# A floor sits a little under its measured value: no more than this far, so that it still catches a regression.
MAX_SLACK = 0.05


bench = load_bench("cleaning")
floors_bench = load_bench("cleaning_floors")


@pytest.fixture(scope="module")
def corpus() -> tuple[dict, dict[str, str]]:
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    texts = {name: (FIXTURES / f"{name}.txt").read_text(encoding="utf-8") for name in gold}
    return gold, texts


@pytest.fixture(scope="module")
def cleaned(corpus):
    _, texts = corpus
    return floors_bench.clean_corpus(texts)


def test_floors_were_measured_on_this_corpus(corpus):
    gold, _ = corpus
    assert FLOORS["corpus_sha256"] == floors_bench.corpus_hash(), (
        "corpus changed: measure it and pin floors.json again"
    )
    assert FLOORS["pages"] == len(gold)


def test_floors_are_honest():
    measured, floors = FLOORS["measured"], FLOORS["floors"]
    for name, floor in floors.items():
        assert measured[name] - MAX_SLACK <= floor <= measured[name], name


def test_every_gold_page_has_its_text(corpus):
    gold, texts = corpus
    assert gold and set(texts) == set(gold)


def test_scorer_gold_as_prediction_is_perfect(corpus):
    gold, _ = corpus
    truth = {k: v["body"] for k, v in gold.items()}
    assert bench.score(truth, truth)["f1"] == pytest.approx(1.0)


def test_scorer_empty_prediction_recalls_nothing(corpus):
    gold, _ = corpus
    truth = {k: v["body"] for k, v in gold.items()}
    s = bench.score(truth, {})
    assert s["recall"] == 0.0 and s["f1"] == 0.0


def test_scorer_raw_page_is_worse_than_gold(corpus):
    gold, texts = corpus
    truth = {k: v["body"] for k, v in gold.items()}
    raw = bench.score(truth, texts)
    assert raw["recall"] > 0.9 and raw["precision"] < 1.0


def test_body_f1_gate(corpus, cleaned):
    gold, _ = corpus
    truth = {k: v["body"] for k, v in gold.items()}
    s = bench.score(truth, {k: c.body for k, c in cleaned.items()})
    worst = sorted((bench.doc_f1(truth[k], cleaned[k].body), k) for k in truth)[:3]
    floors = FLOORS["floors"]
    assert s["f1"] >= floors["body_f1"], f"F1 {s['f1']:.4f} under the floor; worst pages {worst}"
    assert s["recall"] >= floors["body_recall"], (
        f"recall {s['recall']:.4f} under the floor; worst pages {worst}"
    )
    assert s["precision"] >= floors["body_precision"], f"precision {s['precision']:.4f}; worst pages {worst}"


def test_title_gate(corpus, cleaned):
    gold, _ = corpus
    right = sum(
        " ".join((cleaned[k].title or "").split()) == " ".join((g["title"] or "").split())
        for k, g in gold.items()
    )
    assert right / len(gold) >= FLOORS["floors"]["title_accuracy"]


def test_removals_are_explained_on_the_corpus(corpus, cleaned):
    _, texts = corpus
    for name, c in cleaned.items():
        raw = texts[name]
        for r in c.removed:
            assert raw[r.start : r.end] == r.text, (name, r)
