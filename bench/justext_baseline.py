"""jusText's paragraph classifier as a baseline for the cleaner (used by bench/cleaning_split.py --justext).

jusText (the package trafilatura falls back on) classifies each paragraph by length, stopword density and
link density (its context-free class), then revises short and near-good paragraphs by their neighbours. On
HTML it reads the page; on a plain-text dump every line becomes a paragraph (no links, no tags). The stoplist
is the one of jusText's 100 languages sharing the most words with the page. Two combinations with clean_text
are scored too: its body without the lines jusText calls bad before context ("clean∩jt"), and its body plus
the lines jusText calls good that it left out ("clean∪jt").
"""

from __future__ import annotations

import gzip
import html as html_lib
import re
from functools import cache

import justext

from assets.text.cleaning import clean_text, repeated_lines

_WORD = re.compile(r"\w+")


@cache
def _stoplists() -> dict[str, frozenset[str]]:
    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


def stoplist_for(text: str) -> frozenset[str]:
    """The stoplist of the language that shares the most words with the text."""
    words = [w.lower() for w in _WORD.findall(text)]
    return max(_stoplists().values(), key=lambda s: sum(w in s for w in words))


def paragraphs(doc: dict, html_mode: bool) -> list:
    """jusText's paragraphs of one page, with their classes."""
    stop = stoplist_for(doc["text"])
    if html_mode:
        with gzip.open(doc["html_path"], "rb") as fh:
            page = fh.read()
        return justext.justext(page, stop)
    lines = [ln.strip() for ln in doc["text"].splitlines() if ln.strip()]
    page = "<html><body>" + "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in lines) + "</body></html>"
    return justext.justext(page.encode(), stop, encoding="utf-8")


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def predictions(corpus: dict, html_mode: bool) -> dict[str, dict[str, str]]:
    """Bodies by jusText alone and by the two combinations with clean_text."""
    out: dict[str, dict[str, str]] = {"justext": {}, "clean∩jt": {}, "clean∪jt": {}}
    groups: dict[str, list[str]] = {}
    for k, d in corpus.items():
        groups.setdefault(d["group"], []).append(k)
    for keys in groups.values():
        rep = repeated_lines(corpus[k]["text"] for k in keys)
        for k in keys:
            paras = paragraphs(corpus[k], html_mode)
            out["justext"][k] = "\n\n".join(p.text for p in paras if not p.is_boilerplate)
            bad = {_norm(p.text) for p in paras if p.cf_class == "bad"}
            good = [p.text for p in paras if p.class_type == "good"]
            body = clean_text(corpus[k]["text"], rep).body
            lines = body.split("\n")
            out["clean∩jt"][k] = "\n".join(ln for ln in lines if _norm(ln) not in bad)
            have = {_norm(ln) for ln in lines}
            out["clean∪jt"][k] = "\n".join([*lines, *(g for g in good if _norm(g) not in have)])
    return out


def compare(corpora: dict, html_mode: bool, scores, fmt) -> dict:
    """Scores of jusText and the combinations on every corpus half, printed and returned."""
    report = {}
    for name, corpus in corpora.items():
        for method, preds in predictions(corpus, html_mode).items():
            s = scores(corpus, preds)
            report[f"{name}/{method}"] = s
            for half, v in s.items():
                print(f"{name:8s} {half:5s} {method:9s} {fmt(v)}")
    return report
