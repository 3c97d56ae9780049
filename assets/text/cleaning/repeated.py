"""Lines repeated across the documents of one batch (site templates), and marking them in a document."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from .units import Unit, key, units_of
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
