"""The speaker of a reporting verb: its subject, and the person or organisation that subject stands for."""

from __future__ import annotations

from spacy.tokens import Token

from assets.text.entities import is_role
from assets.text.quotes.antecedents import (
    _antecedent_org,
    _key_by_name,
    _resolve_pronoun,
    _surface,
)
from assets.text.quotes.cues import _is_reporting
from assets.text.quotes.index import _Index
from assets.text.quotes.model import _Speaker
from assets.text.quotes.words import (
    ADDRESSEE_VERBS,
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    RELATIVES,
    SPOKES_NOUNS,
    TITLE_WORDS,
)
from assets.text.records import Mention

# How many heads up a verb may look for a shared subject or an outer reporting verb ("went on to say",
# "was quoted as saying"): beyond that the parse is someone else's clause.
_HEAD_CLIMB = 4
# The longest for/of/at/from phrase kept in a speaker's description ("a spokesman for the chain Aeon").
_ORG_PHRASE_MAX_TOKENS = 8
# Labels of the mentions taken as speakers when they are a reporting verb's subject.
_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")


def _subject(idx: _Index, verb: Token) -> Token | None:
    """The token naming who speaks: the verb's subject, a shared subject higher up, or a name after it."""
    if verb.lower_ == "according":
        for c in idx.kids(verb):
            if c.lower_ == "to":
                for p in idx.kids(c, ("pobj",)):
                    return p
        return None
    v = verb
    para = idx.tok_para[verb.i]
    for _ in range(_HEAD_CLIMB):
        for c in idx.kids(v, ("nsubj", "nsubjpass")):
            if c.dep_ == "nsubjpass" and (c.lower_ == "it" or v.lemma_.lower() in ADDRESSEE_VERBS):
                continue  # "it was announced", "he was told": no speaker there
            if idx.in_quote(c):
                continue  # “Jobs for whom?” asked X: the parser hung a word of the quotation on the verb
            return c
        nxt = _shared_subject_verb(v)
        if nxt is None or idx.tok_para[nxt.i] != para:
            break
        v = nxt
    return _name_after_verb(idx, verb, para)


def _shared_subject_verb(v: Token) -> Token | None:
    """The verb whose subject v shares.

    "smiled and said", "said …, adding that", "went on to say", "was quoted as saying"."""
    if v.dep_ == "conj" and v.head.dep_ == "ccomp" and _is_reporting(v.head.head):
        return v.head.head  # "said X was wrong and vowed …" with "vowed" hung on the clause
    if v.dep_ in ("conj", "advcl", "xcomp") and v.head is not v:
        return v.head
    if v.dep_ == "pcomp" and v.head.dep_ == "prep":
        return v.head.head
    return None


def _name_after_verb(idx: _Index, verb: Token, para: int) -> Token | None:
    """Parser slips on inverted attributions ("said Ward"): take a proper name right after the verb."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    inverted = prev is not None and (prev.is_punct or idx.in_quote(prev))  # “…?” asked Nair
    if verb.lemma_.lower() not in ADDRESSEE_VERBS or inverted:
        for c in verb.rights:
            if (
                idx.tok_para[c.i] == para
                and c.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos", "dative")
                and c.pos_ == "PROPN"
            ):
                return c
            break
    return None


def _np_surface(idx: _Index, tok: Token) -> tuple[int, int]:
    """The speaker noun with its left modifiers ("senior administration official"), no article, no clauses."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "quantmod", "det", "case", "npadvmod"):
            start = min(start, c.left_edge.i)
    doc = tok.doc
    toks = [t for t in doc[start : tok.i + 1] if idx.tok_para[t.i] == idx.tok_para[tok.i] and not t.is_space]
    while toks and toks[0] is not tok and (toks[0].lower_ in ("a", "an", "the") or toks[0].is_punct):
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


def _speaker_from_token(idx: _Index, tok: Token, verb: Token) -> _Speaker | None:
    """The speaker a subject stands for: a pronoun's antecedent, a mention, an apposition, a description."""
    low = tok.lower_
    if low in RELATIVES and verb.dep_ == "relcl":
        tok = verb.head
        low = tok.lower_
    if low in PRONOUNS:
        return _resolve_pronoun(idx, tok) or _Speaker(None, None, None, (), low)
    m = idx.mention_at(tok)
    if m is not None and m.label in _SPEAKER_LABELS:
        return _Speaker(_surface(m), m.entity_key, m.label)
    named = _named_beside(idx, tok)
    if named is not None:
        return named
    s, e = _np_surface(idx, tok)
    if tok.lemma_.lower() in SPOKES_NOUNS:
        named = _named_after_org(idx, tok)
        if named is not None:
            return named
        # An unnamed spokesperson speaks for the organisation: "a spokeswoman for Corvane", "a ministry
        # spokesman".
        org = _represented_org(idx, tok)
        if org is not None:
            return _Speaker(idx.body[s:e], org.entity_key, org.label)
    return _described_speaker(idx, tok, idx.body[s:e])


def _named_beside(idx: _Index, tok: Token) -> _Speaker | None:
    """A name in apposition or as a compound of the subject noun.

    "The Kremlin spokesman, Dmitry Peskov, said" / "The developer, Prairie Carbon Partners, says"."""
    for c in tok.children:
        if c.dep_ == "appos":
            am = idx.mention_at(c)
            if am is not None and am.label in ("PERSON", "ORG"):
                return _Speaker(_surface(am), am.entity_key, am.label)
    for c in tok.lefts:
        if c.dep_ == "compound":
            cm = idx.mention_at(c)
            if cm is not None and cm.label == "PERSON":
                return _Speaker(_surface(cm), cm.entity_key, cm.label)
    return None


def _described_speaker(idx: _Index, tok: Token, surface: str) -> _Speaker:
    """A described speaker: a document's owner, an untagged name, or "the company" named earlier."""
    key = None
    label = None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
        owner = _document_owner(idx, tok)
        if owner is not None:
            return _Speaker(surface, owner.entity_key, owner.label)
    if tok.pos_ == "PROPN":
        words = surface.split()
        while len(words) > 1 and words[0].lower() in TITLE_WORDS and words[0][:1].isupper():
            words = words[1:]
        surface = " ".join(words)
        key, label = _key_by_name(idx, surface)
    elif (
        tok.lemma_.lower() in ORG_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
        and not any(c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "prep" for c in tok.children)
    ):
        org = _antecedent_org(idx, tok)
        if org is not None:
            key, label = org.entity_key, org.label
    return _Speaker(surface, key, label)


def _document_owner(idx: _Index, tok: Token) -> Mention | None:
    """The organisation owning a document: "its report", "Brellin's filing", "a statement from the firm"."""
    holders = list(idx.kids(tok, ("poss",)))
    holders += [
        p
        for c in idx.kids(tok, ("prep",))
        if c.lower_ in ("from", "by", "of")
        for p in idx.kids(c, ("pobj",))
    ]
    for h in holders:
        if h.lower_ == "its":
            spk = _resolve_pronoun(idx, h)
            if spk is not None and spk.label == "ORG":
                return next((m for m in idx.mentions if m.entity_key == spk.key), None)
            continue
        for t in [h] + [c for c in h.lefts if c.dep_ in ("compound", "nmod")]:
            m = idx.mention_at(t)
            if m is not None:
                return m if m.label == "ORG" else None
        if (
            h.pos_ == "NOUN"
            and h.lemma_.lower() in ORG_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in h.children)
            and not any(c.dep_ in ("poss", "compound", "nmod", "prep") for c in h.children)
        ):
            return _antecedent_org(idx, h)
    return None


def _named_after_org(idx: _Index, tok: Token) -> _Speaker | None:
    """A spokesperson's name hung on the organisation: "a spokeswoman for Brellin Foods, Ana Ruiz, said"."""
    for c in idx.kids(tok, ("prep",)):
        for p in idx.kids(c, ("pobj",)):
            for a in idx.kids(p, ("appos",)):
                m = idx.mention_at(a)
                if m is not None and m.label == "PERSON":
                    return _Speaker(_surface(m), m.entity_key, m.label)
                names = [t for t in a.subtree if t.dep_ != "punct"]
                if (
                    m is None
                    and a.pos_ == "PROPN"
                    and 2 <= len(names) <= 3
                    and all(
                        t.pos_ == "PROPN" and t.text[:1].isupper() and idx.mention_at(t) is None
                        for t in names
                    )
                ):
                    return _Speaker(" ".join(t.text for t in names), None, None)
    return None


def _represented_org(idx: _Index, tok: Token) -> Mention | None:
    """The organisation a spokesperson noun speaks for: its for/of/at phrase, possessor or name modifier."""
    para = idx.tok_para[tok.i]
    holders = [
        p for c in idx.kids(tok, ("prep",)) if c.lower_ in ("for", "of", "at") for p in idx.kids(c, ("pobj",))
    ]
    holders += [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "poss") and idx.tok_para[c.i] == para]
    for h in holders:
        for t in [h] + [c for c in h.lefts if c.dep_ in ("compound", "nmod")]:
            m = idx.mention_at(t)
            if m is not None and m.label == "ORG":
                return m
        if h.pos_ == "NOUN" and h.lemma_.lower() in ORG_NOUNS:
            # "a spokesman for the ministry", "a company spokeswoman": the organisation named earlier.
            if h.dep_ == "pobj" and not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in h.children
            ):
                continue
            if any(c.dep_ in ("poss", "compound", "nmod", "prep") for c in h.children):
                continue
            return _antecedent_org(idx, h)
    return None


def _speaker_for_verb(idx: _Index, verb: Token) -> _Speaker | None:
    """The speaker of a reporting verb, from its subject."""
    subj = _subject(idx, verb)
    if subj is None:
        return None
    return _speaker_from_token(idx, subj, verb)


def _speakerish(idx: _Index, subj: Token, spk: _Speaker | None) -> bool:
    """The subject of a quote's verb is a name, pronoun, person or organisation (not "the price rise")."""
    if spk is not None and (spk.key is not None or spk.label is not None or spk.pronoun):
        return True
    low, lemma = subj.lower_, subj.lemma_.lower()
    if low in PRONOUNS | RELATIVES or subj.pos_ in ("PROPN", "PRON"):
        return True
    return (
        lemma in ORG_NOUNS
        or lemma in SPOKES_NOUNS
        or lemma in DOCUMENT_NOUNS
        or lemma in PERSON_NOUNS
        or low in PERSON_NOUNS
        or is_role(lemma)
    )


def _outer_report(idx: _Index, verb: Token) -> tuple[Token, _Speaker] | None:
    """A reporting verb above this one whose subject can speak: "She said the rise signalled “…”"."""
    v = verb
    para = idx.tok_para[verb.i]
    for _ in range(_HEAD_CLIMB):
        if v.head is v or idx.tok_para[v.head.i] != para:
            return None
        v = v.head
        if idx.in_quote(v) or not _is_reporting(v):
            continue
        subj = _subject(idx, v)
        if subj is None:
            continue
        spk = _speaker_from_token(idx, subj, v)
        if _speakerish(idx, subj, spk):
            return v, spk
    return None
