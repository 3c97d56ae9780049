"""What a speaker refers back to: the organisation behind "the company", the person behind "he" or "she"."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from assets.text.entities import alias_lookup, is_role
from assets.text.entities.clues import appositions, classifiers
from assets.text.quotes.index import _Index
from assets.text.quotes.model import _Speaker
from assets.text.quotes.words import (
    HOLDING_NOUNS,
    KIND_PARENT,
    ORG_DESIGNATORS,
    ORG_KINDS,
    ORG_PLACE_PREPS,
    PERSON_NOUNS,
    PERSON_PLACE_PREPS,
    PLACE_NOUNS,
    SPOKES_NOUNS,
    TITLE_WORDS,
)
from assets.text.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


# How many paragraphs back a pronoun, a definite description or an unattributed quotation may reach for its
# speaker (news paragraphs are one or two sentences long).
INHERIT_PARAGRAPHS = 2


def _surface(m: Mention) -> str:
    """A speaker mention as written, without the titles before a person's name ("Treasurer Jim Chalmers")."""
    if m.label != "PERSON":
        return m.text
    words = m.text.split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS and words[0][:1].isupper():
        words = words[1:]
    return " ".join(words)


def _is_salient(idx: _Index, m: Mention) -> bool:
    """A mention that is a subject, a name beside one, or the owner of a main clause's subject that is not a person
    ("Lindsay's reply came within minutes. '…,' she said"): the usual antecedent."""
    head = idx.mention_token(m)
    if head is None:
        return False
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    owned = head.head
    if head.dep_ == "poss" and owned.dep_ in ("nsubj", "nsubjpass") and owned.head.dep_ == "ROOT":
        lemma = owned.lemma_.lower()
        return not (is_role(lemma) or lemma in PERSON_NOUNS or lemma in SPOKES_NOUNS)
    return head.dep_ in ("appos", "compound") and head.head.dep_ in ("nsubj", "nsubjpass")


def _place_like(idx: _Index, m: Mention) -> bool:
    """A PERSON/ORG mention that is really where something happened, so never a speaker found nearby.

    The object of a locative preposition (or an organisation after a verb's "on": the medium), a name before a
    place noun ("the X highway"), or a name the alias table knows as a place."""
    if m.label not in ("PERSON", "ORG"):
        return False
    hit = alias_lookup(m.canonical)
    if hit is not None and hit[1] in ("GPE", "LOC"):
        return True
    doc = idx.doc
    end = idx.tok_at(m.end_char - 1) + 1
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN":
        return True
    head = idx.mention_token(m)
    if head is None:
        return False
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if m.label == "ORG" and prep.lower_ == "on" and prep.head.pos_ == "VERB":
        return True  # the medium, not an actor: "Gorosito posted on Instagram", "relied on Google"
    if m.label == "PERSON":
        return prep.lower_ in PERSON_PLACE_PREPS
    if prep.lower_ not in ORG_PLACE_PREPS or prep.head.lower_ in HOLDING_NOUNS:
        return False
    words = m.canonical.lower().replace(".", "").split()
    return (
        not any(w in ORG_DESIGNATORS or w in ORG_KINDS for w in words)
        and _org_kind(idx, m, idx.mention_token(m)) is None
    )


def _org_kind(idx: _Index, m: Mention, head: Token) -> str | None:
    """A named organisation's kind: from a noun beside it ("the UAW union", "Arvada, a shipping firm"),
    else from its own words."""
    doc = idx.doc
    end = idx.tok_at(m.end_char - 1) + 1
    if (
        end < len(doc)
        and doc[end].pos_ == "NOUN"
        and doc[end].lower_ in ORG_KINDS
        and doc[end].i == head.head.i
    ):
        return ORG_KINDS[doc[end].lower_]
    # "Arvada, a shipping firm", "the terminal operator Levante Terminals"
    for c in [*(c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), *classifiers(head)]:
        if c.lemma_.lower() in ORG_KINDS:
            return ORG_KINDS[c.lemma_.lower()]
    words = m.canonical.lower().replace(".", "").split()
    for w in (words[-1], words[0]) if words else ():
        if w in ORG_KINDS:
            return ORG_KINDS[w]
    return None


def _antecedent_org(
    idx: _Index, tok: Token, labels: tuple[str, ...] | frozenset[str] = ("ORG",), given_only: bool = False
) -> Mention | None:
    """The organisation 'the company' refers to: one named with that noun, else the last subject one.

    `labels`: the mention labels it may have (a newspaper's name is often tagged as a work or a place);
    `given_only`: only one named with that noun or given it."""
    tok = _first_use(idx, tok)
    para = idx.para_of(tok.idx)
    noun = tok.lemma_.lower()
    want = ORG_KINDS.get(noun)
    cands, exact = [], []
    for m in reversed(idx.mentions[: bisect.bisect_left(idx.m_starts, tok.idx)]):
        head = idx.mention_token(m)
        if m.label in labels and head is not None and not idx.in_quote(head) and not _place_like(idx, m):
            kind = _org_kind(idx, m, head)
            if (
                want is None
                or kind is None
                or want in (kind, KIND_PARENT.get(kind))
                or noun in m.canonical.lower().split()
            ):
                cands.append(m)
                if want is not None and kind == want:
                    exact.append(m)
    # named with that noun, or given it ("Aguas del Altiplano, the city-owned utility"); the noun itself before a
    # word of its stem ("the orchestra": "Southbank Symphony Orchestra", not the later "Orchestral Musicians Guild")
    for m in cands:
        if noun in m.canonical.lower().split() or noun in _appos_nouns(idx, m):
            return m
    for m in cands:
        if _named_with(noun, m.canonical.lower().split()):
            return m
    if given_only:
        return None
    # An organisation described as that kind beats one of unknown kind ("the airline" is not the jet's maker).
    for group in (exact, cands):
        for m in group:
            if _is_salient(idx, m):
                return m
        for m in group:
            if para - idx.para_of(m.start_char) <= INHERIT_PARAGRAPHS:
                return m
    # Failing those, the one organisation of that kind the text names, however far back ("pilots at Azahar Air
    # began a strike … the airline said").
    return exact[0] if len({m.entity_key for m in exact}) == 1 else None


def _named_with(noun: str, words: list[str]) -> bool:
    """The organisation's name holds the noun or a word of its stem ("the insurer": "Harbourline Health
    Insurance"); English agent and activity nouns share their first five letters at least."""
    return noun in words or (len(noun) >= _STEM and any(w[:_STEM] == noun[:_STEM] for w in words))


_STEM = 5


def _first_use(idx: _Index, tok: Token) -> Token:
    """The first use of a description the text repeats word for word ("… after the Spanish club paid the clause
    … the Spanish club said"): it means what it meant there. Only with a modifier: a bare "the company" may pass
    from one company to the next."""
    mods = _modifiers(tok)
    if not mods:
        return tok
    for t in idx.doc[: tok.i]:
        if t.lemma_ == tok.lemma_ and t.tag_ == tok.tag_ and not idx.in_quote(t) and _modifiers(t) == mods:
            return t
    return tok


def _modifiers(tok: Token) -> tuple[str, ...]:
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return ()
    return tuple(c.lower_ for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound"))


def _appos_nouns(idx: _Index, m: Mention) -> set[str]:
    """The common nouns in apposition with a name or classing it ("Vantora, the cloud software company" -> company;
    "the daily Vestlandsposten" -> daily)."""
    head = idx.mention_token(m)
    if head is None:
        return set()
    return {n.lemma_.lower() for n in appositions(head) if n.pos_ == "NOUN"} | {
        n.lemma_.lower() for n in classifiers(head)
    }


def _key_by_name(idx: _Index, surface: str) -> tuple[str | None, str | None]:
    """Entity key of an untagged proper-name speaker that matches a mention's canonical name."""
    words = [w for w in surface.lower().replace("’", "'").split() if not w.endswith("'s")]  # "Ireland's"
    if not words:
        return None, None
    keys = {
        m.entity_key: m.label
        for m in idx.mentions
        if m.label in ("PERSON", "ORG")
        and set(words) <= set(m.canonical.lower().split())  # "High Court" is not the "Court of Appeal"
        and not _place_like(idx, m)
    }
    if len(keys) == 1:
        k, lab = next(iter(keys.items()))
        return k, lab
    return None, None


def _pronoun_speaker(m: Mention) -> _Speaker:
    """The speaker a resolved pronoun names, flagged as found through the pronoun."""
    return _Speaker(_surface(m), m.entity_key, m.label, ("pronoun_speaker",))


def _introduced(idx: _Index, m: Mention, head: Token) -> bool:
    """The document's first mention of a person, described on the spot ("a neighbour, Ana Ruiz, 78, who")."""
    if any(o.entity_key == m.entity_key for o in idx.mentions if o.start_char < m.start_char):
        return False
    if len(m.text.split()) < 2:
        return False
    return any(c.dep_ in ("appos", "relcl") and c.i > head.i for c in head.children)


def _learn_gender(idx: _Index, want: str | None, spk: _Speaker) -> _Speaker:
    """A he/she once resolved to a name tells the gender of that name for later pronouns."""
    if want is not None and spk.key is not None:
        idx.gender.setdefault(spk.key, want)
    return spk


def _org_of_phrase(idx: _Index, tok: Token) -> Mention | None:
    """The organisation named in an at/from/of phrase on a noun ("analysts at Databank Research")."""
    for c in idx.kids(tok, ("prep",)):
        if c.lower_ in ("at", "from", "of"):
            for p in idx.kids(c, ("pobj",)):
                m = idx.mention_at(p)
                if m is not None and m.label == "ORG":
                    return m
    return None
