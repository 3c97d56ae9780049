"""Score document metadata (outlet, url, published_at, author, language) against a corpus's gold.

    .venv/bin/python bench/metadata.py CORPUS_DIR [--json] [--misses] [--evidence]

CORPUS_DIR holds `inbox/YYYY-MM-DD/<feed>/<file>.txt|.md|.html` and `gold.json`:

    {"documents": {
        "<path relative to inbox>": {
            "outlet": "The Example Courier" | null,        # the name the page gives itself
            "published_at": "2024-05-14" | "2024-05-14T09:30" | null,   # as precise as the page; local time
            "author": ["Jane Doe", "John Roe"] | [],       # every named author (no desks, agencies, staff)
            "url": "https://…" | null,                      # the page's own address, only if printed
            "language": "en"                                # optional (ISO 639-1); scored when present
            …                                               # other keys (title, copy_of, cluster) are ignored
        }, …}, …}

Each file is run as the pipeline runs it: `decode_file` (HTML: main text plus the page's own metadata), then
`clean_text` with the `repeated_lines` of the files of the same day and feed folder (as the clean stage
does), then `document_metadata`. Per field: correct, wrong (both set, different), missed (gold set, none
found), spurious (gold null, one found), and accuracy = correct / documents. Comparison: outlet and url
exact (whitespace-normalised; url also with a trailing "/" either way); published_at exact at the gold's
precision (a date-time must match to the minute, a date must be a date), with "same day" counted apart;
author exact as a set of names (case-blind), with name-level precision and recall beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FIELDS = ("outlet", "url", "published_at", "author", "language")


def run(corpus: Path) -> dict[str, dict]:
    """{path: metadata dict} for every file of the corpus's gold."""
    from assets.text.cleaning import clean_text, repeated_lines
    from assets.text.decode import Rejected, decode_file
    from assets.text.metadata import document_metadata

    gold = json.loads((corpus / "gold.json").read_text())["documents"]
    inbox = corpus / "inbox"
    decoded, groups = {}, defaultdict(list)
    for rel in sorted(gold):
        path = inbox / rel
        try:
            decoded[rel] = decode_file(path.name, path.read_bytes())
        except (Rejected, OSError) as exc:
            print(f"skipped {rel}: {exc}", file=sys.stderr)
            continue
        groups[str(Path(rel).parent)].append(rel)
    out = {}
    for folder, rels in groups.items():
        repeated = repeated_lines(decoded[r].text for r in rels)
        for rel in rels:
            d = decoded[rel]
            out[rel] = document_metadata(d.text, clean_text(d.text, repeated), d.page).as_dict()
    return out


def _same(field: str, got, want) -> bool:
    if field == "author":
        return {n.casefold() for n in _names(got)} == {n.casefold() for n in want or []}
    if field == "url" and got and want:
        return got.rstrip("/") == want.rstrip("/")
    if isinstance(got, str) and isinstance(want, str):
        return " ".join(got.split()) == " ".join(want.split())
    return got == want


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(";") if n.strip()]


def score(gold: dict, found: dict) -> dict:
    """Per-field counts and accuracy, the misses, and author name precision/recall."""
    counts = {f: Counter() for f in FIELDS}
    misses = []
    names = Counter()
    for rel, want in sorted(gold.items()):
        got = found.get(rel, {})
        for field in FIELDS:
            if field not in want:
                continue
            w, g = want[field], got.get(field)
            empty_w, empty_g = w in (None, []), g in (None, "")
            if _same(field, g, w):
                kind = "correct"
            else:
                kind = "missed" if empty_g else "spurious" if empty_w else "wrong"
                misses.append({"doc": rel, "field": field, "kind": kind, "gold": w, "found": g})
            counts[field][kind] += 1
            if field == "published_at" and w and g and str(g)[:10] == str(w)[:10]:
                counts[field]["same_day"] += 1
        gw = {n.casefold() for n in want.get("author") or []}
        gg = {n.casefold() for n in _names(got.get("author"))}
        names.update(tp=len(gw & gg), fp=len(gg - gw), fn=len(gw - gg))
    table = {f: dict(c, n=sum(c[k] for k in ("correct", "wrong", "missed", "spurious"))) for f, c in counts.items()}
    for row in table.values():
        row["accuracy"] = round(row.get("correct", 0) / row["n"], 3) if row["n"] else None
    p = names["tp"] / max(1, names["tp"] + names["fp"])
    r = names["tp"] / max(1, names["tp"] + names["fn"])
    return {"fields": table, "author_names": {"precision": round(p, 3), "recall": round(r, 3), **names},
            "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--evidence", action="store_true", help="print each document's values and evidence")
    args = ap.parse_args()
    gold = json.loads((args.corpus / "gold.json").read_text())["documents"]
    found = run(args.corpus)
    result = score(gold, found)
    if args.evidence:
        for rel, meta in sorted(found.items()):
            print(rel, json.dumps(meta, ensure_ascii=False, indent=1))
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "misses" or args.misses}, indent=1))
        return
    print(f"{len(gold)} documents in {args.corpus}")
    print(f"{'field':14}{'n':>4}{'correct':>9}{'wrong':>7}{'missed':>8}{'spurious':>10}{'accuracy':>10}")
    for field, row in result["fields"].items():
        if not row["n"]:
            continue
        print(f"{field:14}{row['n']:>4}{row.get('correct', 0):>9}{row.get('wrong', 0):>7}{row.get('missed', 0):>8}"
              f"{row.get('spurious', 0):>10}{row['accuracy']:>10.3f}")
    pa = result["fields"]["published_at"]
    print(f"published_at on the right day (any precision): {pa.get('same_day', 0)}/{pa['n']}")
    an = result["author_names"]
    print(f"author names: precision {an['precision']:.3f} recall {an['recall']:.3f} "
          f"(tp {an['tp']}, fp {an['fp']}, fn {an['fn']})")
    if args.misses:
        for m in result["misses"]:
            print(f"  {m['kind']:8} {m['field']:12} {m['doc']}: found {m['found']!r}, gold {m['gold']!r}")


if __name__ == "__main__":
    main()
