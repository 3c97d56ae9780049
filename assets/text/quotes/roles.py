"""What the text has called a named person so far: titles, role nouns and ages, for descriptions to match."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text.entities import is_role
from assets.text.quotes.index import _Index
from assets.text.quotes.words import COUNSEL_ROLES, RELATIVES, ROLE_EQUIVALENTS, ROLE_VERBS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token


# An age given in apposition ("Haller, 54,") is a person's age only in this range.
_MIN_AGE, _MAX_AGE = 1, 120
_AGE_TOKEN = re.compile(r"(\d{1,3})-year-old$")
# Dependents that carry a role beside a name: "Former energy secretary Geoffrey Hale", "a former state treasurer".
_MODIFIERS = ("compound", "amod", "nmod")


def _roles(idx: _Index, key: str | None, before: int) -> tuple[set[str], set[int]]:
    """The role words and ages given to a person in the mentions before an offset."""
    words: set[str] = set()
    ages: set[int] = set()
    for m in idx.mentions:
        if m.entity_key != key or m.start_char >= before:
            continue
        head = idx.mention_token(m)
        if head is None or idx.in_quote(head):
            continue
        words |= {w.lower().rstrip(".") for w in m.text.split() if _role_word(w)}
        for c in head.subtree:  # "Interior Minister Jonas Haller": titles the model left out of the name,
            # hung on the surname or on the first name ("Colonel" on "Ines" in "Colonel Ines Barreto")
            if c.dep_ in _MODIFIERS and c.idx < m.start_char and c.head.idx >= m.start_char:
                words |= _phrase_words(c)
        for c in head.children:
            if c.dep_ == "relcl":
                words |= _relative_role(c)  # "Alasdair Grant, who chairs the planning committee"
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > 0 and c.doc[c.i - 1].text == ",":
                words |= COUNSEL_ROLES  # "Peter Lindqvist, for Tuck, had asked for home detention"
            if c.dep_ != "appos" and not (c.dep_ in ("npadvmod", "amod") and c.like_num):
                continue
            if c.like_num and c.text.isdigit() and _MIN_AGE <= int(c.text) <= _MAX_AGE:
                ages.add(int(c.text))  # "Haller, 54, has held the post since 2022"
            elif c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and idx.mention_at(c) is None:
                words |= _noun_words(c)  # "Delaney, a former state treasurer,"
                ages |= {
                    a for a in map(_age_described, c.lefts) if a
                }  # "Dzneladze, a 16-year-old schoolgirl,"
        described = head.head
        if head.dep_ == "appos" and (described.pos_ == "NOUN" or described.text.islower()):
            words |= _noun_words(described)  # "the poll's director, Alan Fisk" ("senator" tagged PROPN too)
        role = _role_of_place(idx, m, head)
        if role is not None:
            words |= _noun_words(role)
    return words | {ROLE_EQUIVALENTS[w] for w in words if w in ROLE_EQUIVALENTS}, ages


def _role_of_place(idx: _Index, m, head: Token) -> Token | None:
    """The role noun of "The mayor of Monchique, Joaquim Pires," or "The chief of surgery at Costa Azul, Dr. Ignacio
    Rojas,", which the parser reads as a name inside the place's phrase (the object of its preposition, or in
    apposition with the place)."""
    i = idx.tok_at(m.start_char)
    while i > 0 and idx.doc[i - 1].text.lower().rstrip(".") in TITLE_WORDS:
        i -= 1  # "Dr." between the comma and the name
    if i == 0 or idx.doc[i - 1].text != ",":
        return None
    t = head.head if head.dep_ == "appos" else head
    for _ in range(_PLACE_CLIMB):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return None
        t = t.head.head
        if t.pos_ == "NOUN" and (is_role(t.lemma_) or t.lower_ in TITLE_WORDS):
            return t
    return None


# How many prepositional phrases a role may stand above the name ("chief of surgery at Costa Azul, Dr. Rojas").
_PLACE_CLIMB = 3


def _relative_role(verb: Token) -> set[str]:
    """The role a "who ..." clause gives: "who chairs the planning committee" -> chair, planning, committee;
    "who runs a bakery" -> owner, manager, head, baker (a trade place's worker: bakery -> baker)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" and c.lower_ in RELATIVES for c in verb.children):
        return set()
    # the table for the irregular ones ("runs" -> owner), else the verb as its own agent noun ("who skippers" ->
    # skipper) or with -er ("who farms" -> farmer, "who manages" -> manager)
    words = set(ROLE_VERBS.get(lemma, ())) | {lemma, lemma + ("r" if lemma.endswith("e") else "er")}
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        words |= _noun_words(obj)
        if obj.lower_.endswith("ery"):
            words.add(obj.lower_[:-2] + "r")
    return words


def _role_word(word: str) -> bool:
    """A title or role noun inside a name's span ("President", "Sen.")."""
    low = word.lower()
    return low in TITLE_WORDS or low.rstrip(".") in TITLE_WORDS or is_role(low)


def _phrase_words(tok: Token) -> set[str]:
    """The words of a modifier phrase before a name, lower case ("former", "energy", "secretary")."""
    return {t.lower_ for t in tok.subtree if t.is_alpha and t.ent_type_ != "PERSON"} | {tok.lemma_.lower()}


def _noun_words(noun: Token) -> set[str]:
    """A role noun with its modifiers and the head of its "of" phrase: "a former state treasurer" -> former, state,
    treasurer; "president of the Fishermen's Union" -> president, union (for "the union leader")."""
    words = {noun.lemma_.lower(), noun.lower_}
    for c in noun.lefts:
        if c.dep_ in _MODIFIERS:
            words |= {t.lower_ for t in c.subtree if t.is_alpha}
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            words |= {p.lower_ for p in c.children if p.dep_ == "pobj" and p.is_alpha}
    return words


def _age_described(tok: Token) -> int | None:
    """The age of an age description ("the 68-year-old"), as one token or as "68 - year - old"."""
    m = _AGE_TOKEN.match(tok.lower_)
    if m:
        return int(m.group(1))
    doc, i = tok.doc, tok.i
    spelled = [t.text.lower() for t in doc[i - 4 : i]] if i >= 4 else []
    if tok.lower_ == "old" and spelled[1:] == ["-", "year", "-"] and spelled[0].isdigit():
        return int(spelled[0])
    return None


def _age_definite(tok: Token) -> bool:
    """An age description after 'the' ("The 68-year-old added"), wherever the parser hung the article."""
    doc = tok.doc
    first = tok.i if _AGE_TOKEN.match(tok.lower_) else tok.i - 4
    return first > 0 and doc[first - 1].lower_ in ("the", "this")
