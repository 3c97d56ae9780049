"""The organisation or person behind a social-media handle: '@TyneGreenRA' is the Tyne Green Residents'
Association named in the text, '@VLC_Marathon' the Valencia Marathon, '@dwhitfield' Dana Whitfield.

A handle is never a speaker itself (it is markup); it names one only when it spells exactly one name of the
document, piece by piece.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text import lexicon

if TYPE_CHECKING:
    from assets.text.quotes.index import _Index
    from assets.text.records import Mention

_OWNER_LABELS = frozenset({"PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC"})
_FUNCTION_WORDS = frozenset(lexicon.table("stopwords")["by_language"]["en"].split())
# Pieces of a handle: a run of capitals not followed by a lower-case letter ("RA", "VLC"), a capitalised or
# lower-case word, a number.
_PIECE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def handle_owner(idx: _Index, handle: str) -> Mention | None:
    """The one mention of a person, organisation, event, work or building (for its owners) whose name the handle
    spells; None when none or several do."""
    pieces = _PIECE.findall(handle.lstrip("@"))
    if not pieces:
        return None
    owners = {
        m.entity_key: m
        for m in idx.mentions
        if m.label in _OWNER_LABELS and _spells(pieces, _name_words(m.canonical))
    }
    return next(iter(owners.values())) if len(owners) == 1 else None


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in _FUNCTION_WORDS and w != "s"]


def _spells(pieces: list[str], words: list[str]) -> bool:
    """Every piece spells the next name word(s) in order, and no word is left: a whole word, the initials of
    as many words as the piece has capitals ("RA"), a shortening keeping the word's letters in order ("VLC"), or
    an initial run into the next word ("dwhitfield")."""
    i = 0
    for p in pieces:
        low = p.lower()
        if i >= len(words):
            return False
        w = words[i]
        if low == w:
            i += 1
        elif p.isupper() and len(p) > 1 and "".join(x[0] for x in words[i : i + len(p)]) == low:
            i += len(p)
        elif p.isupper() and len(p) > 1 and low[0] == w[0] and _in_order(low, w):
            i += 1
        elif p.islower() and i + 1 < len(words) and low == w[0] + words[i + 1]:
            i += 2
        else:
            return False
    return i == len(words)


def _in_order(short: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in short)
