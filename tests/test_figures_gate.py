"""Quality gate of the figure extractor on tests/fixtures/figures_dev (in-sample) and figures_heldout (written
apart from the rules, measured blind once), scored by bench/figures.py against floors.json beside each gold."""

import hashlib
import json
from pathlib import Path

import pytest

from conftest import load_bench

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = ("figures_dev", "figures_heldout")
bench = load_bench("figures")


def corpus_sha(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.name == "gold.json" or p.suffix == ".txt"):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", CORPORA)
def test_figure_floors(name):
    folder = FIXTURES / name
    pinned = json.loads((folder / "floors.json").read_text())
    assert pinned["corpus_sha256"] == corpus_sha(folder), "the corpus changed: measure it, review floors.json"
    report, details = bench.score_folder(folder)
    measured = {
        "value F1": report["value"]["f1"],
        "value+unit F1": report["value_unit"]["f1"],
        "interval accuracy": report["interval_accuracy"],
        "quantity accuracy": report["quantity_accuracy"],
        "period accuracy": report["period_accuracy"],
    }
    below = {k: (round(measured[k], 3), f) for k, f in pinned["floors"].items() if measured[k] < f}
    assert below == {}, (below, dict(details))
    assert report["not_figures_hit"] <= pinned["max_not_figures_hit"], dict(details)
