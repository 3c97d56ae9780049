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

from .dates import CREDIT_AFTER_DATE
from .lines import Line

# A byline is a short line; a sentence that starts with "By …" is not one.
MAX_WORDS = 24
# Lines above the article (counted up from its first line) where an unlabelled name is read as a byline.
BYLINE_BLOCK = 12
# Lines below the article's last paragraph where its credit line ("Reporting by …; Editing by …") stands.
CREDIT_LINES = 4
# Cleaner reasons of lines in menus and link lists: a bare name there is a link, not a byline.
_LISTS = {"related_links", "category_list", "share_widget", "newsletter_prompt", "comments"}
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
        "role_nouns": words("metadata", "role_nouns"),
        "not_name": words("metadata", "role_nouns")
        | words("metadata", "role_modifiers")
        | words("metadata", "not_people")
        | words("metadata", "company_suffixes"),
        "not_people": words("metadata", "not_people"),
        "particles": words("metadata", "name_particles"),
        "stop": frozenset(w for v in table("stopwords")["by_language"].values() for w in v.split()),
        "calendar": frozenset(
            w for k in ("months", "weekdays") for v in dates[k].values() for w in v.split()
        ),
        "author": _label_pattern("byline_labels"),
        "other": _label_pattern("byline_other_roles"),
        "label_only": re.compile(
            r"^(" + alternation(ordered("metadata", "byline_labels")) + r")\s*:?$", re.I
        ),
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
        if low in v["not_name"] or re.match(r"^[A-Z]{2,}[a-z]", t):  # "Staff", "Media", "FOXBusiness"
            return False
    return True


def is_role(text: str) -> bool:
    """A job-title line or part: short, no digits, holding a role word ("Scotland correspondent")."""
    tokens = [t.lower().strip(".,") for t in text.split()]
    nouns = _vocab()["role_nouns"]
    return 0 < len(tokens) <= 6 and not any(c.isdigit() for c in text) and any(t in nouns for t in tokens)


def names_in(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """The personal names in a list of names ("A in X and B in Y", "A, City Hall Reporter"), with offsets."""
    out, pos = [], 0
    for m in [*_LIST.finditer(text), None]:
        stop = m.start() if m else len(text)
        item = text[pos:stop]
        item = _name_part(_PLACE.sub("", item).strip(" .:–—-"))
        if item:
            s = offset + text.index(item, pos)
            out.append((item, s, s + len(item)))
        if m is None:
            break
        pos = m.end()
    return out


def _name_part(item: str) -> str | None:
    """The name an item is, or starts with when words that cannot be a name follow it ("Jane Doe FOXNews")."""
    if not item or is_role(item):
        return None
    if is_name(item):
        return item
    tokens = item.split()
    if any(t.lower().strip(".,") in _vocab()["not_name"] for t in tokens):
        return None  # "European Space Agency", "Jane Doe Media": an organisation, not a name and a tail
    return next(
        (" ".join(tokens[:k]) for k in range(len(tokens) - 1, 1, -1) if is_name(" ".join(tokens[:k]))), None
    )


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
        elif dated := CREDIT_AFTER_DATE.search(part):  # "Posted on May 16, 2024 by Ann Lee"
            out += names_in(part[dated.end() :], line.start + pos + dated.end())
        if m is None:
            break
        pos = m.end()
    return out


def _bare(
    line: Line, prev: Line | None, nxt: Line | None, dated: set[int], body: int
) -> list[tuple[str, int, int]]:
    """Names of an unlabelled name line above the article ("Jane Doe, Reporter" or "Jane Doe" + role line).

    A name line with a role after a comma stands anywhere above the article; a bare name must sit in the
    byline block (the last BYLINE_BLOCK lines above the article, not in a menu or link list) next to the date
    line or over a role line.
    """
    if line.zone != "header" or len(line.words) > 10:
        return []
    head, _, tail = line.text.partition(",")
    if not is_name(head.strip()) or (tail and not is_role(tail)):
        return []
    if not tail:
        if body - line.index > BYLINE_BLOCK or line.reason in _LISTS:
            return []
        beside_date = any(n is not None and n.index in dated for n in (prev, nxt))
        if not (beside_date or (nxt is not None and is_role(nxt.text))):
            return []
    s = line.start + line.text.index(head.strip())
    return [(head.strip(), s, s + len(head.strip()))]


def authors(
    lines: list[Line], dated: Iterable[int] = (), title: str | None = None
) -> list[tuple[str, int, int]]:
    """Every author the bylines name, in order of first appearance, each once (with its first span)."""
    dated = set(dated)
    body = next((line.index for line in lines if line.zone != "header"), len(lines))
    end = max((line.index for line in lines if line.zone == "body"), default=len(lines))
    found: list[tuple[str, int, int]] = []
    for i, line in enumerate(lines):
        prev, nxt = lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None
        names = _labelled(line)
        if not names and nxt is not None and _vocab()["label_only"].match(line.text):
            names = names_in(nxt.text, nxt.start)  # "By" on a line of its own, the name below
        if not names and (line.text != title or "," in line.text):
            names = _bare(line, prev, nxt, dated, body)
        if names and line.zone == "footer" and not _credit(names, found, line.index - end):
            break  # below the article only its credit line counts; later bylines are other stories'
        found += names
    seen, out = set(), []
    for name, s, e in found:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append((name, s, e))
    return out


def _credit(names: list, above: list, distance: int) -> bool:
    """A byline below the article is its credit line ("Reporting by …") when it follows the last paragraph
    closely and the bylines above named nobody or share a name with it; otherwise it heads another story."""
    if distance > CREDIT_LINES:
        return False
    return not above or bool({n.casefold() for n, _, _ in names} & {n.casefold() for n, _, _ in above})


def byline_lines(lines: list[Line], names: list[tuple[str, int, int]]) -> set[int]:
    """Indices of the byline lines: those a name was read from, and labelled bylines naming no person."""
    label = _vocab()["author"]
    out = {line.index for line in lines if len(line.words) <= MAX_WORDS and label.match(line.text)}
    for _, s, _ in names:
        out |= {line.index for line in lines if line.start <= s < line.end}
    return out
