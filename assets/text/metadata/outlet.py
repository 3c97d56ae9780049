"""The outlet (publisher) a plain-text page names itself by.

Three places a scraped page names its publisher, in order of trust:
1. the page-title line "Headline | Outlet" (or "Outlet - Headline") at the top;
2. a masthead: a short capitalised line above the article ("Larchmont Tribune", "THE DRIFTLINE") that the page
   names again elsewhere (in another, longer line: "© The Southerly Review 2024", "About Ambergate Daily") or
   whose words the copyright holder shares ("THE HERONSGATE CHRONICLE" / "© Heronsgate Newspapers Ltd");
3. the copyright holder with its company form cut ("© 2024 Example Courier Media Ltd" → "Example Courier").
A name printed in capitals only is given the case the page uses for it elsewhere, else title case.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from assets.text.lexicon import alternation, ordered, table, words

from .lines import Line

# Separators between a headline and the site name in a page-title line.
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+·\s+|\s+»\s+")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\b")
# Cleaner reasons of lines that are page widgets, never a masthead.
_WIDGETS = {
    "login_prompt",
    "share_widget",
    "cookie_notice",
    "newsletter_prompt",
    "comment_counter",
    "advertisement",
    "caption",
    "credit",
    "byline",
    "dateline",
    "audio_player",
    "comment_form",
    "paywall",
    "link",
}
MAX_NAME_WORDS = 6
# A masthead is among the first lines of the page (after the page-title line and skip links at most).
MASTHEAD_LINES = 6
# A line printed this often is a menu item, not the masthead.
MENU_REPEATS = 3
# Words of a line that names the outlet in a sentence (not a menu of links).
SENTENCE_WORDS = 4
# Words before "©" on a copyright line ("All contents ©"); more, and the © credits a photo inside a caption.
MAX_COPYRIGHT_LEAD = 2


@dataclass(frozen=True)
class Found:
    value: str
    rule: str  # "title_suffix", "masthead", "copyright"
    start: int
    end: int


@functools.cache
def _stop() -> frozenset[str]:
    return frozenset(w for v in table("stopwords")["by_language"].values() for w in v.split())


def _capitalised(text: str) -> bool:
    """Every word but small function words starts with a capital (or the whole is in capitals)."""
    tokens = list(re.findall(r"[^\W\d_][\w'’&.-]*", text))
    if not tokens or len(tokens) > MAX_NAME_WORDS or any(c.isdigit() for c in text):
        return False
    return all(t[0].isupper() or t.lower() in _stop() for t in tokens) and tokens[0][0].isupper()


def title_suffix(lines: list[Line], holder: Found | None = None) -> Found | None:
    """The site name of a "Headline | Site" first line (or "Site | Headline" when the holder echoes it)."""
    if not lines or lines[0].zone != "header":
        return None
    first = lines[0]
    found = site_of_title(first.text, holder.value if holder else None)
    if found is None:
        return None
    name, offset = found
    return Found(name, "title_suffix", first.start + offset, first.start + offset + len(name))


def site_of_title(title: str, holder: str | None = None) -> tuple[str, int] | None:
    """(site name, offset) of a "Headline | Site" page title; "Site | Headline" only when the holder echoes it."""
    parts = [(m.start(), m.end()) for m in _TITLE_SEP.finditer(title)]
    if not parts:
        return None
    head, tail = title[: parts[0][0]], title[parts[-1][1] :]
    prefix_ok = holder is not None and bool(_key_words(head) & _key_words(holder))
    for name, offset, other in ((tail, parts[-1][1], head), (head, 0, tail) if prefix_ok else ("", 0, "")):
        if name and _capitalised(name) and len(other.split()) >= max(3, len(name.split()) + 1):
            return name.strip(), offset + len(name) - len(name.lstrip())
    return None


def copyright_holder(lines: list[Line]) -> Found | None:
    """The holder named in the last copyright line, its company form and years cut."""
    for line in reversed(lines):
        m = _COPYRIGHT.search(line.text)
        if (
            not m
            or line.zone == "body"
            or len(line.words) > 40
            or len(line.text[: m.start()].split()) > MAX_COPYRIGHT_LEAD
        ):
            continue
        rest = _YEARS.sub(" ", _COPYRIGHT.sub(" ", line.text[m.end() :])).lstrip(" ,.-–")
        tail = re.search(alternation(ordered("metadata", "copyright_tails")), rest, re.I)
        rest = rest[: tail.start()] if tail else rest
        # The holder ends at the first sentence end, list separator or appositive ("X, a Y company").
        rest = re.split(r"\.\s+(?=[A-Z])|[|;]|,\s+(?:an?|the)\s", rest)[0]
        name = _strip_company(rest)
        if name and _capitalised(name):
            return Found(name, "copyright", line.start, line.end)
    return None


def _strip_company(text: str) -> str:
    """The name without its company form ("Example Media Ltd" → "Example")."""
    suffixes = words("metadata", "company_suffixes")
    tokens = text.replace(",", " ").split()
    while tokens and (
        tokens[-1].lower() in suffixes
        or tokens[-1].lower().rstrip(".") in suffixes
        or not any(c.isalnum() for c in tokens[-1])
    ):
        tokens.pop()
    while tokens and not any(c.isalnum() for c in tokens[0]):
        tokens.pop(0)
    return " ".join(tokens).strip(" .")


def _key_words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.lower()) if w not in _stop()}


def masthead(lines: list[Line], holder: Found | None) -> Found | None:
    """The first short capitalised line above the article that the page names again or the holder echoes."""
    for i, line in enumerate(lines[:MASTHEAD_LINES]):
        if line.zone != "header":
            break
        if line.reason in _WIDGETS or not _capitalised(line.text) or _credited(lines, line.text):
            continue
        if _TITLE_SEP.search(line.text) or any(line.text == other.text for other in lines[:i]):
            continue  # a "Headline - Site" title line, or a repeat
        if sum(line.text == other.text for other in lines) >= MENU_REPEATS:
            continue  # a menu item printed in every drop-down ("Back To Main Menu")
        shares = holder is not None and _key_words(line.text) & _key_words(holder.value)
        named_again = len(line.words) >= 2 and _named_elsewhere(lines, line)
        if shares or named_again:
            return Found(line.text, "masthead", line.start, line.end)
    return None


def _credited(lines: list[Line], name: str) -> bool:
    """The name is credited as a source in an attribution line ("Source: Example Wire"): not this page's."""
    attribution = words("metadata", "attribution")
    return any(
        (o.reason == "attribution" or {w.lower() for w in o.words} & attribution)
        and name in o.text
        and o.text != name
        for o in lines
    )


def _named_elsewhere(lines: list[Line], line: Line) -> bool:
    """The line's text occurs in a sentence outside the article ("Example Daily publishes news from …", "©
    Example Daily 2024"; case-blind only for a name in capitals)."""
    flags = re.I if line.text.isupper() else 0
    pattern = re.compile(r"(?<!\w)" + re.escape(line.text) + r"(?!\w)", flags)
    return any(
        o.index != line.index
        and o.zone != "body"
        and len(o.words) >= SENTENCE_WORDS
        and pattern.search(o.text)
        for o in lines
    )


def recase(name: str, raw: str) -> str:
    """A name printed in capitals in the case the page writes it elsewhere, else in title case.

    Short capitals (acronyms: "WSJ", "CNBC TV") stay as they are.
    """
    if not name.isupper() or not any(len(t) >= 5 for t in name.split()):
        return name
    seen = Counter(m.group(0) for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", raw, re.I))
    mixed = [(n, form) for form, n in seen.items() if not form.isupper() and form[0].isupper()]
    if mixed:
        return max(mixed)[1]
    tokens = name.lower().split()
    return " ".join(t if i and t in _stop() else t[:1].upper() + t[1:] for i, t in enumerate(tokens))


def outlet(lines: list[Line], raw: str, title: str | None) -> Found | None:
    """The outlet the page names itself by, with the span it was read from."""
    holder = copyright_holder(lines)
    found = title_suffix(lines, holder) or masthead(lines, holder) or holder
    if found is None:
        return None
    return Found(recase(found.value, raw), found.rule, found.start, found.end)
