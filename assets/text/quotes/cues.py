"""Reporting verbs and cue phrases: which tokens report speech, and the cue each gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.quotes.words import NAMING_VERBS, PARTICLE_CUES, REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


def _cue(verb: Token) -> str:
    """The cue a reporting token gives: its lemma, or a phrase ("according to", "put it", "point out")."""
    if verb.lower_ == "according":
        return "according to"
    if verb.lemma_.lower() == "put":
        return "put it"
    if verb.lemma_.lower() == "make":
        return "make clear"
    for c in verb.children:
        if c.dep_ == "prt" and (verb.lemma_, c.lower_) in PARTICLE_CUES:
            return f"{verb.lemma_} {c.lower_}"
    return verb.lemma_.lower()


def _is_reporting(tok: Token) -> bool:
    """A token that reports speech: a reporting or naming verb, "according to", "put it", "made clear"."""
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.lemma_.lower() == "put":  # "as Kevin Lam put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    if tok.lemma_.lower() == "make":  # "made (it) clear that …"
        return _clear_clause(tok) is not None
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma in NAMING_VERBS)


def _clear_clause(verb: Token) -> Token | None:
    """The that-clause of 'made (it) clear that …', wherever the parser hung it."""
    for c in verb.children:
        if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp"):
            for k in list(c.children) + list(verb.children):
                if k.dep_ in ("csubj", "advcl", "ccomp") and k.left_edge.lower_ == "that" and k.i > c.i:
                    return k
    return None
