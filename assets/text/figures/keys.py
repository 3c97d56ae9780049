"""What a figure measures, as keys that compare figures across documents: the measure's family, the
entities the figure is about, and its role (a level, or a change).

- The measure comes from the syntax (measure.py); a pronoun or light noun ("It grew to …", "The total came
  to …") stands for the subject of the sentence before, which then names the measure, its scope and period.
- measure_key: a verb of a measure family names it first ("the scheme would cost £1.9bn": cost), then a
  family phrase or word in the measure ("public support": subsidy), else the measure's head noun. A share of
  a person ("found Vanterpool at 48%") is a vote share. Changes ("up 26 percent", "rose by", "99 additional
  delegates") get ":change", closing levels of a market ("closed 4.2% lower") ":close", so they never equal
  a level.
- scope: the entity keys of the mentions inside the measure's phrase, the subject's phrase, the figure's own
  phrase and the verb's prepositional phrases and objects; a poll's share adds the pollster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from assets.text import lexicon
from assets.text.figures.measure import Measured, _np
from assets.text.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_FAMILIES: dict[str, list[str]] = lexicon.mapping("figures", "measure_families")
_FAMILY_OF = {w: key for key, words in _FAMILIES.items() for w in words}
_VERB_FAMILY: dict[str, str] = lexicon.mapping("figures", "measure_verbs")
_PRONOUNS = lexicon.words("figures", "measure_pronouns")
_LIGHT = lexicon.words("figures", "light_nouns")
_LEVEL_VERBS = lexicon.words("figures", "level_verbs")
_INCREMENTS = lexicon.words("figures", "increment_words")
_CLOSING = lexicon.words("figures", "closing_verbs")
_POLL_NOUNS = lexicon.words("figures", "poll_nouns")
_POLL_AGENT_VERBS = lexicon.words("figures", "poll_agent_verbs")
_SCOPE_LABELS = lexicon.words("figures", "scope_labels")
# A verb's prepositional phrases that say where or between whom ("sold in the US", "trade grew with Russia");
# not routes ("runs from A to B") nor beneficiaries.
_SCOPE_PREPS = ("in", "between", "with", "across", "among", "within")
# Subtrees that say something else: clauses, and attributions ("according to …").
_ASIDES = ("relcl", "advcl", "ccomp", "parataxis", "acl", "appos")
_VOTE_SHARE = "vote_share"
_SHARE_UNITS = ("percent", "pp")


class Keys(NamedTuple):
    measure: str | None
    measure_key: str | None
    scope: tuple[str, ...]
    change: bool
    antecedent: Span | None  # the sentence a pronoun measure was taken from


def _mention_index(doc: Doc, mentions: list[Mention]) -> dict[int, str]:
    """Token index -> entity key of the mention covering it."""
    out: dict[int, str] = {}
    for m in mentions:
        if m.label not in _SCOPE_LABELS:
            continue
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        for t in span or ():
            out[t.i] = m.entity_key
    return out


def _stands_for_other(tok: Token | None) -> bool:
    """A pronoun, or a light noun without modifiers ("the total", not "the combined monthly total")."""
    if tok is None or tok.i - tok.sent.start > 1:
        return False  # only a sentence that opens with it ("It grew to …"), not "… they say it is 2 percent"
    if tok.pos_ == "PRON":
        return tok.lower_ in _PRONOUNS
    return tok.lemma_.lower() in _LIGHT and not any(c.dep_ in ("compound", "amod") for c in tok.children)


def _states_level(verb: Token | None) -> bool:
    """A verb whose subject is what the figure measures ("It grew to …", "It is expected to cost …")."""
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    return verb.pos_ == "AUX" or lemma in _LEVEL_VERBS or lemma in _VERB_FAMILY


def _antecedent(tok: Token) -> Token | None:
    """The measure a pronoun or light noun stands for: the subject of the sentence before."""
    doc, sent = tok.doc, tok.sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    # A thing measured, not someone acting: a common noun outside any named entity.
    subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not t.ent_type_]
    return next((t for t in subjects if t.head.dep_ == "ROOT"), subjects[0] if subjects else None)


def _family(words: list[str]) -> str | None:
    """The family of the longest phrase of `words` (lemmas, in order) the lexicon names, right-most first."""
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n, -1, -1):
            key = _FAMILY_OF.get(" ".join(words[i : i + n]))
            if key:
                return key
    return None


def _words(tok: Token, exclude: set[int]) -> list[str]:
    text = _np(tok, exclude) or ""
    return [w if w != tok.lower_ else tok.lemma_.lower() for w in text.split()]


def _is_change(m: Measured, span: Span, flags: list[str]) -> bool:
    if "increase" in flags or "decrease" in flags:
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    near = [c.lower_ for c in (m.noun.children if m.noun is not None else ())]
    return (after is not None and after.lower_ in _INCREMENTS) or any(w in _INCREMENTS for w in near)


def _person_share(m: Measured, unit: str | None, ents: dict[int, str]) -> Token | None:
    """The person a share is of ("found Vanterpool at 48%", "gave Hale 41 percent"), when the verb names
    one."""
    if unit not in _SHARE_UNITS or m.verb is None:
        return None
    for c in m.verb.children:
        if c.dep_ in ("dobj", "dative") and ents.get(c.i, "").startswith("PERSON|"):
            return c
    return None


def _measure_key(m: Measured, words: list[str], person: Token | None) -> str | None:
    if person is not None:
        return _VOTE_SHARE
    if m.verb is not None and m.by_verb:
        verb = m.verb.lemma_.lower()
        particles = [c.lower_ for c in m.verb.children if c.dep_ in ("prt", "advmod")]  # "call back"
        key = next((_VERB_FAMILY[f"{verb} {p}"] for p in particles if f"{verb} {p}" in _VERB_FAMILY), None)
        key = key or _VERB_FAMILY.get(verb)
        if key:
            return key
    return _family(words) or (words[-1] if words else None)


def _phrase_tokens(tok: Token | None) -> set[int]:
    """A noun's or verb's subtree less its clauses and attributions."""
    if tok is None:
        return set()
    out = {tok.i}
    for c in tok.children:
        if c.dep_ in _ASIDES or c.lower_ == "according":
            continue
        out |= _phrase_tokens(c) if c.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "VERB" else set()
    return out


def _verb_scope(verb: Token | None) -> set[int]:
    """The verb's objects and its prepositional phrases of place and partner ("in the United States")."""
    out: set[int] = set()
    for c in verb.children if verb is not None else ():
        if c.dep_ in ("dobj", "dative", "agent") or c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS:
            out |= _phrase_tokens(c)
    return out


def _pollster(sent: Span, ents: dict[int, str]) -> set[str]:
    """Organisations named with a poll noun in the sentence ("a Halden Research survey", "a poll by X")."""
    out = set()
    for t in sent:
        if t.lemma_.lower() not in _POLL_NOUNS:
            continue
        for c in t.children:
            if c.dep_ == "compound" and ents.get(c.i, "").startswith("ORG|"):
                out.add(ents[c.i])
            by_poll = c.dep_ == "prep" and c.lower_ == "by"  # "the survey by X"
            by_agent = c.dep_ == "acl" and c.lemma_.lower() in _POLL_AGENT_VERBS  # "a survey conducted by X"
            for g in c.subtree if by_poll or by_agent else ():
                if g.dep_ == "pobj" and g.head.lower_ == "by" and ents.get(g.i, "").startswith("ORG|"):
                    out.add(ents[g.i])
    return out


def figure_keys(m: Measured, span: Span, unit: str | None, flags: list[str], ents: dict[int, str]) -> Keys:
    """The keys of one figure from what its measure analysis found (measure.py) and the document's
    mentions."""
    subject, noun, antecedent = m.subject, m.noun, None
    stands = _stands_for_other(noun) or _stands_for_other(subject) and noun in (None, subject)
    if stands and _states_level(m.verb):
        stand_in = noun if _stands_for_other(noun) else subject
        found = _antecedent(stand_in)
        if found is not None:
            noun, antecedent = found, found.sent
            if stand_in is subject:
                subject = found
    covered = {t.i for t in span}
    words = _words(noun, covered) if noun is not None else []
    for c in noun.rights if noun is not None else ():
        if c.dep_ == "advmod":
            words.append(c.lower_)  # "shipments abroad"
    person = _person_share(m, unit, ents)
    measure = " ".join(words) if antecedent is not None and words else m.text
    key = _measure_key(m, words, person)
    change = _is_change(m, span, flags)
    if key is not None and change:
        key += ":change"
    if key is not None and change and m.verb is not None and m.verb.lemma_.lower() in _CLOSING:
        key += ":close"
    if person is not None or key == "lead":  # a poll's figure: the person (for a share) and the pollster
        sent = span.root.sent
        prev = span.doc[sent.start - 1].sent if sent.start > 0 else sent
        scope = ({ents[person.i]} if person is not None else set()) | (
            _pollster(sent, ents) or _pollster(prev, ents)
        )
    else:
        tokens = (
            _phrase_tokens(noun) | _phrase_tokens(subject) | _phrase_tokens(span.root) | _verb_scope(m.verb)
        )
        scope = {ents[i] for i in tokens if i in ents}
    return Keys(measure if measure else None, key, tuple(sorted(scope)), change, antecedent)
