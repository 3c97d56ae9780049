"""The headline (from the first line and its copies further down) and a site name to split off it."""

from __future__ import annotations

from collections import Counter

from .patterns import TITLE_SEP
from .units import WORD, Unit
from .weights import HEADLINE_WEIGHT


def _title_parts(text: str) -> list[str]:
    """Segments of a "Headline | Site" title line."""
    return [p for p in TITLE_SEP.split(text) if p.strip()]


def _contains(a: str, b: str) -> bool:
    """One key is the other, or most of it."""
    short, long_ = sorted((a, b), key=len)
    return a == b or len(short) >= 12 and len(short) >= 0.6 * len(long_) and short in long_


def _similar(a: str, b: str) -> bool:
    """Two headline keys that say the same thing (one may be shortened or carry the site name)."""
    if not a or not b:
        return False
    if _contains(a, b):
        return True
    wa, wb = a.split(), b.split()
    if min(len(wa), len(wb)) < 4:
        return False
    common = sum((Counter(wa) & Counter(wb)).values())
    return common / min(len(wa), len(wb)) >= 0.75 and common / max(len(wa), len(wb)) >= 0.5


def _find_title(units: list[Unit]) -> tuple[int | None, list[int]]:
    """Index of the headline unit and indices of its other copies."""
    if not units:
        return None, []
    first = units[0]
    if (
        first.kind not in (None, "navigation")
        or first.n > 40
        or first.n == 0
        or (first.n >= 25 and first.sentence)
    ):
        return None, []
    # The <title> line often carries the site name ("Headline | Site"): the headline is the whole line
    # or, failing that, its longest segment, or its first.
    parts = [" ".join(WORD.findall(p.lower())) for p in _title_parts(first.text)]
    tiers = [first.key] + sorted(
        {p for p in parts if len(p) >= 8 and len(p.split()) >= 2}, key=len, reverse=True
    )
    if parts and parts[0] in tiers[1:]:
        tiers.remove(parts[0])
        tiers.append(parts[0])
    for key in tiers:
        fuzzy = key == first.key  # a segment must match exactly: a subheading may share its words
        copies = [
            i
            for i in range(1, len(units))
            if 0 < units[i].n <= 40
            and len(units[i].key) >= 8
            and units[i].kind in (None, "navigation")
            and (_similar(key, units[i].key) if fuzzy else _contains(key, units[i].key))
        ]
        if copies:
            return copies[0], [0] + copies[1:]
    return 0, []


def mark_title(units: list[Unit]) -> tuple[int | None, list[int]]:
    """Find the headline and its copies and mark them: the copies as removed, the headline as the title."""
    title_idx, title_copies = _find_title(units)
    for i in title_copies:
        units[i].kind, units[i].cls, units[i].weight = "headline_repeat", "bad", HEADLINE_WEIGHT
    if title_idx is not None:
        units[title_idx].cls, units[title_idx].weight = "title", HEADLINE_WEIGHT
    return title_idx, title_copies


def site_name_cut(raw: str, t: Unit) -> int | None:
    """Offset where a trailing site name starts in a "Headline - Site" title line, or None."""
    seps = list(TITLE_SEP.finditer(raw, t.start, t.end))
    if not seps:
        return None
    last = seps[-1]
    head, tail = raw[t.start : last.start()], raw[last.end() : t.end]
    if len(WORD.findall(tail)) <= 4 and len(WORD.findall(head)) >= 3:
        return last.start()
    return None


def site_like(u: Unit) -> bool:
    """A first line that names the site rather than the article (no "Headline | Site" shape, a few words)."""
    return not TITLE_SEP.search(u.text) and u.n <= 5 and not u.sentence


def headline_above(units: list[Unit], a: int) -> int:
    """Index of the headline just above the body when the first line only names the site (else 0)."""
    for k in range(a - 1, max(0, a - 10), -1):
        u = units[k]
        if u.kind or u.cls == "title":
            continue
        if 3 <= u.n <= 30 and not u.text.endswith("."):
            first = units[0]
            first.cls, first.keep, first.reason = "short", False, "site_name"
            u.cls, u.keep, u.reason = "title", False, None
            for v in units:
                if v is not u and v.key == u.key:
                    v.keep, v.reason = False, "headline_repeat"
            return k
        break
    return 0
