"""Body-likeness class and body-run weight of each unit (a body-like unit counts for, boilerplate against)."""

from __future__ import annotations

from .patterns import BULLET, TABLE_ROW
from .units import Unit

# Kinds that are hard boundaries of the body run: the article does not go on across them (only a small box of
# them inside the article is bridged, see body.py).
STRONG = frozenset(
    {
        "comment_form",
        "comment_counter",
        "comments",
        "related_links",
        "category_list",
        "newsletter_prompt",
        "copyright",
        "cookie_notice",
        "login_prompt",
        "paywall",
        "markup",
    }
)
STRONG_WEIGHT = -25.0
KIND_WEIGHT = -6.0
HEADLINE_WEIGHT = -10.0
REPEATED_WEIGHT = -10.0
# Share of stopwords among the words of the long lines under which a document's language is taken to have no
# stopword list: its lines are then judged on length and punctuation alone.
_STOPWORD_LANGUAGE = 0.08


def classify_all(units: list[Unit]) -> None:
    """Class and weight of every unit, using stopword density only when the document's language has a list."""
    long_units = [u for u in units if u.n >= 12]
    total = sum(len(u.words) for u in long_units)
    use_stop = total > 0 and sum(u.stop * len(u.words) for u in long_units) / total >= _STOPWORD_LANGUAGE
    for u in units:
        _classify(u, use_stop)


def _classify(u: Unit, use_stop: bool) -> None:
    """Body-likeness class and weight of a unit."""
    stop_ok = (u.stop >= 0.12) if use_stop else True
    if u.kind:
        u.cls, u.weight = "bad", STRONG_WEIGHT if u.kind in STRONG else KIND_WEIGHT
    elif u.n >= 12 and stop_ok and (u.sentence or u.n >= 25) and u.caps < 0.7:
        u.cls, u.weight = "good", float(min(u.n, 120))
    elif u.n >= 4 and u.sentence and (stop_ok or u.n >= 8) and u.caps < 0.8:
        u.cls, u.weight = "medium", 0.5 * u.n
    elif _content_like(u):
        u.cls, u.weight = "content", -0.3
    else:
        u.cls, u.weight = "short", -(1.0 + 0.3 * min(u.n, 20))


def _content_like(u: Unit) -> bool:
    """A short line that reads as article content (table row, list item, quantity) rather than a link."""
    if u.words and sum(w.isdigit() for w in u.words) >= max(1, 0.3 * len(u.words)):
        return True
    t = u.text
    if TABLE_ROW.match(t) or any(c.isdigit() for c in t) and any(c in t for c in ",(@"):
        return True
    if u.caps >= 0.75:
        return False
    return bool(
        any(c.isdigit() for c in t) or "," in t or "(" in t or ";" in t or t[:1].islower() or BULLET.match(t)
    )


def table_rows(units: list[Unit]) -> None:
    """Runs of three or more number-bearing short lines are table rows: weak evidence of content."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].cls == "content" and any(w.isdigit() for w in units[j].words):
            j += 1
        if j - i >= 3:
            for u in units[i:j]:
                u.weight = 0.2 * min(u.n, 10)
        i = max(j, i + 1)
