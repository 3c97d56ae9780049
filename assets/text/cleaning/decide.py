"""Keep or remove each unit with the most specific reason known; duplicates; trailing truncation markers."""

from __future__ import annotations

from .patterns import BY, BYLINE, MEDIA_FILE, TRAILING_ELLIPSIS, TRUNCATION
from .result import Removal
from .units import INVISIBLE, WORD, Unit, norm, strip_span

# Kinds whose header line also claims the short lines listed under it (a "Related" box, a tag list).
_BOX_HEADS = frozenset({"related_links", "category_list"})
_LIST_HEADS = frozenset(
    {"related_links", "category_list", "share_widget", "comment_counter", "comment_form", "navigation"}
)


def mark_duplicates(units: list[Unit], a: int, b: int) -> None:
    """Later copies of a paragraph: the copy inside the body run is the one that stays."""
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if u.cls == "title" or u.kind == "headline_repeat":
            continue
        # short lines recur legitimately in lists and tables (the same ingredient, the same label)
        if len(u.words) >= 8:
            groups.setdefault(u.key, []).append(i)
    for idxs in groups.values():
        inside = [i for i in idxs if a <= i <= b]
        # A pull quote or a box shown twice is one copy more; a line recurring three times or more in the
        # article is its structure (a meal plan, a schedule), and a line mostly of numbers is a table row.
        if len(idxs) < 2 or len(inside) >= 3 or _numeric(units[idxs[0]]):
            continue
        first = inside[0] if inside else idxs[0]
        for i in idxs:
            if i != first:
                units[i].dup_of = first


def _numeric(u: Unit) -> bool:
    """A line with a number in at least a fifth of its words (quantities, a table row)."""
    return sum(any(c.isdigit() for c in w) for w in u.words) >= 0.2 * len(u.words)


def decide(units: list[Unit], a: int, b: int) -> None:
    """Keep or remove each unit, with a reason for every removal."""
    list_reason: str | None = None
    for i, u in enumerate(units):
        if u.cls == "title":
            list_reason = None
            continue
        inside = a <= i <= b
        # a bare address in the article is a reference it gives, unless it is an image's or a player's file
        if u.kind == "link" and inside and not MEDIA_FILE.search(u.text):
            u.keep = True
            continue
        if u.kind:
            u.reason = u.kind
            list_reason = u.kind if u.kind in _LIST_HEADS or BY.match(u.text) else None
            continue
        if u.dup_of is not None:
            u.reason = "duplicate"
            continue
        if _listed(u, list_reason, inside):
            u.reason = list_reason
            continue
        list_reason = None
        if inside:
            u.keep = True
            continue
        u.reason = _outside_reason(u, before=i < a)


def _listed(u: Unit, list_reason: str | None, inside: bool) -> bool:
    """The short lines listed under a "Related" or "Tags" header belong to that box."""
    if list_reason == "byline":  # "By" on its own line: the name lines under it
        return u.cls == "short" and u.n <= 6 and u.caps >= 0.6
    if inside:  # in the article only a box of links claims the lines under its header
        return list_reason in _BOX_HEADS and u.cls in ("short", "content") and u.n <= 20
    return list_reason is not None and u.cls in ("short", "content", "medium") and u.n <= 20


def _outside_reason(u: Unit, before: bool) -> str:
    """Reason for a unit outside the body run that no vocabulary recognised."""
    if u.cls in ("short", "content") and u.n <= 3:
        return "navigation" if u.n else "short_fragment"
    if u.cls in ("short", "content") and u.caps >= 0.6 and not u.sentence:
        return "navigation" if before else "related_links"
    return "header" if before else "footer"


def strip_truncation(raw: str, units: list[Unit], kept: list[Unit], removals: list[Removal]) -> None:
    """Cut a trailing "……" or "[…]" off the last kept paragraph (the text before it stays)."""
    if not kept:
        return
    last = kept[-1]
    m = TRUNCATION.search(last.text)
    if not m:
        nxt = next((u for u in units if u.start > last.end and u.kind), None)
        if nxt and nxt.kind in ("paywall", "newsletter_prompt", "login_prompt"):
            m = TRAILING_ELLIPSIS.search(last.text)
    if not m or m.start() == 0:
        return
    marker = m.group().strip()
    pos = raw.rfind(marker[-1], last.start, last.end)
    start = pos + 1
    # walk back over the marker's characters in raw
    chars = set(".…[]() ") | set(INVISIBLE)
    while start > last.start and raw[start - 1] in chars:
        start -= 1
    s, e = strip_span(raw, start, last.end)
    if s >= e:
        return
    removals.append(Removal(s, e, raw[s:e], "truncation_marker"))
    last.end = start
    last.text = norm(raw[last.start : start])


# How an author bio at the end of an article opens: the author's name, then one of these.
_BIO_VERBS = (" is ", " was ", " has ", " writes ", " teaches ", " works ", " lives ")


def _author_names(units: list[Unit], a: int) -> set[str]:
    """The names on the byline lines above the body: the capitalised words after any opener ("By", "Words:")."""
    names = set()
    for u in units[:a]:
        name_line = u.kind is None and u.cls != "title" and 2 <= u.n <= 4 and u.caps == 1.0
        if u.kind != "byline" and not name_line:
            continue
        m = BYLINE.match(u.text) if u.kind == "byline" else None
        caps = []
        for w in WORD.findall(u.text[m.end() - 1 :] if m else u.text):
            if not w[0].isupper():
                break
            caps.append(w)
        if 2 <= len(caps) <= 4:
            names.add(" ".join(caps))
    return names


def mark_author_bio(units: list[Unit], a: int) -> None:
    """The author's bio at the end of the article ("Hannah Cole is a transport researcher …") is a byline."""
    names = _author_names(units, a)
    kept = [u for u in units if u.keep]
    for u in kept[-2:]:
        if u.n <= 60 and any(u.text.startswith(n + v) for n in names for v in _BIO_VERBS):
            u.keep, u.reason = False, "byline"
