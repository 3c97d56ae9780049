"""Score document metadata (outlet, url, published_at, author, language) against a corpus's gold.

    .venv/bin/python bench/metadata.py CORPUS_DIR [--json] [--misses] [--evidence]
    .venv/bin/python bench/metadata.py --html-bench BENCH_DIR [--sample N]

The second form reads a benchmark of HTML pages with their whole-page text dumps (`html/<id>.html.gz`,
`text/<id>.txt`, `truth.json` with `url` per id, e.g. /work/shared/bench/scrapinghub-dev): how often each
value is found from the HTML, how often the HTML's url equals the benchmark's, and how often the plain-text
rules (run on the text dump alone) agree with what the HTML declares; `--sample N` lists N pages for a
spot check by hand.

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
    for _folder, rels in groups.items():
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
    table = {
        f: dict(c, n=sum(c[k] for k in ("correct", "wrong", "missed", "spurious"))) for f, c in counts.items()
    }
    for row in table.values():
        row["accuracy"] = round(row.get("correct", 0) / row["n"], 3) if row["n"] else None
    p = names["tp"] / max(1, names["tp"] + names["fp"])
    r = names["tp"] / max(1, names["tp"] + names["fn"])
    return {
        "fields": table,
        "author_names": {"precision": round(p, 3), "recall": round(r, 3), **names},
        "misses": misses,
    }


def html_bench(bench: Path) -> dict[str, dict]:
    """{id: {"page": page metadata, "text": text-rule metadata of the dump, "url": benchmark url}}."""
    import gzip

    from assets.text.cleaning import clean_text
    from assets.text.decode import Rejected, decode_file
    from assets.text.metadata import document_metadata

    truth = json.loads((bench / "truth.json").read_text())
    out = {}
    for key in sorted(truth):
        with gzip.open(bench / "html" / f"{key}.html.gz") as fh:
            try:
                page = decode_file(f"{key}.html", fh.read()).page
            except Rejected:
                page = None
        dump = (bench / "text" / f"{key}.txt").read_text()
        text = document_metadata(dump, clean_text(dump)).as_dict()
        out[key] = {"page": page or {}, "text": text, "url": truth[key].get("url")}
    return out


def html_report(rows: dict[str, dict], sample: int) -> None:
    n = len(rows)
    print(f"{n} pages")
    print(f"{'field':14}{'html found':>12}{'text found':>12}{'text = html':>13}")
    for field in FIELDS:
        found_h = sum(1 for r in rows.values() if r["page"].get(field))
        found_t = sum(1 for r in rows.values() if r["text"].get(field))
        both = [r for r in rows.values() if r["page"].get(field) and r["text"].get(field)]
        agree = sum(1 for r in both if _agree(field, r["text"][field], r["page"][field]))
        print(
            f"{field:14}{found_h:>7} {found_h / n:>4.0%}{found_t:>7} {found_t / n:>4.0%}{agree:>7}/{len(both):<5}"
        )
    urls = [r for r in rows.values() if r["url"]]
    same = sum(1 for r in urls if (r["page"].get("url") or "").rstrip("/") == r["url"].rstrip("/"))
    print(f"html url equals the benchmark's url: {same}/{len(urls)}")
    for key, r in list(rows.items())[:sample]:
        p = r["page"]
        print(
            f"- {key[:12]} {r['url']}\n    outlet {p.get('outlet')!r} | published {p.get('published_at')} | "
            f"author {p.get('author')!r} | lang {p.get('language')} | url {p.get('url')}"
        )


def _agree(field: str, text: str, html: str) -> bool:
    """Text and HTML say the same: same day for dates, same names (any order), same name case-blind."""
    if field == "published_at":
        return text[:10] == html[:10]
    if field == "author":
        return {n.casefold() for n in _names(text)} == {n.casefold() for n in _names(html)}
    if field == "url":
        return text.rstrip("/") == html.rstrip("/")
    return text.casefold() == html.casefold()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument(
        "--html-bench", type=Path, help="a folder of html/, text/ and truth.json to measure coverage"
    )
    ap.add_argument("--sample", type=int, default=0, help="with --html-bench: list this many pages")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--evidence", action="store_true", help="print each document's values and evidence")
    args = ap.parse_args()
    if args.html_bench:
        html_report(html_bench(args.html_bench), args.sample)
        return
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
        print(
            f"{field:14}{row['n']:>4}{row.get('correct', 0):>9}{row.get('wrong', 0):>7}{row.get('missed', 0):>8}"
            f"{row.get('spurious', 0):>10}{row['accuracy']:>10.3f}"
        )
    pa = result["fields"]["published_at"]
    dated = sum(1 for g in gold.values() if g.get("published_at"))
    print(f"published_at on the right day (any precision): {pa.get('same_day', 0)}/{dated} dated documents")
    an = result["author_names"]
    print(
        f"author names: precision {an['precision']:.3f} recall {an['recall']:.3f} "
        f"(tp {an['tp']}, fp {an['fp']}, fn {an['fn']})"
    )
    if args.misses:
        for m in result["misses"]:
            print(f"  {m['kind']:8} {m['field']:12} {m['doc']}: found {m['found']!r}, gold {m['gold']!r}")


if __name__ == "__main__":
    main()
