"""The article body: the run of units with the highest total weight, anchored, bridged and extended."""

from __future__ import annotations

from .units import Unit
from .weights import STRONG, STRONG_WEIGHT

# The article usually starts right under its headline: a run starting within this many units of a
# headline copy wins over a bigger run elsewhere (teasers, sidebars) unless it is much smaller.
_ANCHOR_WINDOW = 20
_ANCHOR_SHARE = 0.25
# Text after a reader-comment marker keeps this share of its weight (comments read like article text).
_COMMENT_DISCOUNT = 0.2
_COMMENT_KINDS = frozenset({"comment_counter", "comments", "comment_form"})
# A box inside the article (newsletter prompt, "Related" list) is bridged when it is this small.
_BRIDGE_STRONG = 2
_BRIDGE_GAP = 16
# A run that reads as one text wins over a bigger list of teasers unless it is smaller than this share.
_TEASER_SHARE = 0.2
# A run ending in this many (headline, one-paragraph blurb) pairs ends in a list of other articles' teasers.
_TEASER_PAIRS = 3
_BLURB_WORDS = 40


def comment_zone(units: list[Unit]) -> int | None:
    """Index where reader comments start: a comment marker after article text, with more markers near it."""
    for i, u in enumerate(units):
        if u.kind not in _COMMENT_KINDS:
            continue
        before = sum(v.n for v in units[max(0, i - 40) : i] if v.cls == "good")
        after = sum(1 for v in units[i + 1 : i + 12] if v.kind in _COMMENT_KINDS)
        if before >= 80 and after >= 1:
            return i
    return None


def discount_comments(units: list[Unit], zone: int | None) -> None:
    """Lower the weight of the text in the comment zone, so that the article outweighs its comments."""
    if zone is not None:
        for u in units[zone:]:
            if u.weight > 0:
                u.weight *= _COMMENT_DISCOUNT


def _best_run(units: list[Unit], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """The run of units with the largest total weight, starting in [lo, hi), crossing no hard boundary.

    Kadane's maximum-subsequence scan.
    """
    hi = len(units) if hi is None else min(hi, len(units))
    best, best_a, best_b = 0.0, lo, lo - 1
    cur, cur_a = 0.0, lo
    for i in range(lo, len(units)):
        if units[i].kind in STRONG:
            cur = 0.0
            if i >= hi:
                break
            continue
        if cur <= 0:
            if i >= hi:
                break
            cur, cur_a = 0.0, i
        cur += units[i].weight
        if cur > best:
            best, best_a, best_b = cur, cur_a, i
    return best_a, best_b, best


def _segment_runs(units: list[Unit]) -> list[tuple[int, int, float]]:
    """The best run of each stretch between hard boundaries."""
    runs, lo = [], 0
    for i in range(len(units) + 1):
        if i == len(units) or units[i].kind in STRONG:
            if i > lo:
                # units[i] is a boundary (or the end): the scan stops there without slicing the list
                a, b, score = _best_run(units, lo, i)
                if score > 0:
                    runs.append((a, b, score))
            lo = i + 1
    return runs


def choose_run(units: list[Unit], anchors: list[int]) -> tuple[int, int]:
    """The body run: the best run overall, unless a good run starts just under a copy of the headline."""
    a, b, score = _best_run(units)
    if b >= a and _teaser_like(units, a, b + 1):
        # a list of other articles' teasers outweighs a short article: take the best run that reads as
        # one text
        runs = _segment_runs(units)
        plain = [r for r in runs if not _teaser_like(units, r[0], r[1] + 1) and r[2] >= _TEASER_SHARE * score]
        if plain:
            a, b, _ = max(plain, key=lambda r: r[2])
    for c in anchors:  # the first copy of the headline in reading order is the page's h1
        if a < c < b:  # a "copy" inside the text is a subheading that resembles the headline
            break
        r = _best_run(units, c + 1, c + 1 + _ANCHOR_WINDOW)
        if r[2] > 0 and r[2] >= _ANCHOR_SHARE * score:
            a, b = r[0], r[1]
            break
    if b < a:
        return a, b
    b = _bridge_after(units, b)
    a = _bridge_before(units, a)
    a = _skip_standfirst(units, a, b)
    # a list directly above the first paragraph (key points, a table) belongs to the article
    k = a - 1
    while k >= 0 and units[k].kind is None and units[k].cls == "content":
        k -= 1
    if a - 1 - k >= 2:
        a = k + 1
    return a, b


def _skip_standfirst(units: list[Unit], a: int, b: int) -> int:
    """Start the body after the byline when only a short standfirst stands above it."""
    words = 0
    for p in range(a, min(b, a + 8) + 1):
        u = units[p]
        if u.kind in ("byline", "dateline"):
            rest = sum(v.n for v in units[p + 1 : b + 1] if v.cls == "good")
            return p + 1 if 0 < words <= 60 and rest >= 2 * words else a
        if u.cls in ("good", "medium"):
            words += u.n
    return a


def _teaser_like(units: list[Unit], lo: int, hi: int) -> bool:
    """A stretch whose paragraphs stand alone between short lines: a list of other articles' teasers."""
    goods = [i for i in range(lo, hi) if units[i].cls == "good"]
    if len(goods) < 3:
        return False
    text = ("good", "medium")
    alone = sum(
        1
        for i in goods
        if (i == 0 or units[i - 1].cls not in text) and (i + 1 >= len(units) or units[i + 1].cls not in text)
    )
    return alone >= 0.6 * len(goods)


def _boxes(gap: list[Unit]) -> int:
    """Number of boxes of hard-boundary lines in a gap (lines at most one apart belong to one box)."""
    boxes, last = 0, -3
    for i, u in enumerate(gap):
        if u.kind in STRONG:
            if i - last > 2:
                boxes += 1
            last = i
    return boxes


def _bridgeable(gap: list[Unit]) -> tuple[bool, float]:
    """Whether a gap is a small box that may be bridged, and the cost of bridging it."""
    strong = _boxes(gap)
    if not strong or strong > _BRIDGE_STRONG or len(gap) > _BRIDGE_GAP:
        return False, 0.0
    return True, sum(u.weight for u in gap if u.kind not in STRONG) + STRONG_WEIGHT * strong


def _bridge_after(units: list[Unit], b: int) -> int:
    """Carry the run's end over a small box inside the article (newsletter prompt, related links)."""
    n = len(units)
    while True:
        j = b + 1
        while j < n and units[j].cls != "good":
            j += 1
        ok, cost = _bridgeable(units[b + 1 : j])
        if j >= n or not ok:
            break
        _, e, gain = _best_run(units, j, j + 1)
        if gain + cost <= 0 or _teaser_like(units, j, e + 1):
            break
        b = e
    return b


def _bridge_before(units: list[Unit], a: int) -> int:
    """Carry the run's start back over a small box to the text before it."""
    while True:
        j = a - 1
        while j >= 0 and units[j].cls != "good":
            j -= 1
        ok, cost = _bridgeable(units[j + 1 : a])
        if j < 0 or not ok:
            break
        lo, gain, total = j, 0.0, 0.0
        for k in range(j, -1, -1):  # the best run ending at j
            if units[k].kind in STRONG:
                break
            total += units[k].weight
            if total > gain:
                lo, gain = k, total
        if gain + cost <= 0 or _teaser_like(units, lo, j + 1):
            break
        a = lo
    return a


def extend(units: list[Unit], a: int, b: int, stop: int) -> int:
    """Carry the run's end over adjacent content lines (a table or list under the last paragraph)."""
    j = b + 1
    while j < stop:
        u = units[j]
        if u.kind is None and u.cls in ("content", "medium", "good"):
            j += 1
            continue
        k = _listed_under(units, j, stop)
        if k is not None:
            j = k
            continue
        # a table's or list's header line, directly followed by its rows
        nxt = units[j + 1] if j + 1 < stop else None
        if (
            u.kind is None
            and u.cls == "short"
            and u.n <= 12
            and nxt is not None
            and nxt.block == u.block
            and nxt.kind is None
            and nxt.cls == "content"
        ):
            j += 1
            continue
        break
    return j - 1


def _listed_under(units: list[Unit], j: int, stop: int) -> int | None:
    """End of the list block under a line that announces it ("… tour dates:"), at or just before unit j."""
    u = units[j]
    intro = j if u.text.endswith(":") else j - 1
    if u.kind is None and units[intro].text.endswith(":") and units[intro].kind is None and intro + 1 < stop:
        k = intro + 1
        block = units[k].block
        while k < stop and units[k].block == block and units[k].kind is None:
            k += 1
        if k - intro > 2:
            return k
    return None


def trim_teasers(units: list[Unit], a: int, b: int) -> int:
    """End the run before a trailing list of other articles' teasers, each a short headline-like line (no
    final stop, colon or question mark) over a blurb of one or two sentences, when the text above them is
    longer than one paragraph. Sections under subheadings run longer than a blurb."""
    i, pairs = b, 0
    while i - 1 > a:
        blurb, head = units[i], units[i - 1]
        if not (
            blurb.kind is None
            and blurb.cls in ("good", "medium")
            and blurb.n <= _BLURB_WORDS
            and head.kind is None
            and head.cls in ("short", "content")
            and 3 <= head.n <= 15
            and not head.text.endswith((".", ":", "?", "!"))
        ):
            break
        pairs, i = pairs + 1, i - 2
    if pairs >= _TEASER_PAIRS and sum(u.cls == "good" for u in units[a : i + 1]) >= 2:
        return i
    return b
