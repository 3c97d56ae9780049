"""Score the warehouse's person and organisation entities against a corpus's gold referents.

usage: python bench/entities_gold.py CORPUS_DIR [--db WAREHOUSE] [--details]

CORPUS_DIR holds inbox/ and gold.json: {"entities": [{id, label: PERSON|ORG, name, forms: [surface, ...]}]}, every
person and organisation the articles name, with every proper-name surface used for it. Without --db the corpus is
run through `dossier run` into a temporary warehouse.

A warehouse entity (nlp.entities: name and aliases) holds a gold referent when one of its surfaces is one of the
referent's forms; a form listed under two referents (a surname two relatives share) counts for neither. Prints:
  - referents found in one row (of the right label), split over several rows, under another label only, or missing;
  - rows joining two referents (a merge error);
  - PERSON/ORG rows holding no gold form at all (junk, or a place or product given a person's or company's label).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outlets import run_corpus  # noqa: E402


def score(gold: dict, rows: list[tuple[str, str, list[str]]]) -> dict:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in gold["entities"]:
        for f in e["forms"] + [e["name"]]:
            owners[f].add(e["id"])
    label_of = {e["id"]: e["label"] for e in gold["entities"]}
    rows_of: dict[str, list[int]] = defaultdict(list)
    merges, junk = [], []
    for i, (label, name, aliases) in enumerate(rows):
        held = {next(iter(owners[s])) for s in {name, *aliases} if len(owners.get(s, ())) == 1}
        for ref in held:
            rows_of[ref].append(i)
        if len(held) > 1:
            merges.append((name, sorted(held)))
        if not held and label in ("PERSON", "ORG") and not any(s in owners for s in {name, *aliases}):
            junk.append((label, name))
    out: Counter = Counter()
    split, wrong_label, missing = [], [], []
    for e in gold["entities"]:
        mine = [i for i in rows_of.get(e["id"], []) if rows[i][0] == label_of[e["id"]]]
        if len(mine) == 1:
            out["one row"] += 1
        elif len(mine) > 1:
            out["split"] += 1
            split.append((e["name"], [rows[i][1] for i in mine]))
        elif rows_of.get(e["id"]):
            out["other label only"] += 1
            wrong_label.append((e["name"], sorted({rows[i][0] for i in rows_of[e["id"]]})))
        else:
            out["missing"] += 1
            missing.append(e["name"])
    return {
        "referents": len(gold["entities"]),
        **{k: out[k] for k in ("one row", "split", "other label only", "missing")},
        "merge rows": len(merges),
        "junk rows": len(junk),
        "details": {
            "split": split,
            "other label only": wrong_label,
            "missing": missing,
            "merges": merges,
            "junk": junk,
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    gold = json.loads((args.corpus / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "w.duckdb"
            run_corpus(args.corpus, db)
        con = duckdb.connect(str(db), read_only=True)
        rows = con.execute(
            "SELECT label, name, aliases FROM nlp.entities ORDER BY n_mentions DESC, name"
        ).fetchall()
        con.close()
    result = score(gold, rows)
    details = result.pop("details")
    print(json.dumps(result, indent=1))
    if args.details:
        for k, v in details.items():
            print(f"{k}:")
            for item in v:
                print(f"  {item}")


if __name__ == "__main__":
    main()
