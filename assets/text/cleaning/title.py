"""The headline (from the first line and its copies further down) and a site name to split off it."""

from __future__ import annotations

import re
from collections import Counter

from .patterns import TITLE_SEP
from .units import END_STRONG, WORD, Unit
from .weights import HEADLINE_WEIGHT


def title_parts(text: str) -> list[str]:
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
    parts = [" ".join(WORD.findall(p.lower())) for p in title_parts(first.text)]
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


# How far above the body the headline is looked for, and the support that lets a headline found there win
# over a first line that is not followed by a byline (a teaser, a widget label above the real headline).
_HEADER_SPAN = 30
_STRONG_SUPPORT = 3
# Two to four capitalised words (initials, hyphens, apostrophes) and nothing else: a person's name.
_MENU = re.compile(r"\s[|›»•·]\s")  # items side by side: "Home › News", "Accept | More options"
_NAME = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}$")


def _name_line(u: Unit) -> bool:
    """A bare name line, as under a headline ("Marisol Grant"); not a row of menu words in capitals."""
    if u.n >= 3 and u.text.isupper():
        return False
    return (
        u.kind is None
        and 2 <= u.n <= 4
        and bool(_NAME.match(u.text))
        and all(w[0].isupper() for w in u.words)
    )


def _attribution(units: list[Unit], j: int) -> bool:
    """A short line right above a dateline: the author or desk line ("The Chronicle's view")."""
    u = units[j]
    return (
        u.kind is None
        and 2 <= u.n <= 6
        and not u.sentence
        and j + 1 < len(units)
        and units[j + 1].kind == "dateline"
    )


def support(units: list[Unit], k: int) -> int:
    """How strongly the lines under unit k mark it as the headline: a byline or dateline right below (4), or
    below a standfirst (3); boilerplate lines between them (a share bar, an audio label) are passed over."""
    standfirst, skipped = None, False
    for j in range(k + 1, min(len(units), k + 6)):
        u = units[j]
        # a bare name counts only right under the headline (or its standfirst): further down it is a menu item
        if u.kind in ("byline", "dateline") or not skipped and (_name_line(u) or _attribution(units, j)):
            return 4 - (standfirst or 0)
        if u.kind is not None and u.kind != "headline_repeat":
            skipped = True
            continue
        # a standfirst is one sentence-like line, right under the headline
        if standfirst is not None or j > k + 1 or not _standfirst_like(u):
            return 0
        # a standfirst is longer than its headline; a shorter line under this one is the headline
        standfirst = 0 if u.n > units[k].n else 1
    return 0


def _standfirst_like(u: Unit) -> bool:
    """A standfirst: a sentence, or a long line; a short question under a label is the headline itself."""
    return u.cls != "title" and (u.n >= 6 and u.text.endswith(".") or u.n >= 10)


def _headline_shape(u: Unit) -> bool:
    """A line that can be a headline: no boilerplate kind, a few words, not a name line.

    A line repeated in other documents of the batch may be: other pages list this one under "Related".
    """
    return (
        u.kind in (None, "repeated_across_documents")
        and u.cls != "title"
        and 3 <= u.n <= 30
        and not _name_line(u)
        and not _MENU.search(u.text)
        and not u.text.isupper()  # a label ("ACCEPT", "MOST READ"), not a headline
    )


def _best_above(units: list[Unit], a: int) -> tuple[int | None, int]:
    """The best-supported headline candidate above the body start a, and its support (nearest wins ties)."""
    best, best_score, best_n = None, 0, 0
    for k in range(max(1, a - _HEADER_SPAN), a):
        u = units[k]
        if not _headline_shape(u):
            continue
        # a teaser, caption or standfirst ends like a sentence; a headline rarely does
        score = support(units, k) - (2 if u.text.endswith(".") else 0)
        # the author line right under the headline is supported by the same dateline: the headline stays
        if best == k - 1 and _attribution(units, k):
            continue
        # equal support: the shorter line (a headline is shorter than the standfirst or teaser next to it)
        if score > 0 and (score > best_score or score == best_score and u.n <= best_n):
            best, best_score, best_n = k, score, u.n
    return best, best_score


def _nearest_above(units: list[Unit], a: int) -> int | None:
    """The line just above the body when it looks like a headline (the layout "site, menu, headline, text")."""
    for k in range(a - 1, max(0, a - 10), -1):
        u = units[k]
        if u.kind or u.cls == "title" or _name_line(u):
            continue
        return k if 3 <= u.n <= 30 and not u.text.endswith(".") else None
    return None


def _teaser(u: Unit) -> bool:
    """A sentence of some length: a teaser or standfirst (a page's title line does not end in a full stop)."""
    return u.n >= 6 and bool(END_STRONG.search(u.text)) and not u.text.endswith(("?", "!"))


def _in_title_line(units: list[Unit], k: int, a: int) -> bool:
    """Half or more of unit k's longer words are in the first line or in a title-shaped line above the body."""
    words = {w for w in units[k].key.split() if len(w) >= 3}
    lines = [units[0]] + [u for u in units[1:a] if u is not units[k] and TITLE_SEP.search(u.text)]
    return bool(words) and any(len(words & set(u.key.split())) >= 0.5 * len(words) for u in lines)


def headline_in_header(units: list[Unit], a: int, current: int | None) -> int | None:
    """The headline when the first line is not clearly it: a line above the body with a byline under it, or
    the line just above the body when the first line only names the site. Marks the units it moves."""
    if current not in (0, None) or a <= 0:
        return current
    first = units[0]
    if current == 0 and support(units, 0) >= _STRONG_SUPPORT:
        return current
    k, score = _best_above(units, a)
    weak_first = current is None or site_like(first)
    # A first line that is a title line stays unless the line found is the on-page form of a title line
    # (shares its words: the first line, or a "Headline – Site" line further down); a first line that reads
    # as a sentence is a teaser, not a title line.
    if not weak_first and not (score >= _STRONG_SUPPORT and (_teaser(first) or _in_title_line(units, k, a))):
        return current
    if k is None and weak_first:
        k = _nearest_above(units, a)
    if k is None:
        return current
    if current == 0:
        first.cls, first.keep = "short", False
        first.reason = "site_name" if site_like(first) else "header"
    u = units[k]
    u.cls, u.keep, u.reason = "title", False, None
    for v in units:
        if v is not u and v.key == u.key:
            v.keep, v.reason = False, "headline_repeat"
    return k
