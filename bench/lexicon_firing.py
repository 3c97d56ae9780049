"""Which boilerplate vocabulary entries fire where: a check for word lists fitted to a few pages.

usage: python bench/lexicon_firing.py [--bench DIR] [--max-pages N]

Every fragment of lexicon/boilerplate.toml is searched (case-insensitively, as the patterns use it) in every
line of the public development pages and of the fixture corpus. A line counts as boilerplate when its words
are not in the page's true body. Printed: fragments that fire on at most N development pages (default 1) and
on no fixture page — candidates for words fitted to the pages they were collected from — and fragments that
fire on more body lines than boilerplate lines (they cost recall).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assets.text import lexicon  # noqa: E402
from assets.text.cleaning.units import units_of  # noqa: E402

WORD = re.compile(r"\w+")


def _toks(s: str) -> str:
    return " ".join(WORD.findall(s.lower()))


def fragments() -> dict[str, list[str]]:
    """Every regex fragment of boilerplate.toml, by key."""
    out = {}
    for key in lexicon.table("boilerplate"):
        items = lexicon.ordered("boilerplate", key)
        out[key] = [f for f in items if f]
    return out


def pages(bench: Path) -> list[tuple[str, str, str]]:
    """(source, text, true body) of the development pages and the fixture pages."""
    truth = json.loads((bench / "truth.json").read_text(encoding="utf-8"))
    out = [
        ("dev", (bench / "text" / f"{k}.txt").read_text(encoding="utf-8"), v["articleBody"])
        for k, v in sorted(truth.items())
    ]
    fx = ROOT / "tests" / "fixtures" / "cleaning"
    gold = json.loads((fx / "gold.json").read_text(encoding="utf-8"))
    out += [
        ("fixture", (fx / f"{k}.txt").read_text(encoding="utf-8"), g["body"]) for k, g in sorted(gold.items())
    ]
    return out


def firing(bench: Path) -> dict[tuple[str, str], dict]:
    """Per fragment: pages it fires on by source, boilerplate lines and body lines it matches."""
    docs = [
        (src, [u.text for u in units_of(text) if u.n <= 40], _toks(body)) for src, text, body in pages(bench)
    ]
    stats: dict[tuple[str, str], dict] = {}
    for key, frags in fragments().items():
        for frag in frags:
            try:
                rx = re.compile(frag, re.I)
            except re.error:
                continue
            s = {"dev": set(), "fixture": set(), "boiler": 0, "body": 0}
            for i, (src, lines, body) in enumerate(docs):
                for line in lines:
                    if rx.search(line):
                        s[src].add(i)
                        in_body = len(line.split()) >= 3 and _toks(line) in body
                        s["body" if in_body else "boiler"] += 1
            stats[(key, frag)] = s
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path("/work/shared/bench/scrapinghub-dev"))
    ap.add_argument("--max-pages", type=int, default=1)
    args = ap.parse_args(argv)
    stats = firing(args.bench)
    by_key = defaultdict(list)
    for (key, frag), s in stats.items():
        if 0 < len(s["dev"]) <= args.max_pages and not s["fixture"]:
            by_key[key].append(frag)
    n_rare = sum(len(v) for v in by_key.values())
    n_silent = sum(1 for s in stats.values() if not s["dev"] and not s["fixture"])
    print(
        f"{len(stats)} fragments; {n_silent} fire nowhere; {n_rare} fire on <= {args.max_pages} dev page(s) only"
    )
    for key, frags in sorted(by_key.items()):
        print(f"  {key}: {frags}")
    print("fragments matching more body lines than boilerplate lines:")
    for (key, frag), s in sorted(stats.items()):
        if s["body"] > s["boiler"]:
            print(f"  {key}: {frag!r}  body {s['body']}  boilerplate {s['boiler']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
