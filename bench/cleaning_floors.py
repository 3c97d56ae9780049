"""Measure the cleaning gate's corpus (tests/fixtures/cleaning) exactly as tests/test_cleaning_gate.py does.

usage: python bench/cleaning_floors.py

Prints the corpus hash and the measured body P/R/F1 and title accuracy, with the current floors.json beside
them. Pinning is done by hand in floors.json (floors a little under the measured values, the new hash, the
measured values), in the commit that changes the corpus or the cleaner, so that the change shows.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assets.text.cleaning import clean_text, outlet_of, repeated_by_group  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "cleaning"
_spec = importlib.util.spec_from_file_location("bench_cleaning_scorer", ROOT / "bench" / "cleaning.py")
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)


def corpus_hash(folder: Path = FIXTURES) -> str:
    """sha256 of gold.json and every page, in name order."""
    h = hashlib.sha256((folder / "gold.json").read_bytes())
    for path in sorted(folder.glob("*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def clean_corpus(texts: dict[str, str]) -> dict:
    """clean_text on every page, with the lines repeated across the pages of the outlet it names."""
    group = {name: outlet_of(text) or name for name, text in texts.items()}
    rep = repeated_by_group((group[name], text) for name, text in texts.items())
    return {name: clean_text(text, rep[group[name]]) for name, text in texts.items()}


def measure(folder: Path = FIXTURES) -> dict:
    """Body P/R/F1 and title accuracy on the corpus."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in gold}
    cleaned = clean_corpus(texts)
    s = scorer.score({k: g["body"] for k, g in gold.items()}, {k: c.body for k, c in cleaned.items()})
    right = sum(
        " ".join((cleaned[k].title or "").split()) == " ".join(g["title"].split()) for k, g in gold.items()
    )
    return {
        "body_f1": round(s["f1"], 4),
        "body_precision": round(s["precision"], 4),
        "body_recall": round(s["recall"], 4),
        "title_accuracy": round(right / len(gold), 4),
    }


def main() -> int:
    path = FIXTURES / "floors.json"
    floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    print(json.dumps({"corpus_sha256": corpus_hash(), "measured": measure()}, indent=2))
    print(
        "floors.json:",
        json.dumps({k: floors.get(k) for k in ("corpus_sha256", "measured", "floors")}, indent=2),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
