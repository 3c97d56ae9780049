"""Tune/check halves of the cleaning benchmarks, rule ablation, and a jusText baseline.

usage: python bench/cleaning_split.py [--bench DIR] [--html] [--ablate [RULE ...]] [--justext] [--json OUT]

Halves, both deterministic: the public development half (--bench, default /work/shared/bench/scrapinghub-dev)
is split by site (sites ordered by a hash of their host name, alternately tune and check), the annotated
fixture corpus (tests/fixtures/cleaning) by page name the same way. A rule that helps the tune half and not
the check half is fitted. --ablate switches one rule off at a time (see ABLATIONS) and prints the F1 change
on each half; --justext scores jusText's paragraph classifier on the same pages (on the HTML with --html, on
the page text with each line as a paragraph otherwise). Titles are scored on the fixture corpus and on the
outlets corpus (tests/fixtures/outlets, gold titles only).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assets.text import cleaning  # noqa: E402
from assets.text.cleaning import body, decide, kinds, pipeline, repeated, weights  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_cleaning", ROOT / "bench" / "cleaning.py")
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)

FIXTURES = ROOT / "tests" / "fixtures" / "cleaning"
OUTLETS = ROOT / "tests" / "fixtures" / "outlets"
CACHE = Path("/tmp/dossier-cleaning-split-cache")


def halves(keys: list[str]) -> tuple[set[str], set[str]]:
    """Keys ordered by a hash of their text and dealt alternately into tune and check."""
    ordered = sorted(set(keys), key=lambda k: hashlib.sha1(k.encode()).hexdigest())
    return set(ordered[0::2]), set(ordered[1::2])


def dev_corpus(folder: Path, html: bool) -> dict:
    """{id: {"text", "truth", "group", "half"}} for the public development half."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    texts = _cached_inputs(folder, ids, html)
    site = {k: urlparse(truth[k].get("url", "")).netloc or k for k in ids}
    tune, _ = halves(list(site.values()))
    return {
        k: {
            "text": texts[k],
            "truth": truth[k]["articleBody"],
            "group": site[k],
            "title": None,
            "half": "tune" if site[k] in tune else "check",
            "html_path": folder / "html" / f"{k}.html.gz",
        }
        for k in ids
    }


def _cached_inputs(folder: Path, ids: list[str], html: bool) -> dict[str, str]:
    """The cleaner's inputs; the HTML extraction is cached in /tmp (it is slow and does not change here)."""
    if not html:
        return scorer.load_inputs(folder, ids, False)
    CACHE.mkdir(exist_ok=True)
    digest = hashlib.sha1((ROOT / "assets" / "text" / "decode.py").read_bytes()).hexdigest()[:12]
    path = CACHE / f"{folder.name}-{digest}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    out = scorer.load_inputs(folder, ids, True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


def fixture_corpus() -> dict:
    """The annotated fixture pages, one batch (as the gate runs them), split by page name."""
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    tune, _ = halves(list(gold))
    return {
        k: {
            "text": (FIXTURES / f"{k}.txt").read_text(encoding="utf-8"),
            "truth": g["body"],
            "group": "all",
            "title": g["title"],
            "half": "tune" if k in tune else "check",
        }
        for k, g in gold.items()
    }


def outlet_titles() -> dict:
    """The outlets corpus's plain-text pages with their gold titles, grouped by feed folder and day."""
    gold = json.loads((OUTLETS / "gold.json").read_text(encoding="utf-8"))["documents"]
    out = {}
    for k, g in gold.items():
        if k.endswith(".txt"):
            out[k] = {
                "text": (OUTLETS / "inbox" / k).read_text(encoding="utf-8"),
                "title": g["title"],
                "group": str(Path(k).parent),
                "truth": None,
                "half": "all",
            }
    return out


def run(corpus: dict) -> dict:
    """clean_text on every page, with the lines repeated across its group."""
    groups: dict[str, list[str]] = {}
    for k, d in corpus.items():
        groups.setdefault(d["group"], []).append(k)
    out = {}
    for keys in groups.values():
        rep = cleaning.repeated_lines(corpus[k]["text"] for k in keys)
        for k in keys:
            out[k] = cleaning.clean_text(corpus[k]["text"], rep)
    return out


def scores(corpus: dict, bodies: dict[str, str]) -> dict[str, dict]:
    """Shingle P/R/F1 per half."""
    res = {}
    for half in ("tune", "check"):
        keys = [k for k, d in corpus.items() if d["half"] == half]
        if keys:
            res[half] = scorer.score({k: corpus[k]["truth"] for k in keys}, {k: bodies[k] for k in keys})
    return res


def title_accuracy(corpus: dict, cleaned: dict) -> tuple[int, int, list[str]]:
    """Right titles, pages, and the pages whose title is wrong."""
    same = [k for k, d in corpus.items() if _ws(cleaned[k].title) == _ws(d["title"])]
    return len(same), len(corpus), sorted(set(corpus) - set(same))


def _ws(s: str | None) -> str:
    return " ".join((s or "").split())


def _patch(obj, name: str, value) -> Callable[[], contextlib.AbstractContextManager]:
    @contextlib.contextmanager
    def cm() -> Iterator[None]:
        old = getattr(obj, name)
        setattr(obj, name, value)
        try:
            yield
        finally:
            setattr(obj, name, old)

    return cm


def _without_kind(kind: str) -> Callable[[], contextlib.AbstractContextManager]:
    real = kinds.kind_of
    return _patch(pipeline, "kind_of", lambda u: None if real(u) == kind else real(u))


ABLATIONS: dict[str, Callable[[], contextlib.AbstractContextManager]] = {
    **{
        f"kind:{k}": _without_kind(k)
        for k in (
            "navigation",
            "header",
            "caption",
            "credit",
            "byline",
            "dateline",
            "advertisement",
            "cookie_notice",
            "share_widget",
            "audio_player",
            "comment_form",
            "comment_counter",
            "comments",
            "related_links",
            "category_list",
            "newsletter_prompt",
            "login_prompt",
            "paywall",
            "attribution",
            "copyright",
            "site_notice",
            "link",
            "markup",
            "truncation_marker",
        )
    },
    "glued_caption": _patch(kinds, "_glued_caption", lambda t: False),
    "captions_by_credit": _patch(pipeline, "captions_by_credit", lambda units: None),
    "headline_copies": _patch(pipeline, "mark_title", lambda units: (None, [])),
    "repeated_lines": _patch(pipeline, "mark_repeated", lambda units, rep: None),
    "comment_discount": _patch(pipeline, "discount_comments", lambda units, zone: None),
    "table_rows": _patch(pipeline, "table_rows", lambda units: None),
    "extend_after": _patch(pipeline, "extend", lambda units, a, b, stop: b),
    "duplicates": _patch(pipeline, "mark_duplicates", lambda units, a, b: None),
    "teaser_runs": _patch(body, "_teaser_like", lambda units, lo, hi: False),
    "bridge_after": _patch(body, "_bridge_after", lambda units, b: b),
    "bridge_before": _patch(body, "_bridge_before", lambda units, a: a),
    "skip_standfirst": _patch(body, "_skip_standfirst", lambda units, a, b: a),
    "anchor_window": _patch(body, "_ANCHOR_SHARE", 1e9),
    "stopword_density": _patch(weights, "_STOPWORD_LANGUAGE", 2.0),
    "listed_under_head": _patch(decide, "_listed", lambda u, r, inside: False),
    "syndication_share": _patch(repeated, "_SYNDICATED_SHARE", 2.0),
    "headline_in_header": _patch(pipeline, "headline_in_header", lambda units, a, cur: cur),
    "trim_teasers": _patch(pipeline, "trim_teasers", lambda units, a, b: b),
    "author_bio": _patch(pipeline, "mark_author_bio", lambda units, a: None),
    "player_label": _patch(kinds, "_player_label", lambda u: False),
    "name_and_role": _patch(kinds, "_name_and_role", lambda u: False),
}


def ablation_table(corpora: dict[str, dict], only: list[str] | None = None) -> list[dict]:
    """F1 change on every half when each rule is switched off (negative: the rule helps), and how many pages
    the rule helps (switching it off costs them over 0.005 F1) or hurts."""
    base_bodies = {name: {k: v.body for k, v in run(c).items()} for name, c in corpora.items()}
    base = {name: scores(c, base_bodies[name]) for name, c in corpora.items()}
    rows = []
    for rule, cm in ABLATIONS.items():
        if only and rule not in only:
            continue
        with cm():
            row: dict = {"rule": rule}
            for name, c in corpora.items():
                bodies = {k: v.body for k, v in run(c).items()}
                s = scores(c, bodies)
                for half in s:
                    row[f"{name}/{half}"] = s[half]["f1"] - base[name][half]["f1"]
                deltas = [
                    scorer.doc_f1(d["truth"], bodies[k]) - scorer.doc_f1(d["truth"], base_bodies[name][k])
                    for k, d in c.items()
                ]
                row[f"{name}/helps"] = sum(x < -0.005 for x in deltas)
                row[f"{name}/hurts"] = sum(x > 0.005 for x in deltas)
        rows.append(row)
        print(
            rule.ljust(22),
            "  ".join(
                f"{k} {v:+.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items() if k != "rule"
            ),
            flush=True,
        )
    return rows


def fmt(s: dict) -> str:
    return f"P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}  ({s['documents']} pages)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path("/work/shared/bench/scrapinghub-dev"))
    ap.add_argument("--html", action="store_true")
    ap.add_argument(
        "--ablate", nargs="*", metavar="RULE", help="switch rules off one at a time (all by default)"
    )
    ap.add_argument("--justext", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    corpora = {"dev": dev_corpus(args.bench, args.html)}
    if not args.html:
        corpora["fixtures"] = fixture_corpus()
    report: dict = {"mode": "html" if args.html else "text"}
    for name, c in corpora.items():
        cleaned = run(c)
        raw = scores(c, {k: d["text"] for k, d in c.items()})
        got = scores(c, {k: v.body for k, v in cleaned.items()})
        report[name] = {"raw": raw, "clean": got}
        for half in got:
            print(f"{name:8s} {half:5s} raw   {fmt(raw[half])}")
            print(f"{name:8s} {half:5s} clean {fmt(got[half])}")
        if name == "fixtures":
            right, n, wrong = title_accuracy(c, cleaned)
            print(f"fixtures titles {right}/{n}  wrong: {wrong}")
            report["fixture_titles"] = [right, n]
    if not args.html:
        ot = outlet_titles()
        right, n, wrong = title_accuracy(ot, run(ot))
        print(f"outlets titles {right}/{n}  wrong: {wrong}")
        report["outlet_titles"] = [right, n]
    if args.justext:
        import justext_baseline

        report["justext"] = justext_baseline.compare(corpora, args.html, scores, fmt)
    if args.ablate is not None:
        report["ablation"] = ablation_table(corpora, args.ablate)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
