"""Quality gate of cross-document entities on tests/fixtures/entities_heldout and entities_heldout2 (14 and 15
articles from six outlets each, written apart from the rules, each measured blind once, now regression guards).

The corpus goes through the whole graph; bench/entities_gold.py matches the warehouse's entity rows to the gold
referents, and the counts are held to floors.json beside the gold (with the corpus hash: a changed corpus needs a
reviewed floors file).
"""

import json
from pathlib import Path

import pytest
from test_outlets_gate import corpus_sha

from conftest import load_bench, run_graph

CORPORA = [Path(__file__).parent / "fixtures" / name for name in ("entities_heldout", "entities_heldout2")]
bench = load_bench("entities_gold")


def test_the_scorer_counts_splits_merges_and_junk():
    gold = {
        "entities": [
            {"id": "a", "label": "PERSON", "name": "Ana Ruiz", "forms": ["Ana Ruiz", "Ruiz", "Ms Ruiz"]},
            {"id": "b", "label": "ORG", "name": "Veyra Launch", "forms": ["Veyra Launch", "Veyra"]},
            {"id": "c", "label": "PERSON", "name": "Tom Ruiz", "forms": ["Tom Ruiz", "Ruiz"]},
            {"id": "d", "label": "ORG", "name": "Calder Bank", "forms": ["Calder Bank"]},
        ]
    }
    rows = [
        ("PERSON", "Ana Ruiz", ["Ana Ruiz", "Ruiz"]),  # "Ruiz" is shared: counts for neither
        ("PERSON", "Ms Ruiz", ["Ms Ruiz"]),  # a second row for Ana Ruiz
        ("ORG", "Veyra Launch", ["Veyra", "Tom Ruiz"]),  # joins two referents
        ("PERSON", "Turnout", ["Turnout"]),  # junk
        ("GPE", "Calder Bank", ["Calder Bank"]),  # the right referent under another label only
    ]
    result = bench.score(gold, rows)
    # Veyra in one row; Ana Ruiz split; Tom Ruiz only inside an ORG row and Calder Bank only as a GPE: other label
    assert (result["one row"], result["split"], result["other label only"], result["missing"]) == (1, 1, 2, 0)
    assert (result["merge rows"], result["junk rows"]) == (1, 1)
    assert result["details"]["split"] == [("Ana Ruiz", ["Ana Ruiz", "Ms Ruiz"])]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_the_floors_are_for_this_corpus(corpus):
    floors = json.loads((corpus / "floors.json").read_text())
    assert floors["corpus_sha256"] == corpus_sha(corpus), "the corpus changed: measure it, review floors.json"


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_entities_gate(tmp_path, corpus):
    db = tmp_path / "warehouse.duckdb"
    days = sorted(p.name for p in (corpus / "inbox").iterdir() if p.is_dir())
    assert run_graph(corpus / "inbox", db, days[0], days[-1]).success
    import duckdb

    con = duckdb.connect(str(db.with_name("warehouse.read.duckdb")), read_only=True)
    rows = con.execute(
        "SELECT label, name, aliases FROM nlp.entities ORDER BY n_mentions DESC, name"
    ).fetchall()
    con.close()
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    result = bench.score(gold, rows)
    pinned = json.loads((corpus / "floors.json").read_text())
    assert result["one row"] >= pinned["min_one_row"], result["details"]
    for key in ("split", "merge rows", "junk rows", "missing"):
        assert result[key] <= pinned["max"][key], (key, result["details"])
