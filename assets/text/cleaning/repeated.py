"""Lines repeated across the documents of one batch (site templates), and marking them in a document."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable

from .title import site_like, title_parts
from .units import WORD, Unit, key, units_of
from .weights import REPEATED_WEIGHT

# Repeated lines holding over this share of a document's good text are a syndicated story, not a template.
_SYNDICATED_SHARE = 0.5


def repeated_lines(texts: Iterable[str], min_docs: int = 3, min_share: float = 0.5) -> frozenset[str]:
    """Normalised keys of lines that recur across many documents of one batch (same source / partition)."""
    counts: Counter[str] = Counter()
    n_docs = 0
    for text in texts:
        n_docs += 1
        counts.update({key(u.text) for u in units_of(text)} - {""})
    if n_docs < 2:
        return frozenset()
    # Two documents of one source sharing a line is already strong evidence; in a large mixed batch a
    # line must recur in min_docs documents or in min_share of them.
    need = max(2, min(min_docs, math.ceil(min_share * n_docs)))
    return frozenset(k for k, c in counts.items() if c >= need)


def repeated_by_group(docs: Iterable[tuple[Hashable, str]], **kw) -> dict[Hashable, frozenset[str]]:
    """repeated_lines of each group of (group, text) documents: the caller decides what a group is (a source
    folder, an outlet, a site, a feed), e.g. `repeated_by_group((outlet_of(t) or folder, t) for …)`."""
    groups: dict[Hashable, list[str]] = defaultdict(list)
    for group, text in docs:
        groups[group].append(text)
    return {g: repeated_lines(texts, **kw) for g, texts in groups.items()}


def outlet_of(text: str) -> str | None:
    """The outlet a scraped page names in its first line, as a grouping key: the whole line when it only names
    the site ("THE DRIFTLINE"), the trailing name of a "Headline | Site" title line; None when it names none.

    Pages of one outlet arrive through mixed feeds and folders; grouping them by the outlet lets its template
    lines and recurring section labels count as repeated.
    """
    first = next((u for u in units_of(text[:2000])), None)
    if first is None:
        return None
    if site_like(first):
        return key(first.text) or None
    parts = title_parts(first.text)
    tail = parts[-1] if len(parts) >= 2 else ""
    return key(tail) if 1 <= len(WORD.findall(tail)) <= 4 else None


def mark_repeated(units: list[Unit], repeated: frozenset[str]) -> None:
    """Mark template lines shared with other documents of the batch as boilerplate.

    When they would take most of the body (the same wire story on several sites) they are syndication, not
    template, and their text lines count as text.
    """
    rep = [u for u in units if repeated and key(u.text) in repeated]
    rep_good = sum(u.n for u in rep if u.cls == "good")
    all_good = sum(u.n for u in units if u.cls == "good")
    syndicated = all_good > 0 and rep_good > _SYNDICATED_SHARE * all_good
    for u in rep:
        if u.cls in ("good", "medium") and syndicated or u.cls == "title":
            continue
        if not u.kind:
            u.kind = "repeated_across_documents"
        u.cls, u.weight = "bad", min(u.weight, REPEATED_WEIGHT)
