"""What a figure measures, read from the dependency parse, with the direction of a change ("exports fell")."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from assets.text import lexicon
from assets.text.figures.candidate import _Cand
from assets.text.figures.counts import _TIME_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_CHANGE_UP = lexicon.words("figures", "change_up")
_CHANGE_DOWN = lexicon.words("figures", "change_down")
# Nouns that only frame an amount ("a record $240 billion", "a total of $5 billion"): the measure lies beyond them.
_PLACEHOLDER_NOUNS = lexicon.words("figures", "placeholder_nouns")
# Verbs that state a level of their subject ("trade reached $240 billion"), against verbs whose subject acts.
_LEVEL_VERBS = lexicon.words("figures", "level_verbs")
# "down from 45%" names the old level, not the change.
_LEVEL_PREPOSITIONS = lexicon.words("figures", "level_prepositions")
_MEASURE_PREPOSITIONS = lexicon.words("figures", "measure_prepositions")
# Dependencies by which a figure modifies the noun it measures ("a $1.5 trillion spending bill").
_NOUN_MODIFIER_DEPS = ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod", "appos", "poss")
# Dependencies by which a figure hangs from an adverb, adjective or preposition on the way up ("up 8 percent").
_ADVERBIAL_DEPS = ("prep", "amod", "advmod", "acomp", "quantmod", "npadvmod")
# Units whose amount is itself a change when it is a verb's object ("raised rates 25 basis points").
_CHANGE_UNITS = ("percent", "pp", "times")
# Entities that are never what an amount is of ("36 percent in 2023", "$5 billion of Russia").
_NOT_MEASURED_ENTS = ("DATE", "TIME", "GPE", "LOC", "PERSON", "ORG")
# How far up the parse a figure's head is followed to its verb.
_MAX_CLIMB = 6
# How many clauses up a subject is looked for (xcomp, conj, … chains).
_MAX_SUBJECT_DEPTH = 3
# A measure is a short noun phrase.
_MAX_MEASURE_WORDS = 4


def _np(tok: Token, exclude: set[int]) -> str | None:
    """A short lower-cased noun phrase for a noun: its compound/adjective modifiers and its lemma, no determiners."""
    if tok.pos_ == "PRON":
        return None
    words: list[str] = []
    for left in reversed(list(tok.lefts)):
        if left.i in exclude or left.dep_ not in ("compound", "amod", "nmod") or left.like_num:
            break
        if left.pos_ in ("NUM", "DET", "PUNCT", "SYM"):
            break
        if any(c.like_num for c in left.children):
            break  # "the 10-year Treasury yield": a numbered modifier is a label, not part of the measure
        words.insert(0, left.lower_)
    head = tok.lemma_.lower() if tok.tag_ == "NNS" and tok.lemma_.isalpha() else tok.lower_
    words.append(head)
    words = [w for w in words if any(c.isalnum() for c in w)]
    return " ".join(words[-_MAX_MEASURE_WORDS:]) or None


def _subject(verb: Token, exclude: set[int], depth: int = 0) -> Token | None:
    """The noun a verb says something about: its subject, or for relative clauses the noun they describe."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in exclude:
            if c.tag_ == "WDT" or c.lower_ in ("which", "that") and verb.dep_ == "relcl":
                return verb.head
            return c
    if (
        depth < _MAX_SUBJECT_DEPTH
        and verb.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acl")
        and verb.head.i != verb.i
    ):
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        return _subject(verb.head, exclude, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _is_actor(tok: Token) -> bool:
    """A subject that does something rather than being measured: a name, a pronoun, an organisation."""
    if tok.pos_ == "PRON" or tok.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
        return True
    # A capitalised common noun opening a sentence or paragraph ("Trade between …") is often tagged PROPN.
    at_start = tok.is_sent_start or tok.i == 0 or tok.doc[tok.i - 1].is_space
    return tok.pos_ == "PROPN" and not at_start


def _clause_head(tok: Token) -> Token:
    """The verb of a token's clause; participles that only modify a noun ("the year ended June 30") don't count."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod"):
            return t
    return tok.sent.root


def _complement(span: Span, inside: set[int], covered: set[int]) -> Token | None:
    """The noun a complement says the amount is of: "36 percent of voters", "$240 billion in trade"."""
    h = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    preps = [c for c in h.children if c.dep_ == "prep"] + (
        [after] if after is not None and after.dep_ == "prep" else []
    )
    for c in preps:
        if c.lower_ not in ("of", "in") or c.i in inside:
            continue
        for p in c.children:
            if p.dep_ != "pobj" or p.i in covered or p.like_num:
                continue
            if p.ent_type_ in _NOT_MEASURED_ENTS:
                continue
            # A bare noun after "in" ("$150 million in a funding round") names an occasion, not the thing.
            if c.lower_ == "in" and (p.pos_ != "NOUN" or any(d.dep_ in ("det", "poss") for d in p.children)):
                continue
            if p.pos_ in ("NOUN", "PROPN"):
                return p
    return None


class _Climb(NamedTuple):
    """Where the walk up from a figure's head ended: at the noun it measures, or at its verb."""

    noun: Token | None
    verb: Token | None
    via: str | None  # the preposition the figure hangs from ("by", "to", "from")
    dep: str | None  # the dependency by which the walk reached the verb


def _climb(span: Span, inside: set[int], covered: set[int], flags: list[str]) -> _Climb:
    """Walks up from the figure's head to a measured noun or a verb, noting "up"/"down" adverbs on the way."""
    t, via = span.root, None
    for _ in range(_MAX_CLIMB):
        p, dep = t.head, t.dep_
        if p.i == t.i:
            break
        if p.i in inside:
            t = p
            continue
        noun_head = p.pos_ in ("NOUN", "PROPN") and p.i not in covered
        if noun_head and (dep in _NOUN_MODIFIER_DEPS or dep == "prep"):
            if p.lemma_.lower() in _PLACEHOLDER_NOUNS and p.head.i != p.i:
                t = p  # "reached a record $240 billion", "a total of 40 people": the noun says nothing; look further
                continue
            return _Climb(p, None, via, None)
        if dep == "pobj":
            via = p.lower_
            t = p
            continue
        if dep in _ADVERBIAL_DEPS and p.pos_ in ("ADJ", "ADV", "ADP"):
            # "up 8 percent" is a change; "down from 45%" names the old level, not the change.
            if via not in _LEVEL_PREPOSITIONS:
                if p.lemma_.lower() in _CHANGE_UP:
                    flags.append("increase")
                elif p.lemma_.lower() in _CHANGE_DOWN:
                    flags.append("decrease")
            t = p
            continue
        if p.pos_ in ("VERB", "AUX"):
            return _Climb(None, p, via, dep)
        if dep in ("appos", "conj") and p.i in covered:
            t = p
            continue
        break
    return _Climb(None, None, via, None)


def _prep_object(verb: Token, covered: set[int]) -> Token | None:
    """A noun after one of the verb's prepositions that says what the amount is for ("$5 billion on roads")."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _MEASURE_PREPOSITIONS:
            continue
        p = next((g for g in c.children if g.dep_ == "pobj"), None)
        if p is None or p.pos_ != "NOUN" or p.i in covered or p.ent_type_ in ("DATE", "TIME"):
            continue
        if p.lemma_.lower() in _TIME_NOUNS:
            continue
        if c.lower_ in ("in", "for") and any(d.dep_ in ("det", "poss") for d in p.children):
            continue
        return p
    return None


class Measured(NamedTuple):
    """What a figure measures: the phrase, the noun it names (if any), the verb governing the figure and that
    verb's subject (even one that acts or is a pronoun), for the keys that compare figures across
    documents."""

    text: str | None
    flags: list[str]
    noun: Token | None = None
    verb: Token | None = None
    subject: Token | None = None
    by_verb: bool = False  # the verb states or acts on the figure: a verb of a measure family names it


def _verb_measure(
    climb: _Climb, inside: set[int], covered: set[int], unit: str | None, flags: list[str]
) -> Measured:
    """What a figure governed by a verb measures: what changed, the subject of a level verb, or the object."""
    verb, via = climb.verb, climb.via
    lemma = verb.lemma_.lower()
    # A change is "fell 3 percent" or "by 3 percent"; "cut 12,000 jobs" or "raised $150 million" is an amount acted on.
    is_change = (lemma in _CHANGE_UP or lemma in _CHANGE_DOWN) and (
        via == "by" or via is None and (climb.dep != "dobj" or unit in _CHANGE_UNITS)
    )
    subj = _subject(verb, inside | covered)
    obj = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i not in inside and c.i not in covered), None
    )
    if is_change:
        # "exports fell 3 percent", "Nvidia rose 5%": what changed, and how; "cut emissions by 45%": the object did.
        flags.append("increase" if lemma in _CHANGE_UP else "decrease")
        thing = obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else subj
        measure = _np(thing, covered) if thing is not None else None
        text = f"{measure} {verb.lower_}" if measure else verb.lower_
        return Measured(text, flags, thing if measure else None, verb, subj, True)
    # With a verb of level ("trade reached $240 billion", "the project will cost $5bn") the subject is measured;
    # with any other verb the subject acts ("the startup raised $150 million"): name what, not who.
    if subj is not None and not _is_actor(subj) and (lemma in _LEVEL_VERBS or verb.pos_ == "AUX"):
        return Measured(_np(subj, covered), flags, subj, verb, subj, True)
    if obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() not in _TIME_NOUNS:
        return Measured(_np(obj, covered), flags, obj, verb, subj, True)
    p = _prep_object(verb, covered)
    if p is not None:
        return Measured(_np(p, covered), flags, p, verb, subj, True)
    text = lemma if verb.pos_ == "VERB" and lemma not in ("be", "have") else None
    return Measured(text, flags, None, verb, subj, True)


def _measure(span: Span, covered: set[int], unit: str | None) -> Measured:
    """What the figure measures, via the dependency parse, and direction flags ("increase"/"decrease")."""
    inside = {t.i for t in span}
    verb = _verb_of(span)
    # "produced 118,000 tonnes of wool": the verb acts on the figure itself, and names the measure first.
    acted_on = verb is not None and span.root.head.i == verb.i and span.root.dep_ in ("dobj", "nsubjpass")
    noun = _complement(span, inside, covered)
    if noun is not None:
        return Measured(_np(noun, covered), [], noun, verb, None, acted_on)
    flags: list[str] = []
    climb = _climb(span, inside, covered, flags)
    if climb.noun is not None:
        return Measured(_np(climb.noun, covered), flags, climb.noun, verb, None, acted_on)
    if climb.verb is None:
        return Measured(None, flags)
    return _verb_measure(climb, inside, covered, unit, flags)


def _verb_of(span: Span) -> Token | None:
    verb = _clause_head(span.root)
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _figure_measure(cand: _Cand, span: Span, noun: Token | None, covered: set[int]) -> Measured:
    """The measure of any kept figure: the counted noun, the verb of occurrences ("met 40 times"), or the parse's."""
    if cand.unit == "count" and noun is not None:
        verb = _verb_of(span)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            owner = noun.head.head  # "a recall of 412,000 vehicles", "deliveries of 1.6 million vehicles"
            return Measured(_np(noun, covered - {noun.i}), [], owner, verb)
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
            verb = noun.head  # "a decision to recall 412,000 vehicles": the verb that acts on what is counted
        acted_on = verb is not None and noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass")
        return Measured(
            _np(noun, covered - {noun.i}), [], noun, verb, _subject(verb, covered) if verb else None, acted_on
        )
    if cand.occurrences:
        verb = _verb_of(span)
        return Measured(verb.lemma_.lower() if verb is not None else None, [], None, verb)
    return _measure(span, covered, cand.unit)
