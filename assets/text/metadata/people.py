"""Authors from bylines: "By A and B", "Reporting by A in X; Editing by B", "Words: A | Photos: B", and a name
line ("Jane Doe, City Hall Reporter", or "Jane Doe" over a role line) beside the date line above the article.

A name is 2–5 capitalised words (with lower-case particles such as "van", "de") none of which is a stopword,
a month or weekday, a job title or a desk/agency word: "Chronicle Reporter", "Ambergate Newsdesk", "Staff"
and "Pinewick Wire" are bylines but not authors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from assets.text.lexicon import alternation, ordered, table, words

from .lines import Line

# A byline is a short line; a sentence that starts with "By …" is not one.
MAX_WORDS = 24
# Separators between the parts of a byline line ("Reporting by A; Editing by B", "Words: A | Photos: B").
_PARTS = re.compile(r"\s*[;|·•]\s*")
# Separators between names in a list ("A, B and C", "A & B").
_LIST = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*")
# A place after a wire reporter's name ("Ellen Marsh in Detroit").
_PLACE = re.compile(r"\s+(?:in|from|at)\s+\S.*$")


@functools.cache
def _vocab() -> dict:
    dates = table("dates")
    return {
        "roles": words("metadata", "roles"),
        "not_people": words("metadata", "not_people"),
        "particles": words("metadata", "name_particles"),
        "stop": frozenset(w for v in table("stopwords")["by_language"].values() for w in v.split()),
        "calendar": frozenset(w for k in ("months", "weekdays") for v in dates[k].values() for w in v.split()),
        "author": _label_pattern("byline_labels"),
        "other": _label_pattern("byline_other_roles"),
    }


def _label_pattern(key: str) -> re.Pattern:
    """A byline label at the start of a part, then ':' or a space ("By …", "Words: …")."""
    return re.compile(r"^(" + alternation(ordered("metadata", key)) + r")(?:\s*:\s*|\s+)", re.I)


def is_name(text: str) -> bool:
    """A personal name's shape: 2–5 capitalised words, none a stopword, date word, job title or desk word."""
    v = _vocab()
    tokens = text.split()
    core = [t for t in tokens if t not in v["particles"]]
    if not 2 <= len(core) <= 5 or tokens[0] in v["particles"] or len(tokens) > 6:
        return False
    for t in core:
        low = t.lower().strip(".")
        if not t[0].isupper() or any(c.isdigit() for c in t) or not re.fullmatch(r"[\w'’.-]+", t):
            return False
        if len(t) > 2 and t.isupper() or low in v["stop"] or low in v["calendar"]:
            return False
        if low in v["roles"] or low in v["not_people"]:
            return False
    return True


def is_role(text: str) -> bool:
    """A job-title line or part: short, no digits, holding a role word ("Scotland correspondent")."""
    tokens = [t.lower().strip(".,") for t in text.split()]
    return 0 < len(tokens) <= 6 and not any(c.isdigit() for c in text) and any(t in _vocab()["roles"] for t in tokens)


def names_in(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """The personal names in a list of names ("A in X and B in Y", "A, City Hall Reporter"), with offsets."""
    out, pos = [], 0
    for m in [*_LIST.finditer(text), None]:
        stop = m.start() if m else len(text)
        item = text[pos:stop]
        item = _PLACE.sub("", item).strip(" .:–—-")
        if item and is_name(item):
            s = offset + text.index(item, pos)
            out.append((item, s, s + len(item)))
        if m is None:
            break
        pos = m.end()
    return out


def _labelled(line: Line) -> list[tuple[str, int, int]]:
    """Names a labelled byline gives as writers ("By …", "Words: …", "Reporting by …")."""
    if len(line.words) > MAX_WORDS:
        return []
    v = _vocab()
    out, pos = [], 0
    for m in [*_PARTS.finditer(line.text), None]:
        stop = m.start() if m else len(line.text)
        part = line.text[pos:stop]
        lead = len(part) - len(part.lstrip())
        label = v["author"].match(part.lstrip())
        if label and not v["other"].match(part.lstrip()):
            names = part.lstrip()[label.end() :]
            out += names_in(names, line.start + pos + lead + label.end())
        if m is None:
            break
        pos = m.end()
    return out


def _bare(line: Line, prev: Line | None, nxt: Line | None, dated: set[int]) -> list[tuple[str, int, int]]:
    """Names of an unlabelled name line above the article ("Jane Doe, Reporter" or "Jane Doe" + role line)."""
    if line.zone != "header" or len(line.words) > 10:
        return []
    head, _, tail = line.text.partition(",")
    if not is_name(head.strip()) or (tail and not is_role(tail)):
        return []
    beside_date = any(n is not None and n.index in dated for n in (prev, nxt))
    if not (tail or beside_date or (nxt is not None and is_role(nxt.text))):
        return []
    s = line.start + line.text.index(head.strip())
    return [(head.strip(), s, s + len(head.strip()))]


def authors(lines: list[Line], dated: Iterable[int] = (), title: str | None = None) -> list[tuple[str, int, int]]:
    """Every author the bylines name, in order of first appearance, each once (with its first span)."""
    dated = set(dated)
    found: list[tuple[str, int, int]] = []
    for i, line in enumerate(lines):
        names = _labelled(line)
        if not names and (line.text != title or "," in line.text):
            prev, nxt = lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None
            names = _bare(line, prev, nxt, dated)
        found += names
    seen, out = set(), []
    for name, s, e in found:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append((name, s, e))
    return out
