"""Hedges and directions written just before a figure: "about", "more than", "up to", "up", "down"."""

from __future__ import annotations

import re

from assets.text import lexicon

# Each hedge phrase with the flag it gives; they stay out of the figure's text and value.
_HEDGE_FLAGS = {
    **dict.fromkeys(lexicon.ordered("figures", "hedge_approx"), "approx"),
    **dict.fromkeys(lexicon.ordered("figures", "hedge_lower_bound"), "lower_bound"),
    **dict.fromkeys(lexicon.ordered("figures", "hedge_upper_bound"), "upper_bound"),
}
# A hedge phrase ending the text right before the figure (lower-cased, so no case flag).
_HEDGE_RE = re.compile(rf"(?:^|[^\w])(?P<w>{lexicon.alternation(_HEDGE_FLAGS)})\s+$")
_UP_RE = re.compile(r"(?:^|\W)up\s+$")
_DOWN_RE = re.compile(r"(?:^|\W)down\s+$")
# How many characters before a figure are searched for a hedge ("in excess of" and its spaces fit).
_HEDGE_WINDOW = 40


def _hedge_flags(body: str, start: int) -> list[str]:
    """Flags from the words right before the figure at `start`: a hedge, then "increase"/"decrease"."""
    before = body[max(0, start - _HEDGE_WINDOW) : start].lower()
    flags = []
    m = _HEDGE_RE.search(before)
    if m:
        flags.append(_HEDGE_FLAGS[m.group("w")])
    if _UP_RE.search(before):
        flags.append("increase")
    elif _DOWN_RE.search(before):
        flags.append("decrease")
    return flags
