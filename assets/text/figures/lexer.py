"""Lexemes of a body (numbers, words, currency symbols, single symbols) and table look-ups over them."""

# Our own lexemes rather than spaCy's tokens, because spaCy's tokenizer is inconsistent on figures ("HK$10" is one
# token, "$" "10" two; "5bn" one, "5 bn" two), and figures are made of characters, not of spaCy tokens.

from __future__ import annotations

import re
from dataclasses import dataclass

from assets.text import lexicon

# Hyphens that join a number to its unit ("4,300-kilometre", "36-percent"); the second is U+2011.
HYPHENS = ("-", "‑")

_SYMBOLS = lexicon.mapping("currencies", "symbols")
# "HK$", "A$", …: the letters of a prefixed dollar, which count only when no letter comes before them.
_DOLLAR_PREFIXES = [s[:-1] for s in _SYMBOLS if len(s) > 1]
_SINGLE_SYMBOLS = [s for s in _SYMBOLS if len(s) == 1]
# "$US2.3 billion": a sign with the country after it, only right before a number.
_SUFFIXED = lexicon.mapping("currencies", "suffixed_symbols")
_CUR_SYMBOL_RE = (
    rf"{lexicon.alternation(_SUFFIXED)}(?=\s?\d)"
    rf"|(?<![A-Za-z]){lexicon.alternation(_DOLLAR_PREFIXES)}\$|{lexicon.alternation(_SINGLE_SYMBOLS)}"
)
_LEX_RE = re.compile(
    rf"(?P<cur>{_CUR_SYMBOL_RE})"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d))"
    r"|(?P<word>[^\W\d_]+(?:[²³])?)"
    r"|(?P<sym>\S)"
)

# Unit words whose singular is not the word less its "s", or that end in "s" in the singular ("celsius").
_SINGULARS = lexicon.mapping("units", "singulars")
# A word this short is never an "s" plural ("gas", "bus"); nor are words ending in these.
_MIN_PLURAL_LEN = 4
_NOT_PLURAL_ENDINGS = ("ss", "us", "is")
# Longest key of a look-up table, in lexemes ("barrel of crude per day").
_MAX_KEY_LEXEMES = 5
# Digits that may be part of a unit's name ("km 2" for km², "m 3").
_UNIT_DIGITS = ("2", "3")


@dataclass(frozen=True)
class _Lex:
    kind: str  # cur | num | word | sym
    text: str
    start: int
    end: int
    spaced: bool  # whitespace (or the start of the body) right before it

    @property
    def low(self) -> str:
        return self.text.lower()


def _lex(body: str) -> list[_Lex]:
    """The body cut into numbers, words, currency symbols and single symbols, with their offsets."""
    out = []
    for m in _LEX_RE.finditer(body):
        s = m.start()
        out.append(_Lex(m.lastgroup, m.group(), s, m.end(), s == 0 or body[s - 1].isspace()))
    return out


def _glued(lex: list[_Lex], k: int) -> bool:
    """Whether lexeme k touches the one before it."""
    return 0 < k < len(lex) and not lex[k].spaced


def _sing(word: str) -> str:
    """A lower-cased unit word in its singular, for table look-ups ("kilometres" -> "kilometre")."""
    w = word.lower()
    if w in _SINGULARS:
        return _SINGULARS[w]
    if len(w) >= _MIN_PLURAL_LEN and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS):
        return w[:-1]
    return w


def _phrases(topic: str, key: str) -> dict[tuple[str, ...], object]:
    """A lexicon table keyed by space-separated lexemes, keyed by tuples for `_match_table`."""
    return {tuple(k.split()): v for k, v in lexicon.mapping(topic, key).items()}


def _match_table(lex: list[_Lex], k: int, table: dict) -> tuple[tuple[str, ...], int] | None:
    """The longest key of `table` spelled by lexemes from k on, with the index after it."""
    for n in range(_MAX_KEY_LEXEMES, 0, -1):
        if k + n > len(lex):
            continue
        words = lex[k : k + n]
        if any(w.kind == "num" and w.text not in _UNIT_DIGITS for w in words):
            continue
        key = tuple(_sing(w.text) if w.kind == "word" else w.text.lower() for w in words)
        if key in table:
            return key, k + n
    return None
