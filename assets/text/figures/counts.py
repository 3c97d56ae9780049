"""Counts of things: whether a bare number counts something ("40 people", "1.2 million") and which noun."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.figures.candidate import _Cand
from assets.text.figures.lexer import HYPHENS
from assets.text.figures.pintunits import _names_a_unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_TIME_NOUNS = lexicon.words("figures", "time_nouns")
_COLLECTIVE_NOUNS = lexicon.words("figures", "collective_nouns")
_DETERMINERS = lexicon.words("figures", "determiners")
_COUNT_BREAKERS = lexicon.words("figures", "count_breakers")
_PART_FOLLOWERS = lexicon.words("figures", "part_followers")
# Emergency telephone numbers (US, UK, EU) read like counts before "calls".
_EMERGENCY_NUMBERS = lexicon.words("figures", "emergency_numbers")
_EMERGENCY_NOUNS = lexicon.words("figures", "emergency_nouns")
# Entities whose numbers are names or labels, never counts ("Boeing 737", "Article 5", "G20").
_NON_NUMERIC_ENTS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "FAC",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "NORP",
    "LANGUAGE",
}
# Dependencies by which a number modifies the noun it counts ("5,000 Russian troops").
_COUNT_DEPS = ("nummod", "quantmod", "compound", "amod", "nmod", "appos")
# A counted noun is at most this many tokens after the number ("300 full-time staff").
_MAX_NOUN_DISTANCE = 4
# "the two leaders" is a reference up to this number written in words; "the twelve jurors" is still a count.
_MAX_REFERENCE_NUMBER = 10
# A scaled number without a noun counts from here on ("a population of 1.2 million"), not below ("1.5 thousand").
_MIN_UNNAMED_COUNT = 1000


def _count_noun(span: Span, doc: Doc) -> Token | None:
    """The plural noun a bare number counts ("40 people", "5,000 Russian troops"), or None."""
    last = span[-1]
    cand = None
    if last.dep_ in _COUNT_DEPS and 0 < last.head.i - last.i <= _MAX_NOUN_DISTANCE:
        cand = last.head
    elif last.i + 1 < len(doc) and doc[last.i + 1].pos_ in ("NOUN", "PROPN"):
        cand = doc[last.i + 1]
    if cand is None or cand.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.is_punct and t.tag_ != "HYPH" or t.lower_ in _COUNT_BREAKERS for t in doc[last.i + 1 : cand.i]):
        return None
    if cand.tag_ not in ("NNS", "NNPS") and cand.lower_ not in _COLLECTIVE_NOUNS:
        return None
    if cand.lemma_.lower() in _TIME_NOUNS or cand.lower_ in _TIME_NOUNS or cand.ent_type_ in ("DATE", "TIME"):
        return None
    if _names_a_unit(cand.lemma_):
        return None  # "16 degrees": a measure in a unit no kept dimension has, not a count of things
    return cand


def _reads_as_other(cand: _Cand, span: Span, doc: Doc, body: str) -> bool:
    """A number that is a date, a year, a label, a proportion, a fraction or an adjective rather than a count."""
    if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") or t.ent_type_ in _NON_NUMERIC_ENTS for t in span):
        return True
    text = body[cand.start : cand.end]
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return True
    if not cand.scaled and cand.raw_value != int(cand.raw_value):
        return True  # things come in whole numbers; "0.5 points" on an index is a change, not a count
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.is_title:
        return True  # "Boeing 737 jets", "Article 5 obligations", "Max 9 jets"
    if prev is not None and prev.lower_ in ("in", "of") and first.i >= 2:
        before = doc[first.i - 3] if doc[first.i - 2].lower_ == "out" and first.i >= 3 else doc[first.i - 2]
        if before.like_num:
            return True  # "one in five adults", "four out of 10 children": a proportion
    if cand.word_number and not cand.scaled and text.lower() in ("one", "a", "an"):
        return True
    # adjectival "10-point plan", "45-year-old", fractions "two-thirds"
    return body[cand.end : cand.end + 1] in HYPHENS and not body[cand.end + 1 : cand.end + 2].isspace()


def _is_count(cand: _Cand, span: Span, doc: Doc, body: str) -> tuple[bool, Token | None]:
    """Whether a bare number is a count worth a figure, and the noun it counts."""
    if _reads_as_other(cand, span, doc, body):
        return False, None
    nxt = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _PART_FOLLOWERS and not cand.scaled:
        return False, None  # "3 of them", "one out of five"
    if nxt is not None and nxt.lower_ == "of" and cand.scaled:
        return True, None
    noun = _count_noun(span, doc)
    if noun is None:
        return cand.scaled and cand.value >= _MIN_UNNAMED_COUNT, None
    if body[cand.start : cand.end] in _EMERGENCY_NUMBERS and noun.lemma_.lower() in _EMERGENCY_NOUNS:
        return False, None  # "911 calls" name the number dialled, not how many calls
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    small_word = cand.word_number and not cand.scaled and cand.value <= _MAX_REFERENCE_NUMBER
    if small_word and prev is not None and prev.lower_ in _DETERMINERS:
        return False, None  # "the two leaders": a reference, not a reported count
    return True, noun
