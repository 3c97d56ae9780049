"""Quoted words that name rather than speak: titles of works, names given by a participle, noun modifiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.quotes.index import _Index
from assets.text.quotes.model import _Quote
from assets.text.quotes.words import NAMING_PARTICIPLES, TITLE_CUES, TITLE_SMALL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token


# Titles of works are short: a longer title-case quotation is speech.
_TITLE_MAX_WORDS = 12
# A single-quoted title-case phrase this short, without a closing full stop, is a title (British style).
_SINGLE_TITLE_MAX_WORDS = 8
# How many words before a quotation may hold a title cue ("the 2019 documentary film “…”").
_TITLE_CUE_WINDOW = 4


def _modifier_quote(idx: _Index, q: _Quote) -> bool:
    """The quoted words modify a noun outside them ("a “no limits” partnership")."""
    toks = idx.quote_tokens(q)
    qset = {t.i for t in toks}
    for t in toks:
        # English modifiers precede their noun; one after it is a complement the parser misread
        # ("called the accusations “simply untrue”").
        if (
            t.head.i not in qset
            and t.dep_ in ("amod", "compound", "nmod", "poss", "det", "nummod")
            and t.head.pos_ in ("NOUN", "PROPN")
            and t.head.i > t.i
        ):
            return True
    return False


def _named_by_participle(idx: _Index, q: _Quote) -> bool:
    """The quotation is the name a participle gives a noun ("a scheme called “cash-for-crude”")."""
    qset = {t.i for t in idx.quote_tokens(q)}
    for t in idx.doc[min(qset) : max(qset) + 1] if qset else ():
        h = t.head
        if h.i in qset:
            continue
        if h.lemma_.lower() in NAMING_PARTICIPLES and h.tag_ == "VBN" and h.dep_ in ("acl", "relcl", "amod"):
            return True
    return False


def _title_like(text: str) -> bool:
    """Title case: a capitalised first word, then capitals, minor words or non-words; a few words only."""
    words = [w.strip(".,:;!?\"'“”‘’()") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > _TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words)


def _is_title(idx: _Index, q: _Quote, pre: list[Token]) -> bool:
    """A title-case quotation naming a work: single-quoted and short, after a cue, or tagged WORK_OF_ART."""
    text = idx.body[q.start : q.end]
    if not _title_like(text):
        return False
    if (
        q.single
        and len(text.split()) <= _SINGLE_TITLE_MAX_WORDS
        and not text.rstrip().endswith((".", "!", "?"))
    ):
        return True
    if any(t.lower_ in TITLE_CUES for t in pre[-_TITLE_CUE_WINDOW:]):
        return True
    return any(t.ent_type_ == "WORK_OF_ART" for t in idx.tokens_in(q.start, q.end))
