"""Score the cross-source layer end to end on an annotated multi-outlet corpus: metadata, copies, facts, quotes.

usage: python bench/outlets.py CORPUS_DIR [--db WAREHOUSE] [--json] [--details]

CORPUS_DIR holds inbox/YYYY-MM-DD/<feed>/<file> and gold.json (format: tests/fixtures/outlets/README.md):
    documents: {path: {outlet, published_at, author: [names], url, copy_of, title}}
    facts:     [{id, status, figures: [{doc, text}]}]          a fact stated by 2+ independent outlets
    distinct:  [{why, figures: [{doc, text}]}]                 figures that must not be one fact
    quotes:    [{id, status, instances: [{doc, text, speaker}]}]  agreed | different_speaker | reworded
Without --db the corpus is run through `dossier run` into a temporary warehouse; the published snapshot is scored.

Matching: a gold figure or quote is the predicted claim of its document whose span overlaps the first occurrence
of its text in the clean body. A predicted fact (marts.figure_facts) matches the gold fact holding most of its
matched figures when those come from two or more of the gold fact's documents; a fact holding figures of two
members of a `distinct` group is a trap taken. A predicted quotation (marts.quotes_across_sources) matches the gold
group holding two or more of its quotes. Metadata: outlet and url exact (case-insensitive), published_at to the
precision gold gives, author as a set of names. Copies: copy_of exact, over documents with a gold or predicted one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]


def run_corpus(corpus: Path, db: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    subprocess.run(
        [sys.executable, "-m", "workflow.cli", "run", "--inbox", str(corpus / "inbox"), "--db", str(db)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
    }


class Warehouse:
    """What the scorer reads from a published warehouse."""

    def __init__(self, path: Path):
        self.con = duckdb.connect(str(path), read_only=True)
        rows = self.con.execute(
            "SELECT r.source_path, d.doc_id, d.body, d.outlet, d.url, d.published_at, d.author, "
            "d.copy_of FROM clean.documents d JOIN raw.documents r USING (doc_id)"
        ).fetchall()
        self.docs = {
            r[0]: dict(zip(("doc_id", "body", "outlet", "url", "published_at", "author", "copy_of"), r[1:]))
            for r in rows
        }
        self.path_of = {d["doc_id"]: p for p, d in self.docs.items()}
        self.claims: dict[str, list[tuple]] = {}
        for doc_id, claim_id, kind, s, e in self.con.execute(
            "SELECT doc_id, claim_id, kind, start_char, end_char FROM nlp.claims"
        ).fetchall():
            self.claims.setdefault(doc_id, []).append((claim_id, kind, s, e))

    def claim_for(self, path: str, text: str, kind: str) -> str | None:
        doc = self.docs.get(path)
        if doc is None or text not in doc["body"]:
            return None
        start = doc["body"].index(text)
        end = start + len(text)
        hits = [
            (min(e, end) - max(s, start), cid)
            for cid, k, s, e in self.claims.get(doc["doc_id"], [])
            if k == kind and s < end and start < e
        ]
        return max(hits)[1] if hits else None


def score_metadata(gold: dict, wh: Warehouse) -> dict:
    fields = Counter()
    misses: list[str] = []
    for path, g in gold["documents"].items():
        d = wh.docs.get(path, {})
        checks = {
            "outlet": (d.get("outlet") or "").lower() == (g.get("outlet") or "").lower(),
            "url": (d.get("url") or "").rstrip("/") == (g.get("url") or "").rstrip("/"),
            "published_at": _same_time(g.get("published_at"), d.get("published_at")),
            "author": {a.strip() for a in (d.get("author") or "").split(";") if a.strip()}
            == set(g.get("author") or []),
        }
        for name, ok in checks.items():
            fields[name] += ok
            if not ok:
                misses.append(f"{name} {path}: gold {g.get(name)!r} predicted {d.get(name)!r}")
    n = len(gold["documents"])
    return {
        "accuracy": {k: fields[k] / n for k in ("outlet", "url", "published_at", "author")},
        "misses": misses,
    }


def _same_time(gold: str | None, predicted) -> bool:
    if not gold:
        return predicted is None
    if predicted is None:
        return False
    text = predicted.isoformat(timespec="minutes")
    return text[:10] == gold if len(gold) == 10 else text[:16] == gold[:16]


def score_copies(gold: dict, wh: Warehouse) -> dict:
    pairs_gold = {p: g["copy_of"] for p, g in gold["documents"].items() if g.get("copy_of")}
    pairs_pred = {p: wh.path_of.get(d["copy_of"]) for p, d in wh.docs.items() if d["copy_of"]}
    tp = sum(1 for p, o in pairs_pred.items() if pairs_gold.get(p) == o)
    return _prf(tp, len(pairs_pred), len(pairs_gold))


def score_facts(gold: dict, wh: Warehouse) -> dict:
    owner: dict[str, str] = {}  # predicted claim -> gold fact id
    for fact in gold["facts"]:
        for f in fact["figures"]:
            cid = wh.claim_for(f["doc"], f["text"], "figure")
            if cid:
                owner[cid] = fact["id"]
    docs_of = {fact["id"]: {f["doc"] for f in fact["figures"]} for fact in gold["facts"]}
    status_of = {fact["id"]: fact["status"] for fact in gold["facts"]}
    trap_members = [
        [wh.claim_for(f["doc"], f["text"], "figure") for f in t["figures"]] for t in gold["distinct"]
    ]
    predicted = wh.con.execute("SELECT fact_id, status, claim_ids, texts FROM marts.figure_facts").fetchall()
    matched: dict[str, str] = {}
    status_ok = 0
    wrong: list[str] = []
    traps = 0
    for fact_id, status, claim_ids, texts in predicted:
        votes = Counter(owner[c] for c in claim_ids if c in owner)
        best = votes.most_common(1)[0][0] if votes else None
        docs = (
            {
                wh.path_of.get(d)
                for d in wh.con.execute(
                    "SELECT DISTINCT doc_id FROM nlp.claims WHERE list_contains(?, claim_id)", [claim_ids]
                ).fetchall()
                for d in d
            }
            if best
            else set()
        )
        if best and votes[best] >= 2 and len(docs & docs_of[best]) >= 2 and best not in matched.values():
            matched[fact_id] = best
            status_ok += status == status_of[best]
        else:
            wrong.append(f"{status}: {texts}")
        members = set(claim_ids)
        traps += sum(1 for t in trap_members if len({c for c in t if c} & members) >= 2)
    result = _prf(len(matched), len(predicted), len(gold["facts"]))
    result["status_accuracy"] = status_ok / len(matched) if matched else 0.0
    result["traps_taken"] = traps
    result["traps"] = len(gold["distinct"])
    result["unmatched_predicted"] = wrong
    result["missed_gold"] = [f["id"] for f in gold["facts"] if f["id"] not in matched.values()]
    return result


def score_quotes(gold: dict, wh: Warehouse) -> dict:
    owner: dict[str, str] = {}
    for group in gold["quotes"]:
        for q in group["instances"]:
            cid = wh.claim_for(q["doc"], q["text"], "quote")
            if cid:
                owner[cid] = group["id"]
    status_of = {g["id"]: g["status"] for g in gold["quotes"]}
    predicted = wh.con.execute(
        "SELECT claim_ids, different_speakers, reworded, quote FROM marts.quotes_across_sources"
    ).fetchall()
    matched: dict[int, str] = {}
    status_ok = 0
    for i, (claim_ids, different, reworded, _) in enumerate(predicted):
        votes = Counter(owner[c] for c in claim_ids if c in owner)
        best = votes.most_common(1)[0][0] if votes else None
        if best and votes[best] >= 2 and best not in matched.values():
            matched[i] = best
            said = "different_speaker" if different else "reworded" if reworded else "agreed"
            status_ok += said == status_of[best]
    result = _prf(len(matched), len(predicted), len(gold["quotes"]))
    result["status_accuracy"] = status_ok / len(matched) if matched else 0.0
    result["missed_gold"] = [g["id"] for g in gold["quotes"] if g["id"] not in matched.values()]
    return result


def score(corpus: Path, snapshot: Path) -> dict:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    wh = Warehouse(snapshot)
    try:
        return {
            "metadata": score_metadata(gold, wh),
            "copies": score_copies(gold, wh),
            "facts": score_facts(gold, wh),
            "quotes": score_quotes(gold, wh),
        }
    finally:
        wh.con.close()


def format_report(r: dict, details: bool = False) -> str:
    acc = r["metadata"]["accuracy"]
    lines = ["metadata   " + "  ".join(f"{k} {v:.3f}" for k, v in acc.items())]
    for part in ("copies", "facts", "quotes"):
        m = r[part]
        line = (
            f"{part:10s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
            f"({m['tp']} of {m['predicted']} predicted, {m['gold']} gold)"
        )
        if "status_accuracy" in m:
            line += f"  status acc {m['status_accuracy']:.3f}"
        if "traps_taken" in m:
            line += f"  traps taken {m['traps_taken']}/{m['traps']}"
        lines.append(line)
    if details:
        lines += [
            "",
            "metadata misses:",
            *r["metadata"]["misses"],
            "",
            "facts predicted but not matched:",
            *map(str, r["facts"]["unmatched_predicted"]),
            "facts missed: " + ", ".join(r["facts"]["missed_gold"]),
            "quotes missed: " + ", ".join(r["quotes"]["missed_gold"]),
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--db", type=Path, help="an already built warehouse (its snapshot is read)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="dossier-outlets-")) / "w.duckdb"
        run_corpus(args.corpus, db)
    report = score(args.corpus, db.with_name(f"{db.stem}.read.duckdb"))
    print(json.dumps(report, indent=1, default=str) if args.json else format_report(report, args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
