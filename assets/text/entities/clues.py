"""Syntactic clues about a name: a speech verb it is subject of, a he/she that follows, a role beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.entities.names import TITLE_WORDS, is_role

if TYPE_CHECKING:
    from spacy.tokens import Doc


_SAY = lexicon.words("speech", "speaking_verbs")
_SPEECH_WHATEVER_OBJECT = lexicon.words("entities", "speech_whatever_object")
_PERSON_PRONOUNS = lexicon.words("people", "person_subject_pronouns")
_PLACE_PREPS = lexicon.words("places", "prepositions")
_NICKNAME_VERBS = lexicon.words("people", "nickname_verbs")
_NICKNAME_PHRASES = {tuple(p.split(":")) for p in lexicon.words("people", "nickname_phrases")}

# An age given in apposition ("Kinjo, 70,") is a person's only in this range.
_MIN_AGE, _MAX_AGE = 1, 120
# How many tokens past the name's sentence to look for the next subject: about two sentences of news prose.
_PRONOUN_WINDOW = 80


def _says(verb) -> bool:
    """A 'say'-type verb used for speech; 'add', 'note', 'write' with a plain object ("add a jet") are not."""
    lemma = verb.lemma_.lower()
    if lemma not in _SAY:
        return False
    if lemma in _SPEECH_WHATEVER_OBJECT:
        return True
    return not any(c.dep_ == "dobj" for c in verb.children) or any(c.dep_ == "ccomp" for c in verb.children)


def two_sentences_before(sent) -> int:
    """The index of the first token of the sentence two before `sent` (or of the document's first)."""
    doc, start = sent.doc, sent.start
    for _ in range(2):
        start = doc[start - 1].sent.start if start > 0 else start
    return start


def _pronoun_follows(doc: Doc, tok, say_only: bool) -> bool:
    """The next subject after tok's clause is he/she, and no named person nearby could be the one meant."""
    sent = tok.sent
    if any(t.ent_type_ == "PERSON" for t in doc[two_sentences_before(sent) : tok.i]):
        return False
    for t in doc[tok.i + 1 : min(len(doc), sent.end + _PRONOUN_WINDOW)]:
        if t.dep_ == "nsubj" and t.i > tok.head.i and (not say_only or _says(t.head)):
            if t.sent == sent and t.lower_ not in _PERSON_PRONOUNS:
                continue  # a subject inside tok's own sentence ("… who said that prices rose")
            return t.lower_ in _PERSON_PRONOUNS
        if t.ent_type_ == "PERSON":
            return False
    return False


def _next_sentence_he_or_she(doc: Doc, tok) -> bool:
    """The name is the subject of its sentence's main verb, no other person is named in that sentence, and
    the next sentence's subject is he/she ("Napoleon crowned himself emperor. He later …"): the tight form
    of _pronoun_follows for names that do not speak."""
    sent = tok.sent
    if sent.end >= len(doc) or tok.head.dep_ != "ROOT":
        return False
    if any(t.ent_type_ == "PERSON" and t.i != tok.i for t in sent):
        return False
    for t in doc[sent.end].sent:
        if t.ent_type_ == "PERSON":
            return False
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.lower_ in _PERSON_PRONOUNS
    return False


def _speaks_or_described(tok) -> bool:
    """The name is the subject of a reporting verb or in apposition with a person's role or age."""
    if tok.dep_ == "nsubj" and _says(tok.head):
        return True
    if tok.dep_ == "appos" and is_role(tok.head.lemma_):
        return True
    return any(c.dep_ == "appos" and (is_role(c.lemma_) or _age(c)) for c in tok.children)


def _age(tok) -> bool:
    """A number set off by commas after a name that reads as a person's age ("Masaru Kinjo, 70,")."""
    doc = tok.doc
    return (
        tok.text.isdigit()
        and _MIN_AGE <= int(tok.text) <= _MAX_AGE
        and tok.i + 1 < len(doc)
        and doc[tok.i - 1].text == ","
        and doc[tok.i + 1].text == ","
    )


def _name_chain(tok) -> list:
    """The capitalised proper-noun tokens of a name ending at tok ("Sofia Marin"), titles excluded."""
    chain = [tok]
    i = tok.i - 1
    while (
        i >= 0
        and tok.doc[i].pos_ == "PROPN"
        and tok.doc[i].text[:1].isupper()
        and tok.doc[i].lower_ not in TITLE_WORDS
    ):
        chain.insert(0, tok.doc[i])
        i -= 1
    return chain


def _locative(tok) -> bool:
    """The word is the object of a place preposition ("the match in Durban")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


def appositions(tok) -> list:
    """The tokens in apposition with a name's head: its appos children, or the noun it is in apposition to."""
    return [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])


def classifiers(tok) -> list:
    """The lower-case words that class a name from before it: "the daily Vestlandsposten", "the Kaunas daily Kauno
    Žinios" (the name carries the article; the small model tags such a word as an adjective as often as a noun), or
    the noun right before the name carrying the article itself, wherever the parser hung the name ("the terminal
    operator Levante Terminals", "told the local paper Göteborgs Kuriren")."""
    out = []
    if any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children):
        out = [
            c
            for c in tok.children
            if c.i < tok.i
            and c.dep_ in ("amod", "compound", "nmod")
            and c.pos_ in ("NOUN", "ADJ")
            and c.text.islower()
        ]
    i = tok.i
    while i > 0 and tok.doc[i - 1].pos_ == "PROPN" and tok.doc[i - 1].text[:1].isupper():
        i -= 1
    before = tok.doc[i - 1] if i > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.text.islower()
        and before not in out
        and (
            before.left_edge.lower_ in ("the", "a", "an")
            # "the government's restitution panel X"; "the bakery workers' union X" (the article opens the name's phrase)
            or any(c.dep_ in ("det", "poss") for c in before.children)
            or (before.head.i == tok.i and tok.left_edge.lower_ in ("the", "a", "an"))
        )
    ):
        out.append(before)
    return out


def its_in_clause(tok) -> bool:
    """An "its" in the subject's own clause takes the subject up ("Morale … is at its lowest"): a thing or a body,
    never a person."""
    verb = tok.head
    return any(
        t.lower_ == "its" and t.dep_ == "poss"
        for t in verb.subtree
        if t.i not in range(tok.left_edge.i, tok.i + 1)
    )


def nickname_of(tok):
    """The token standing for the person that the one-word name tok is another first name of, or None:
    "everyone called him Mike" (him), "friends nicknamed her Dot" (her), "Ford, known as Mike" (Ford),
    "Vasquez, who goes by Lena" (Vasquez)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.dep_ == "compound":
        return None
    if any(c.dep_ == "compound" for c in tok.children):
        return None  # a full name ("better known as Robert Jordan") is a pen name, not a first name
    head = tok.head
    if tok.dep_ in ("oprd", "dobj") and head.lemma_.lower() in _NICKNAME_VERBS:
        named = [c for c in head.children if c.dep_ == "dobj" and c.i != tok.i]
        # "nicknamed her Dot": "her" parsed as Dot's owner
        named += [c for c in tok.children if c.dep_ == "poss"]
        return named[0] if len(named) == 1 else None
    verb = head.head
    if tok.dep_ != "pobj" or (verb.lemma_.lower(), head.lower_) not in _NICKNAME_PHRASES:
        return None
    if verb.dep_ in ("acl", "relcl"):
        return verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None
