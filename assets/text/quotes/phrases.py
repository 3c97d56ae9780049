"""The words of a speaker's noun phrase: its description for the speaker, and the mention at the quotation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text.quotes.index import _Index

if TYPE_CHECKING:
    from spacy.tokens import Token


# The longest for/of/at/from phrase kept in a speaker's description ("a spokesman for the chain Aeon").
_ORG_PHRASE_MAX_TOKENS = 8
_ARTICLES = ("a", "an", "the")
# Markup of an embedded post or link, never a speaker's name: handles, links, hashtags ("Amazon.com" is a name).
MARKUP = re.compile(r"@\w|https?:|www\.|pic\.twitter|#\w", re.IGNORECASE)


def _common_noun(tok: Token) -> bool:
    """A common noun, also where the small model calls a lower-case word a proper noun ("the minister") or a
    subject an adjective ("the daily wrote")."""
    if tok.pos_ == "ADJ":
        return tok.is_lower and tok.dep_ in ("nsubj", "nsubjpass")
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)


def _np_surface(idx: _Index, tok: Token, article: bool = False) -> tuple[int, int]:
    """The speaker noun with its left modifiers ("senior administration official"), no clauses; the article
    only when asked for."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "quantmod", "det", "case", "npadvmod"):
            start = min(start, c.left_edge.i)
    doc = tok.doc
    toks = [t for t in doc[start : tok.i + 1] if idx.tok_para[t.i] == idx.tok_para[tok.i] and not t.is_space]
    while toks and toks[0] is not tok and ((toks[0].lower_ in _ARTICLES and not article) or toks[0].is_punct):
        toks = toks[1:]
    if not toks:
        toks = [tok]
    end = tok
    for c in tok.rights:
        if c.dep_ == "case":
            end = c
        elif c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from") and c.i == end.i + 1:
            # "a spokesman for the chain Aeon": the organisation belongs to the speaker's description.
            sub = list(c.subtree)
            if len(sub) <= _ORG_PHRASE_MAX_TOKENS and not any(t.is_punct or t.is_space for t in sub):
                end = sub[-1]
    return toks[0].idx, end.idx + len(end.text)


def _mention_text(idx: _Index, tok: Token) -> str:
    """The words that name a speaker where it speaks: "he", "the influential daily", "Interior Minister Jonas
    Haller" (a name with the titles before it)."""
    if tok.pos_ == "PRON":
        return tok.text
    s, e = _np_surface(idx, tok, article=True)
    m = idx.mention_at(tok)
    if m is not None:
        s, e = min(s, m.start_char), max(e, m.end_char)
    return idx.body[s:e]
