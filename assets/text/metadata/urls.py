"""The page's own address when the page prints it: a bare URL line, or a short label and a URL ("Permalink:
…", "Share this link: …").

Not the page's own: a URL inside running text, a URL in a line that credits another publication ("Read the
original at …", "Source: …"), a site's home or section page, a stylesheet or image. Among the rest the
address whose slug shares most words with the page's headline area wins (slugs are made from headlines);
one sharing none is taken only when it is the single candidate and its slug is a phrase of 3+ words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from assets.text.lexicon import table, words

from .lines import Line

_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.I)
_RESOURCE = re.compile(r"\.(?:css|js|json|xml|rss|png|jpe?g|gif|svg|webp|ico|mp[34]|woff2?)$", re.I)
# Most words (besides the URL) a line may hold for its URL to be the page's printed address.
MAX_LABEL_WORDS = 5


@dataclass(frozen=True)
class FoundUrl:
    value: str
    start: int
    end: int


@functools.cache
def _stop() -> frozenset[str]:
    return frozenset(w for v in table("stopwords")["by_language"].values() for w in v.split())


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", _fold(text)) if len(w) > 2 and w not in _stop()}


def _slug_words(url: str) -> list[str]:
    path = urlsplit(url).path
    return [w for w in re.findall(r"[a-z]+", _fold(path)) if len(w) > 2]


def _candidates(lines: list[Line]) -> list[tuple[FoundUrl, Line]]:
    attribution = words("metadata", "attribution")
    out = []
    for line in lines:
        if line.reason == "attribution" or {w.lower() for w in line.words} & attribution:
            continue
        for m in _URL.finditer(line.text):
            url = m.group(0).rstrip(".,;:!?")
            label = line.text[: m.start()] + line.text[m.start() + len(url) :]
            path = urlsplit(url).path.strip("/")
            if (
                len(label.split()) > MAX_LABEL_WORDS
                or not re.search(r"[a-z]", path, re.I)
                or _RESOURCE.search(path)
            ):
                continue
            s = line.start + m.start()
            out.append((FoundUrl(url, s, s + len(url)), line))
    return out


def page_url(lines: list[Line], title: str | None) -> FoundUrl | None:
    """The page's printed address, or None."""
    found = _candidates(lines)
    if not found:
        return None
    head = " ".join([title or ""] + [line.text for line in lines if line.zone == "header"])
    first_body = next((line.text for line in lines if line.zone == "body"), "")
    context = _content_words(head + " " + first_body)
    scored = [(len(set(_slug_words(u.value)) & context), -line.index, u) for u, line in found]
    best = max(scored, key=lambda t: (t[0], t[1]))
    if best[0] > 0:
        return best[2]
    if len(found) == 1 and len(_slug_words(found[0][0].value)) >= 3:
        return found[0][0]
    return None
