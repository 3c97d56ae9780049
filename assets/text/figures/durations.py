"""Durations and ages: "for 24 years", "three weeks", "67-year-old", "aged 45", "18 years old"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.figures.candidate import _Cand
from assets.text.figures.lexer import HYPHENS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_NOUNS: dict[str, list] = lexicon.mapping("units", "duration_nouns")
_NOT_AFTER = lexicon.words("figures", "not_duration_after")
_AGE_BEFORE = lexicon.words("figures", "age_before")
# A duration is a small number: "1990 days" is no more likely than a year misread.
_MAX_DURATION = 1000
_MAX_AGE = 120


def _noun(tok: Token | None) -> list | None:
    return _NOUNS.get(tok.lemma_.lower()) if tok is not None and tok.pos_ == "NOUN" else None


def _at(doc: Doc, i: int) -> Token | None:
    return doc[i] if 0 <= i < len(doc) else None


def _time_figure(cand: _Cand, span: Span, doc: Doc) -> tuple[str, str, float, Token] | None:
    """A bare number read as a duration or an age, or None."""
    if cand.scaled or cand.raw_value <= 0 or cand.raw_value >= _MAX_DURATION:
        return None
    first, last = span[0], span[-1]
    before = _at(doc, first.i - 1)
    if before is not None and before.lower_ in _AGE_BEFORE:
        return "age", "years", 1.0, last
    if (
        _in_apposition(span, before, doc)
        and cand.raw_value == int(cand.raw_value)
        and cand.raw_value <= _MAX_AGE
    ):
        return "age", "years", 1.0, last  # "Wanjiru Kamau, 47, said": an age set off by commas after a name
    nxt = _at(doc, last.i + 1)
    if nxt is not None and nxt.text in HYPHENS and nxt.idx == last.idx + len(last.text):
        noun = _noun(_at(doc, nxt.i + 1))
        dash, old = _at(doc, nxt.i + 2), _at(doc, nxt.i + 3)
        if noun and dash is not None and dash.text in HYPHENS and old is not None and old.lower_ == "old":
            return "age", noun[0], noun[1], old  # "67-year-old"
        return None  # "a 10-year bond", "two-day summit": a label of the noun, not a duration stated
    noun = _noun(nxt)
    if noun is None:
        return None
    after = _at(doc, nxt.i + 1)
    if after is not None and after.lower_ == "old":
        return "age", noun[0], noun[1], after
    if after is not None and after.lower_ in _NOT_AFTER:
        return None
    return "duration", noun[0], noun[1], nxt


def _in_apposition(span: Span, before: Token | None, doc: Doc) -> bool:
    """A lone number between commas right after a person's name ("Kamau, 47, said")."""
    if len(span) != 1 or before is None or before.text != ",":
        return False
    name, after = _at(doc, before.i - 1), _at(doc, span[-1].i + 1)
    return (
        name is not None
        and name.ent_type_ == "PERSON"
        and after is not None
        and after.text in {",", ")", ";", "."}
    )
