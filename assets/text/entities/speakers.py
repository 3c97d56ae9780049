"""People the model missed that the syntax gives away: subjects of speech verbs, names beside a role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.entities.clues import (
    _name_chain,
    _next_sentence_he_or_she,
    _pronoun_follows,
    _says,
    its_in_clause,
)
from assets.text.entities.names import _HONORIFICS, ORG_DESIGNATORS, TITLE_WORDS, is_role
from assets.text.entities.spans import _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc


# A name found only through its syntax is two or three words: longer capitalised runs are titles or headlines.
_MAX_FOUND_WORDS = 3
_ORG_NOUNS = lexicon.words("quotes_speakers", "org_nouns")


class _Found:
    """The mentions by character offset, the people found so far and the mentions they replace."""

    __slots__ = ("by_char", "added", "dropped")

    def __init__(self, raws: list[_Raw]):
        self.by_char: dict[int, _Raw] = {}
        for r in raws:
            for c in range(r.start, r.end):
                self.by_char[c] = r
        self.added: list[_Raw] = []
        self.dropped: dict[int, _Raw] = {}

    def person(self, doc: Doc, start: int, end: int, claim: bool = False) -> None:
        """A new PERSON mention; `claim` marks its characters taken for the names found after it."""
        self.added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
        if claim:
            for c in range(start, end):
                self.by_char[c] = self.added[-1]

    def inside(self, chain: list) -> dict[int, _Raw]:
        """The mentions that cover some token of the chain, by id."""
        return {id(r): r for t in chain if (r := self.by_char.get(t.idx)) is not None}

    def merged(self, raws: list[_Raw]) -> list[_Raw]:
        """The mentions less those replaced, with the people found (one per span), in text order."""
        if not self.added:
            return raws
        raws = [r for r in raws if id(r) not in self.dropped]
        seen = {(r.start, r.end) for r in raws}
        raws = raws + [r for r in self.added if (r.start, r.end) not in seen]
        raws.sort(key=lambda r: r.start)
        return raws


def _discover_speakers(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """Names the NER missed but the syntax gives away: proper-noun subjects of 'say'-type verbs."""
    found = _Found(raws)
    for tok in doc:
        if _name_with_role(doc, tok, found):
            continue
        if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and _says(tok.head):
            _named_in_apposition(doc, tok, found)
        elif tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and not _says(tok.head):
            _subject_before_pronoun(doc, tok, found)
        elif tok.pos_ == "PROPN" and tok.dep_ == "nsubj":  # the subject of a speech verb
            _speaking_name(doc, tok, found)
    return found.merged(raws)


def _name_with_role(doc: Doc, tok, found: _Found) -> bool:
    """'Ana Ruiz, a daily rider, …': an untagged name in apposition with a person's role."""
    if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.idx not in found.by_char):
        return False
    if not any(c.dep_ == "appos" and is_role(c.lemma_) for c in tok.children):
        return False
    chain = _name_chain(tok)
    if not 2 <= len(chain) <= _MAX_FOUND_WORDS or any(t.idx in found.by_char for t in chain):
        return False
    found.person(doc, chain[0].idx, tok.idx + len(tok.text), claim=True)
    return True


def _named_in_apposition(doc: Doc, tok, found: _Found) -> None:
    """'Keldor's chief executive, Emeka Obi, told …': the name beside a speaking noun."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper():
            chain = _name_chain(c)
            if len(chain) >= 2 and not any(t.idx in found.by_char for t in chain):
                found.person(doc, chain[0].idx, c.idx + len(c.text))


def _subject_before_pronoun(doc: Doc, tok, found: _Found) -> None:
    """'Clemens Fuest of the Ifo Institute was sceptical. He argued …': a name that a he/she takes up."""
    chain = _name_chain(tok)
    if not (
        1 <= len(chain) <= _MAX_FOUND_WORDS
        and all(t.text.isalpha() for t in chain)
        and tok.lower_ not in ORG_DESIGNATORS
    ):
        return
    # One word is a person's name only when nothing else claims it ("Socrates taught … He …"): no other
    # entity type, no title or role word, no "its" for it.
    if len(chain) == 1 and (
        tok.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP")
        or tok.lower_ in TITLE_WORDS
        or is_role(tok.lemma_)
        or not tok.is_title
        or its_in_clause(tok)
    ):
        return
    start, end = chain[0].idx, tok.idx + len(tok.text)
    inside = found.inside(chain)
    if any(r.fixed or r.label == "PERSON" or r.start < start or r.end > end for r in inside.values()):
        return
    if _next_sentence_he_or_she(doc, tok) if len(chain) == 1 else _pronoun_follows(doc, tok, say_only=False):
        found.dropped.update(inside)
        found.person(doc, start, end)


def _speaking_name(doc: Doc, tok, found: _Found) -> None:
    """The proper-noun subject of a speech verb: a full name, or a surname resolved by _speaking_surname."""
    if not tok.text[:1].isupper() or tok.lower_ in TITLE_WORDS or not tok.text.isalpha():
        return
    own = found.by_char.get(tok.idx)
    if own is not None and own.label == "PERSON":
        return
    chain = _name_chain(tok)
    if len(chain) < 2:
        _speaking_surname(doc, tok, own, found)
        return
    before = doc[chain[0].i - 1] if chain[0].i > 0 else None
    if own is not None and own.label == "ORG" and before is not None and before.lemma_ in _ORG_NOUNS:
        return  # classed as one just before: "The patients' charity Mobility Matters Ireland said"
    start, end = chain[0].idx, tok.idx + len(tok.text)
    inside = found.inside(chain)
    # Pieces of the name the model tagged as something else ("Marta" GPE in "Marta Ruiz said") give way.
    if any(r.fixed or r.start < start or r.end > end for r in inside.values()):
        return
    found.dropped.update(inside)
    found.person(doc, start, end)


def _speaking_surname(doc: Doc, tok, own: _Raw | None, found: _Found) -> None:
    """A lone surname that speaks: with the full name it abbreviates, else alone on an honorific or he/she."""
    end = tok.idx + len(tok.text)
    full = _full_name_elsewhere(doc, tok, own, found.by_char)
    if full is None:
        honorific = tok.i > 0 and doc[tok.i - 1].lower_ in _HONORIFICS
        if own is None and (honorific or _pronoun_follows(doc, tok, say_only=True)):
            found.person(doc, tok.idx, end)
        return
    if own is not None:
        if own.fixed or own.start != tok.idx or own.end != end:
            return
        own.label = "PERSON"
    else:
        found.person(doc, tok.idx, end)
    if not any(t.idx in found.by_char for t in full):
        found.person(doc, full[0].idx, full[-1].idx + len(full[-1].text), claim=True)
        return
    for t in full:
        r = found.by_char.get(t.idx)
        if r is not None and r.label != "PERSON" and not r.fixed and r.text == tok.text:
            r.label = "PERSON"


def _full_name_elsewhere(doc: Doc, tok, own: _Raw | None, by_char: dict[int, _Raw]) -> list | None:
    """The first other name in the document ending in the same word whose words are not another entity's."""
    for other in doc:
        if other.i != tok.i and other.text == tok.text and other.i > 0:
            chain = _name_chain(other)
            if len(chain) >= 2 and not any(
                by_char.get(t.idx) is not None
                and by_char[t.idx].label != "PERSON"
                and by_char[t.idx] is not own
                for t in chain
            ):
                return chain
    return None
