"""The cleaner end to end: units, kinds, headline, body run, decisions, then title, body and removals."""

from __future__ import annotations

from .body import choose_run, comment_zone, discount_comments, extend, trim_teasers
from .decide import decide, mark_author_bio, mark_duplicates, strip_truncation
from .kinds import captions_by_credit, kind_of
from .repeated import mark_repeated
from .result import Cleaned, Removal
from .title import headline_in_header, mark_title, site_name_cut
from .units import Unit, norm, strip_span, units_of
from .weights import classify_all, table_rows


def _analyse(raw: str, repeated: frozenset[str]) -> tuple[list[Unit], int | None]:
    """Units with their decisions, and the headline's unit index."""
    units = units_of(raw)
    kinds: dict[str, str | None] = {}  # a unit's kind depends on its text alone: repeated lines cost once
    for u in units:
        if u.text not in kinds:
            kinds[u.text] = kind_of(u)
        u.kind = kinds[u.text]
    classify_all(units)
    title_idx, title_copies = mark_title(units)
    mark_repeated(units, repeated)
    zone = comment_zone(units)
    discount_comments(units, zone)
    anchors = [i for i in [title_idx, *title_copies] if i is not None and i > 0]
    table_rows(units)
    captions_by_credit(units)
    a, b = choose_run(units, anchors)
    b = extend(units, a, b, len(units) if zone is None else zone)
    b = trim_teasers(units, a, b)
    mark_duplicates(units, a, b)
    decide(units, a, b)
    mark_author_bio(units, a)
    if not title_copies:
        title_idx = headline_in_header(units, a, title_idx)
    return units, title_idx


def clean_text(raw: str, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Split the raw text into title, body and explained removals."""
    units, title_idx = _analyse(raw, repeated)
    if not units:
        return Cleaned(None, "", ())
    removals: list[Removal] = []
    title = None
    if title_idx is not None:
        t = units[title_idx]
        title = t.text
        if title_idx == 0:
            cut = site_name_cut(raw, t)
            if cut is not None:
                title = norm(raw[t.start : cut])
                s, e = strip_span(raw, cut, t.end)
                removals.append(Removal(s, e, raw[s:e], "site_name"))
    kept = [u for u in units if u.keep]
    strip_truncation(raw, units, kept, removals)
    for u in units:
        if not u.keep and u.cls != "title":
            removals.append(Removal(u.start, u.end, raw[u.start : u.end], u.reason or "footer"))
    removals.sort(key=lambda r: r.start)
    return Cleaned(title, _join_paragraphs(kept), tuple(removals))


def _join_paragraphs(kept: list[Unit]) -> str:
    """The body text: paragraphs blank-line separated as in the raw text.

    Lines the raw text kept together (single newlines, e.g. a list, or a dump without blank lines) stay on
    their own lines. The body is then never longer than the raw text.
    """
    # lists of lines joined once at the end: appending to one growing string is quadratic in a long block
    paragraphs: list[list[str]] = []
    last_block = None
    for u in kept:
        if not u.text:
            continue
        if paragraphs and u.block == last_block:
            paragraphs[-1].append(u.text)
        else:
            paragraphs.append([u.text])
        last_block = u.block
    return "\n\n".join("\n".join(p) for p in paragraphs)
