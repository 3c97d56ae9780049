"""Benchmark the CLEAN stage: 4-token shingle precision/recall/F1 of cleaned bodies against a truth file.

usage: python bench/cleaning.py FOLDER [--html] [--dump DIR] [--batch source|none|all] [--worst N]

FOLDER is laid out like the public article-extraction benchmark: text/<id>.txt (plain page dumps),
html/<id>.html.gz (pages), truth.json {id: {"articleBody": ..., "url": ...}}. The body returned by
clean_text is scored (the title is not), next to the uncleaned input as a baseline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assets.text.cleaning import clean_text, repeated_lines  # noqa: E402

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of n-token shingles (a text shorter than n tokens is one shingle)."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def doc_counts(true: str, pred: str) -> tuple[float, float, float]:
    """True-positive, false-positive and false-negative shares of one document's shingles."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))


def score(truth: dict[str, str], preds: dict[str, str]) -> dict:
    """Benchmark metric: P and R averaged over documents, F1 from the averages."""
    counts = [doc_counts(truth[k], preds.get(k, "")) for k in truth]
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r, "documents": len(truth)}


def doc_f1(true: str, pred: str) -> float:
    """F1 of one document, for ranking the worst."""
    c = doc_counts(true, pred)
    p, r = _precision(*c), _recall(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


def load_inputs(folder: Path, ids: list[str], html: bool) -> dict[str, str]:
    """The text each document enters the cleaner with."""
    if not html:
        return {k: (folder / "text" / f"{k}.txt").read_text(encoding="utf-8") for k in ids}
    try:
        from assets.text.decode import html_to_text
    except ImportError:  # the decode stage is not there yet: same trafilatura call it makes
        import trafilatura

        def html_to_text(page: str) -> str:
            return (
                trafilatura.extract(page, include_comments=False, include_tables=True, favor_precision=False)
                or ""
            )

    out = {}
    for k in ids:
        with gzip.open(folder / "html" / f"{k}.html.gz", "rt", encoding="utf-8", errors="replace") as fh:
            out[k] = html_to_text(fh.read())
    return out


def batches(truth: dict, ids: list[str], mode: str) -> list[list[str]]:
    """Groups of documents that share a repeated-line pass: by site, one big batch, or none."""
    if mode == "none":
        return [[k] for k in ids]
    if mode == "all":
        return [ids]
    groups: dict[str, list[str]] = defaultdict(list)
    for k in ids:
        groups[urlparse(truth[k].get("url", "")).netloc or k].append(k)
    return list(groups.values())


def fmt(s: dict) -> str:
    return f"P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--html", action="store_true", help="extract HTML pages first (decode.html_to_text)")
    ap.add_argument(
        "--dump",
        type=Path,
        help="write <id>.txt bodies (score.py input), <id>.debug.txt (title, body, removals), <id>.truth.txt here",
    )
    ap.add_argument(
        "--batch",
        choices=("source", "none", "all"),
        default="source",
        help="documents that share a repeated_lines pass (default: same site)",
    )
    ap.add_argument("--worst", type=int, default=0, help="list the N documents with the lowest F1")
    args = ap.parse_args(argv)

    truth_all = json.loads((args.folder / "truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth_all)
    truth = {k: truth_all[k]["articleBody"] for k in ids}

    t0 = time.perf_counter()
    inputs = load_inputs(args.folder, ids, args.html)
    t_load = time.perf_counter() - t0

    t1 = time.perf_counter()
    cleaned = {}
    for group in batches(truth_all, ids, args.batch):
        rep = repeated_lines(inputs[k] for k in group)
        for k in group:
            cleaned[k] = clean_text(inputs[k], rep)
    t_clean = time.perf_counter() - t1

    preds = {k: c.body for k, c in cleaned.items()}
    base = score(truth, inputs)
    res = score(truth, preds)
    mode = "html (decode.html_to_text)" if args.html else "text dumps"
    mb = sum(len(v) for v in inputs.values()) / 1e6
    print(f"{args.folder} · {mode} · {len(ids)} documents · repeated lines per {args.batch}")
    print(f"  input (baseline): {fmt(base)}")
    print(f"  clean_text body:  {fmt(res)}")
    if args.html:
        print(f"  extraction: {len(ids) / t_load:.1f} docs/s")
    print(f"  cleaning: {len(ids) / t_clean:.1f} docs/s ({mb / t_clean:.2f} MB/s, {mb:.2f} MB in)")

    if args.worst:
        ranked = sorted(ids, key=lambda k: doc_f1(truth[k], preds[k]))
        for k in ranked[: args.worst]:
            c = doc_counts(truth[k], preds[k])
            print(
                f"  {k[:12]}  F1 {doc_f1(truth[k], preds[k]):.3f}  P {_precision(*c):.3f}  R {_recall(*c):.3f}"
            )

    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for k, c in cleaned.items():
            lines = [f"TITLE: {c.title}", "", c.body, "", "=" * 40, "REMOVED:"]
            lines += [f"[{r.reason}] {r.text[:200]!r}" for r in c.removed]
            # <id>.txt is the body alone, so the benchmark's own score.py can read the folder.
            (args.dump / f"{k}.txt").write_text(c.body, encoding="utf-8")
            (args.dump / f"{k}.debug.txt").write_text("\n".join(lines), encoding="utf-8")
            (args.dump / f"{k}.truth.txt").write_text(truth[k], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
