"""Known names from the alias table (lexicon/aliases.csv); spans joining a known country to what it owns."""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from assets.text import lexicon
from assets.text.entities.names import normalise
from assets.text.entities.spans import _Raw

# Rows alias,canonical,label: other names and abbreviations of countries and international bodies ("U.S.",
# "Britain", "IMF", "the States"), hand-collected from the development corpora. Matched without case, dots or
# a leading "the"; when two rows share an alias the first row's name wins.
ALIASES_PATH = lexicon.HERE / "aliases.csv"

# Aliases up to this many letters, written in capitals in the table (US, WHO, EU), must be written so in the
# text: "us" and "Who" are words.
_MAX_CAPS_ALIAS = 5

_POSSESSIVE = re.compile(r"[’']s\s+")


def _alias_key(text: str) -> str:
    key = normalise(text).replace(".", "")
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, tuple[str, str, bool]]:
    """Alias table keyed by normalised alias: (canonical, label, needs upper-case surface)."""
    table: dict[str, tuple[str, str, bool]] = {}
    with ALIASES_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = _alias_key(row["alias"])
            caps = _is_caps(row["alias"]) and len(key.replace(" ", "")) <= _MAX_CAPS_ALIAS
            if key in table:
                canonical, label, prev_caps = table[key]
                table[key] = (canonical, label, prev_caps and caps)
            else:
                table[key] = (row["canonical"].strip(), row["label"].strip(), caps)
    return table


def alias_lookup(text: str) -> tuple[str, str] | None:
    """(canonical, label) when the text is a known alias, else None."""
    hit = load_aliases().get(_alias_key(text))
    if hit is None:
        return None
    canonical, label, caps = hit
    # Short all-caps aliases (US, WHO) must be written in capitals: "us", "Who" are words.
    if caps and not _is_caps(text.replace("the ", "").replace("The ", "")):
        return None
    return canonical, label


def _apply_aliases(raws: list[_Raw]) -> None:
    """Known aliases take the table's canonical name and label (nationality words stay NORP)."""
    for r in raws:
        hit = alias_lookup(r.text)
        if hit and r.label != "NORP":
            r.canonical, r.label = hit
            r.fixed = True


def _split_country_prefix(raws: list[_Raw]) -> list[_Raw]:
    """'U.S. Federal Reserve' is the country and the institution when both parts are known names."""
    out: list[_Raw] = []
    for r in raws:
        words = r.text.split(" ", 1)
        if len(words) == 2 and r.label != "PERSON":
            head, rest = alias_lookup(words[0]), alias_lookup(words[1])
            if head and rest and head[1] == "GPE" and rest[1] != "GPE":
                a = _Raw(r.start, r.start + len(words[0]), words[0], head[1])
                a.canonical, a.fixed = head[0], True
                b = _Raw(r.end - len(words[1]), r.end, words[1], rest[1])
                b.canonical, b.fixed = rest[0], True
                out += [a, b]
                continue
        out.append(r)
    return out


def _split_possessive_owner(raws: list[_Raw]) -> list[_Raw]:
    """'South Africa’s Competition Commission' in one span is a place and the institution it owns."""
    out: list[_Raw] = []
    for r in raws:
        m = _POSSESSIVE.search(r.text)
        if m and not r.fixed and r.label != "PERSON":
            owner, owned = r.text[: m.start()], r.text[m.end() :]
            words = owned.split()
            owner_hit = alias_lookup(owner)
            place = r.label in ("GPE", "LOC") or (owner_hit is not None and owner_hit[1] == "GPE")
            if place and owner and words and all(w[:1].isupper() for w in words):
                a = _Raw(r.start, r.start + len(owner), owner, "GPE")
                if owner_hit is not None:
                    a.canonical, a.label, a.fixed = owner_hit[0], owner_hit[1], True
                b = _Raw(r.start + m.end(), r.end, owned, "ORG")
                out += [a, b]
                continue
        out.append(r)
    return out
