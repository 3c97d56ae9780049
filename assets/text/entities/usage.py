"""Names the text uses as things, not people: "told the Chronicle", "Turnout is …" at a sentence start,
"DETROIT, Sept 18 -" datelines, "Facebook, Twitter and Instagram", "the Tamarack" after "Corvell Tamarack".

spaCy's small model calls many capitalised words people; these rules read how the document uses the word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.entities.casing import common_word
from assets.text.entities.clues import _locative, _says, _speaks_or_described, its_in_clause
from assets.text.entities.gazetteer import major_place
from assets.text.entities.names import (
    _HONORIFICS,
    ORG_DESIGNATORS,
    TITLE_WORDS,
    given_name,
    is_role,
    normalise,
)
from assets.text.entities.spans import _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc


# What follows a dateline's place: a comma and a capitalised word or a number (", Sept 18", ", Italy"), a bracket
# ("(Reuters)") or a dash. Not a comma and a lower-case word: "NASA, which is supplying …" opens a sentence.
_DATELINE_TAIL = re.compile(r"\s*(?:,\s*[A-Z0-9]|\(|-|–|—)")
# Dependencies of a name that modifies the noun after it ("the Trump administration"): no thing-use there.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_OF_PLACE = lexicon.words("places", "of_place_nouns")
_PLACE_KINDS = lexicon.words("places", "place_kind_nouns")
_OF_FEATURE = lexicon.words("places", "of_feature_nouns")
_FEATURES = lexicon.words("places", "feature_nouns")
_ORG_OWNED = lexicon.words("entities", "org_owned_nouns")
_POSTING = lexicon.words("entities", "posting_verbs")
_ACQUIRING = lexicon.words("entities", "acquiring_verbs")
_PRODUCT_NOUNS = lexicon.words("entities", "product_nouns")
# "SoftBank", "SpaceX": a capital after three or more lower-case letters inside one word.
_INNER_CAPITAL = re.compile(r"([A-Z][a-z]{2,})[A-Z][A-Za-z]*")
_CAMEL_NAME_PREFIXES = lexicon.words("names", "camel_name_prefixes")
_MODEL_NUMBER = re.compile(r"[A-Za-z]{2,}-\d+[A-Za-z]?")
_MODEL_SUFFIX = re.compile(r"-(?:[A-Z]|\d+)\b")
_NON_PLACE_IN = lexicon.words("places", "non_place_in_heads")
_COUNTING_DETS = frozenset({"a", "an", "any", "every", "each"})
# "Mum will tell us", "here we are, Dad": a kinship word used as a name is no one's name.
_KIN_ADDRESS = lexicon.words("people", "kin_address") | lexicon.words("people", "kin_nouns")
# A measured size written right before a name: "the 12.9-inch iPad", "a 65in Bravia", "256GB".
_SIZE_BEFORE = re.compile(r"\d+(?:\.\d+)?[- ]?(?:inch|in|mm|cm|gb|tb)\s+$", re.IGNORECASE)
# Places and peoples keep their capital at a sentence start too ("Turkey", "Republicans"): not judged there.
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def _things_not_people(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """The mentions with these uses repaired (common words at sentence starts are dropped)."""
    tok_of = {t.idx: t for t in doc}
    raws = _drop_common_openers(doc, raws, tok_of)
    raws = _drop_common_phrases(doc.text, raws)
    raws = [r for r in raws if r.fixed or r.label != "PERSON" or r.text.lower() not in _KIN_ADDRESS]
    _datelines(doc.text, raws)
    _product_short_forms(raws)
    _definite_things(doc, raws, tok_of)
    _used_as_things(doc, raws)
    _companies_by_inner_capital(doc, raws)
    _orgs_taking_a(doc, raws)
    _makers_products(doc, raws)
    _model_numbers(doc.text, raws)
    _employers_after_titles(doc, raws)
    _listed_with_companies(raws, tok_of)
    _places_named_by_of(raws, tok_of)
    _placed_orgs(raws, tok_of)
    _places_by_kind(raws, tok_of)
    _major_places(raws, tok_of)
    _placed_places(raws, tok_of)
    raws = _drop_common_word_people(doc, raws)
    return _role_domains(doc, raws)


def _drop_common_openers(doc: Doc, raws: list[_Raw], tok_of: dict) -> list[_Raw]:
    """'Turnout is a real uncertainty': a one-word mention opening a sentence or a line, whose word the
    document also writes in lower case, is a common noun capitalised by position only; so is a 'person' that an
    "its" of its clause takes up ("Morale … is at its lowest"), unless the word is capitalised elsewhere too (then
    it names a body); and a 'person' capitalised nowhere else that modifies a lower-case noun ("Turnout models
    are hard to build"; "Biden aides" names him elsewhere). An opener or an acronym listed among common nouns only
    is none (_listed_with_common_nouns). So is a 'person' or 'organisation' opening a sentence, capitalised nowhere
    else, that English writes mostly in lower case ("Turnout was 62 per cent", "Healthcare … led the gains"),
    unless it speaks or a person's full name here holds it ("May said", "Theresa May")."""
    lower = {t.text for t in doc if t.text.islower()}
    pieces = _person_name_words(raws)
    openers = _opener_offsets(doc)
    inside = {t.text for t in doc if t.idx not in openers and t.text[:1].isupper()}
    out = []
    for r in raws:
        if r.fixed or " " in r.text or r.start not in openers:
            out.append(r)
        elif r.text.lower() in lower:
            continue
        elif r.label == "PERSON" and r.start in tok_of and its_in_clause(tok_of[r.start]):
            if r.text in inside:
                r.label = "ORG"
                out.append(r)
        elif r.text not in inside and (
            (r.label == "PERSON" and _modifies_common_noun(tok_of.get(r.start)))
            or (r.label in ("PERSON", "ORG") and _common_opener(r, tok_of, pieces))
        ):
            continue
        else:
            out.append(r)
    # a capitalised word inside a sentence listed with common nouns is still a name ("find us on Twitter, email or
    # phone"); only an opener or an acronym is read as one of them
    return [
        r
        for r in out
        if r.fixed
        or " " in r.text
        or not (r.start in openers or r.text.isupper())
        or not _listed_with_common_nouns(tok_of.get(r.start))
    ]


def _opener_offsets(doc: Doc) -> set[int]:
    """Where the words opening a sentence or a line start, maybe after quote marks or a bracket ('"Apps are under
    pressure'): one pass over the sentences."""
    out = {t.idx for t in doc if t.i > 0 and "\n" in doc[t.i - 1].text_with_ws}
    for sent in doc.sents:
        for t in sent:
            out.add(t.idx)
            if not (t.is_quote or t.is_bracket or t.is_punct):
                break
    return out


def _common_opener(r: _Raw, tok_of: dict, pieces: set[str]) -> bool:
    """A role noun ("Founder and chief executive Marcus Adeyemi said") is no name even where it speaks."""
    tok = tok_of.get(r.start)
    if tok is None or normalise(r.text) in pieces or not common_word(r.text):
        return False
    # "May said": the parse may read a modal, so the next word counts too
    speaks = _speaks_or_described(tok) or (tok.i + 1 < len(tok.doc) and _says(tok.doc[tok.i + 1]))
    return is_role(r.text) or not speaks


def _listed_with_common_nouns(tok) -> bool:
    """'Healthcare, government, and leisure and hospitality led', 'income tax, national insurance or VAT': a word
    in a list whose other members (two or more) are all lower-case common nouns is one too."""
    if tok is None:
        return False
    mates = [t for t in tok.conjuncts if t.i != tok.i]
    if len(mates) < 2 or not all(t.pos_ == "NOUN" and t.text.islower() for t in mates):
        return False
    # a list written out in one run (words, their modifiers, commas, "and"/"or"), not a parse joining far words
    members = [tok, *mates]
    allowed = {t.i for t in members} | {
        c.i for t in members for c in t.children if c.dep_ in ("compound", "amod", "det", "nummod")
    }
    span = tok.doc[min(t.i for t in members) : max(t.i for t in members) + 1]
    return all(t.i in allowed or t.is_punct or t.dep_ == "cc" for t in span)


def _modifies_common_noun(tok) -> bool:
    return tok is not None and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.text.islower()


def _drop_common_phrases(body: str, raws: list[_Raw]) -> list[_Raw]:
    """'Post-Workout Meal' as a heading over 'your post-workout meal': a name of several words that the document
    also writes whole in lower case is a common noun phrase in title case."""
    out = []
    for r in raws:
        phrase = r.text.lower()
        common = not r.fixed and " " in r.text and phrase != r.text
        if common and re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", body):
            continue
        out.append(r)
    return out


def _drop_common_word_people(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'… as 'Cocoa Shortfall Widens, Futures Jump'': a 'person' of several words, left a person by the rules
    above, that English all writes mostly in lower case, none a given name, is no name where capitals come from
    position (a sentence start, a title-case run), unless it speaks somewhere in the document ("Coastline Grid
    said"). Inside running text the capitals make it a name ("rushed over to Best Buy")."""
    speaking = {r.text for r in raws if r.label == "PERSON" and " " in r.text and _speaks(doc, r)}
    return [
        r
        for r in raws
        if r.fixed
        or r.label != "PERSON"
        or " " not in r.text
        or r.text in speaking
        or _after_a_lower_case_word(doc, r)
        or not all(common_word(w) and not given_name(w) for w in r.text.split())
    ]


def _after_a_lower_case_word(doc: Doc, r: _Raw) -> bool:
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None:
        return True
    for tok in reversed(doc[span.sent.start : span.start]):
        if tok.is_alpha:
            return tok.text.islower()
    return False


def _speaks(doc: Doc, r: _Raw) -> bool:
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    return span is not None and _speaks_or_described(span.root)


def _datelines(body: str, raws: list[_Raw]) -> None:
    """'DETROIT, Sept 18 (Wire) -': capitals opening a paragraph before a comma, bracket or dash: a place."""
    for r in raws:
        if r.fixed or not r.text.isupper() or (r.start > 0 and body[r.start - 1] != "\n"):
            continue
        if _DATELINE_TAIL.match(body, r.end):
            r.label = "GPE"


def _person_name_words(raws: list[_Raw]) -> set[str]:
    """The words of the document's person names of two words or more ("ellen", "marsh")."""
    return {w for r in raws if r.label == "PERSON" and " " in r.text for w in normalise(r.text).split()}


def _groups(
    raws: list[_Raw], words: int | None = None, labels: tuple[str, ...] = ("PERSON",)
) -> dict[str, list[_Raw]]:
    """The unfixed mentions labelled PERSON (or `labels`) by name (of `words` words when given)."""
    out: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if r.label in labels and not r.fixed and (words is None or len(r.text.split()) == words):
            out[normalise(r.text)].append(r)
    return out


def _definite_things(doc: Doc, raws: list[_Raw], tok_of: dict) -> None:
    """'told the Chronicle', 'on the Clyde': a 'person' written after 'the', not modifying a noun after it,
    is an organisation (a place after a place preposition); people take no article."""
    for group in _groups(raws).values():
        firsts = [tok_of.get(r.start) for r in group]
        if any(t is None for t in firsts):
            continue
        before = [doc[t.i - 1].lower_ if t.i > 0 else "" for t in firsts]
        if any(b in _HONORIFICS or b in TITLE_WORDS for b in before):
            continue
        spans = [doc.char_span(r.start, r.end, alignment_mode="expand") for r in group]
        used = [s.root for s, b in zip(spans, before) if b == "the" and s.root.dep_ not in _MODIFIER_DEPS]
        if used:
            label = "LOC" if any(_locative(t) for t in used) else "ORG"
            for r in group:
                r.label = label


def _used_as_things(doc: Doc, raws: list[_Raw]) -> None:
    """'SpaceX, which bid …', 'the Twitter account', 'posted on Twitter', 'a regular Switch': a 'person' used as
    an organisation or a platform, or taking 'a' (a product), is one, unless a title or a 'who' shows it is a
    person somewhere in the document."""
    for group in _groups(raws).values():
        spans = [s for r in group if (s := doc.char_span(r.start, r.end, alignment_mode="expand"))]
        if len(spans) != len(group) or any(_person_use(s) for s in spans):
            continue
        label = None
        for h in (s.root for s in spans):
            if _used_as_organisation(h):
                label = "ORG"
            elif label is None and (
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in h.children)
                or (_acquired(h) and not any(_speaks_or_described(s.root) for s in spans))
            ):
                label = "PRODUCT"
        if label is not None:
            for r in group:
                r.label = label


def _first_conjunct(h):
    """The first member of the list a token is in ("Sword or Shield": Sword), or the token itself."""
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    return h


def _acquired(h) -> bool:
    """'Buy Pokemon Sword or Shield', 'our Pokemon Sword review': bought, downloaded or reviewed like a thing."""
    h = _first_conjunct(h)
    if h.dep_ == "dobj" and h.head.lemma_.lower() in _ACQUIRING:
        return True
    return h.dep_ in ("compound", "nmod") and h.head.lemma_.lower() in _PRODUCT_NOUNS


def _companies_by_inner_capital(doc: Doc, raws: list[_Raw]) -> None:
    """'SoftBank', 'PayPal': a one-word 'person' with a capital inside, after a piece of three letters or more
    that starts no people's names, is a company unless an honorific or a title stands before it here ("its
    largest investor" beside it is a role a company can hold too)."""
    pieces = _person_name_words(raws)
    for name, group in _groups(raws, words=1).items():
        m = _INNER_CAPITAL.fullmatch(group[0].text)
        if name in pieces or m is None or m.group(1).lower() in _CAMEL_NAME_PREFIXES:
            continue
        spans = [doc.char_span(r.start, r.end, alignment_mode="expand") for r in group]
        if not any(s is not None and _titled(s) for s in spans):
            for r in group:
                r.label = "ORG"


def _placed_orgs(raws: list[_Raw], tok_of: dict) -> None:
    """'Reporting by Ellen Marsh in Detroit': a one-word 'organisation' the text puts something in, near or
    around, and never uses as one ('at' and 'across' take companies; 'a stake in X' is no place), is a place. So is
    a one-word 'person' the text puts something in ("picked in Kent") and never treats as a person, when no
    person named here has that word ("faith in Biden" is no place: see non_place_in_heads)."""
    pieces = _person_name_words(raws)
    groups = [(False, g) for g in _groups(raws, words=1, labels=("ORG",)).items()]
    groups += [(True, g) for g in _groups(raws, words=1).items()]
    for person, (name, group) in groups:
        if name in ORG_DESIGNATORS:
            continue
        toks = [tok_of.get(r.start) for r in group]
        if any(t is None or _used_as_organisation(t) for t in toks):
            continue
        if person and (name in pieces or any(_treated_as_person(t) for t in toks)):
            continue
        if any(_placed(t) and (not person or t.head.lower_ in ("in", "throughout")) for t in toks):
            for r in group:
                r.label = "GPE"


def _role_domains(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'Brexit campaigner Nigel Farage', 'Lib Dem leader Sir Ed Davey': a 'person' whose every mention modifies a
    role noun standing before another person's name is that role's party or cause, no person, unless a full
    person's name here holds its words."""
    people = [r for r in raws if r.label == "PERSON"]
    starts = {r.start: r for r in people}
    drop: set[int] = set()
    for name, group in _groups(raws).items():
        pieces = {
            w
            for r in people
            if " " in r.text and normalise(r.text) != name
            for w in normalise(r.text).split()
        }
        if len(name.split()) > 2 or set(name.split()) <= pieces:
            continue
        spans = [doc.char_span(r.start, r.end, alignment_mode="expand") for r in group]
        if all(s is not None and _before_a_role_and_a_name(s, starts) for s in spans):
            drop |= {id(r) for r in group}
    return [r for r in raws if id(r) not in drop]


def _before_a_role_and_a_name(span, starts: dict) -> bool:
    role = span.root.head
    if span.root.dep_ != "compound" or role.i != span.end or role.pos_ != "NOUN" or not role.text.islower():
        return False
    if not (is_role(role.lemma_) or role.lower_ in TITLE_WORDS) or role.i + 1 >= len(span.doc):
        return False
    after = span.doc[role.i + 1]
    return any(after.idx <= start <= after.idx + 8 for start in starts)


def _places_by_kind(raws: list[_Raw], tok_of: dict) -> None:
    """'the Millrace neighborhood': a one-word 'person' or 'organisation' modifying a noun for a kind of place
    after "the" is that place, unless the text uses it as a person or a body elsewhere."""
    for group in _groups(raws, words=1, labels=("PERSON", "ORG")).values():
        toks = [tok_of.get(r.start) for r in group]
        if any(t is None or _used_as_organisation(t) or _person_use(t.doc[t.i : t.i + 1]) for t in toks):
            continue
        if any(
            t.dep_ == "compound"
            and t.head.lemma_.lower() in _PLACE_KINDS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.head.children)
            for t in toks
        ):
            for r in group:
                r.label = "GPE"


def _major_places(raws: list[_Raw], tok_of: dict) -> None:
    """'support Kyiv', 'lend Kyiv a large sum': a one-word 'person' that is a country's capital or a city of a
    million people is that place, unless it is a given name too ("Douglas", "Victoria"), a person's full name here
    holds it, or the text gives it a title, a role or words."""
    pieces = _person_name_words(raws)
    for name, group in _groups(raws, words=1).items():
        if name in pieces or given_name(name) or not major_place(group[0].text):
            continue
        toks = [tok_of.get(r.start) for r in group]
        if any(t is None or _treated_as_person(t) for t in toks):
            continue
        for r in group:
            r.label = "GPE"


def _placed_places(raws: list[_Raw], tok_of: dict) -> None:
    """'Voters in Ravensfield': a place the text puts something in or near shows its label (the corpus-wide vote
    weighs it above the model's guesses elsewhere)."""
    for r in raws:
        tok = _last_word(r, tok_of)
        if r.label in ("GPE", "LOC", "FAC") and tok is not None and _placed(tok):
            r.evidence = True


def _placed(tok) -> bool:
    prep = tok.head
    return (
        _locative(tok)
        and prep.lower_ not in ("at", "across")
        and not (prep.lower_ == "in" and prep.head.lemma_.lower() in _NON_PLACE_IN)
    )


def _makers_products(doc: Doc, raws: list[_Raw]) -> None:
    """'Nintendo Switch' where 'a regular Switch' is a product: a 'person' of several words ending in a one-word
    product of the document is that product by its maker, unless a title, an honorific or a role marks a person
    of that surname ("Ms Wendt", "Katrin Wendt, 49, chair of …")."""
    products = {r.text for r in raws if r.label == "PRODUCT" and " " not in r.text}
    for r in raws:
        last = r.text.split()[-1]
        if r.label != "PERSON" or r.fixed or " " not in r.text or last not in products:
            continue
        spans = [
            doc.char_span(x.start, x.end, alignment_mode="expand") for x in raws if x.text.endswith(last)
        ]
        if not any(s is not None and (_person_use(s) or _aged(s)) for s in spans):
            r.label = "PRODUCT"


def _aged(span) -> bool:
    """An age right after the name: "Katrin Wendt, 49,"."""
    after = span.doc[span.end : span.end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","


def _model_numbers(body: str, raws: list[_Raw]) -> None:
    """'IL-25', 'MiG-29', 'COVID-19': letters, a hyphen and a number name a model, a molecule or a strain, not
    an organisation ('G-20', one letter, stays). So does a name the text only ever writes with a hyphenated
    model letter or number after it ('USB-C', 'USB-A'; 'ISIS' written alone somewhere stays)."""
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if r.label == "ORG" and not r.fixed:
            groups[r.text].append(r)
    for name, group in groups.items():
        suffixed = all(_MODEL_SUFFIX.match(body, r.end) for r in group)
        if _MODEL_NUMBER.fullmatch(name) or (suffixed and name.isupper()):
            for r in group:
                r.label = "PRODUCT"


def _orgs_taking_a(doc: Doc, raws: list[_Raw]) -> None:
    """'a handsome EV', 'any Apple Watch', 'the new iPad Pro': an 'organisation' the document counts like a thing
    ('a', 'an', 'any', 'every' on the name itself, or a number-and-unit size such as '12.9-inch') is a product.
    An organisation's name takes 'the' at most ("a Reuters poll" puts the 'a' on the poll)."""
    for group in _groups(raws, labels=("ORG",)).values():
        for r in group:
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None and span.root.dep_ not in _MODIFIER_DEPS and _counted(span):
                for x in group:
                    x.label = "PRODUCT"
                break


def _counted(span) -> bool:
    """The name takes an indefinite or distributive determiner, or a measured size ('the 11-inch X')."""
    before = span.doc.text[max(0, span.start_char - 24) : span.start_char]
    return _SIZE_BEFORE.search(before) is not None or any(
        c.dep_ == "det" and c.lower_ in _COUNTING_DETS for c in span.root.children
    )


def _used_as_organisation(h) -> bool:
    """'SpaceX, which …', 'Twitter users', 'across Twitter', 'posted on (Facebook and) Twitter', 'Twitter
    @handle'."""
    which = any(c.dep_ == "relcl" and c.left_edge.lower_ == "which" for c in h.children)
    h = _first_conjunct(h)  # a list shares its first member's use
    # "Twitter users", "Tribune's former chairman", "the largest shareholder of Tribune"
    of = h.dep_ == "pobj" and h.head.lower_ == "of"
    owner = h.head.head if of else h.head
    owned = (of or h.dep_ in ("compound", "poss")) and owner.lemma_.lower() in _ORG_OWNED
    if h.dep_ == "compound" and h.head.text.startswith("@"):
        # "on Twitter @handle": the handle's place is the name's ("Dana Whitfield @dw" stays a person)
        h = h.head
    prep = h.head if h.dep_ == "pobj" else None
    return (
        which
        or owned
        or (prep is not None and prep.lower_ in ("across", "via"))
        or (prep is not None and prep.lower_ in ("on", "at") and prep.head.lemma_.lower() in _POSTING)
    )


def _employers_after_titles(doc: Doc, raws: list[_Raw]) -> None:
    """'Rob Goldman, President Ascom North America, says': a 'person' of several words after a title, whose
    first word the document names alone as an organisation and whose last word is no other person's surname
    here, is the organisation the title belongs to."""
    orgs = {r.text for r in raws if r.label == "ORG" and " " not in r.text}
    people = [r.text for r in raws if r.label == "PERSON" and " " in r.text]
    for r in raws:
        words = r.text.split()
        if r.label != "PERSON" or r.fixed or len(words) < 2 or words[0] not in orgs:
            continue
        if any(p.split()[-1] == words[-1] for p in people if p != r.text):
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is not None and _after_title(span):
            r.label = "ORG"


def _after_title(span) -> bool:
    """A capitalised title word just before the span ("then" in "who was then X's …" is no title)."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.text[:1].isupper() and prev.lower_.rstrip(".") in TITLE_WORDS


def _titled(span) -> bool:
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    return before in _HONORIFICS or _after_title(span)


def _person_use(span) -> bool:
    """An honorific or a title before the name, a 'who' clause on it, or a role beside it ("Lerato Mokoena, a
    lawyer at the Centre, which …": the 'which' the parser hung on the name is the centre's)."""
    return _titled(span) or any(
        (c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose"))
        or (c.dep_ == "appos" and c.pos_ == "NOUN" and is_role(c.lemma_))
        for c in span.root.children
    )


def _treated_as_person(tok) -> bool:
    """The one-word name takes a title, a 'who', a role beside it, or words of its own."""
    return _person_use(tok.doc[tok.i : tok.i + 1]) or _speaks_or_described(tok)


def _last_word(r: _Raw, tok_of: dict):
    """The token of the mention's last word (a name's head), or None."""
    return tok_of.get(r.end - len(r.text.split()[-1]))


def _listed_with_companies(raws: list[_Raw], tok_of: dict) -> None:
    """'Facebook, Twitter and Instagram': a one-word 'person' whose list companions are all organisations is
    one too (unless it is part of a person's full name here); 'Côte d'Ivoire, Kenya and Morocco': one whose
    companions are all places (two or more) is a place."""
    label_at = {i: r.label for r in raws for i in range(r.start, r.end)}
    pieces = _person_name_words(raws)
    for name, group in _groups(raws, words=1).items():
        if name in pieces:
            continue
        for r in group:
            tok = tok_of.get(r.start)
            mates = [label_at.get(t.idx) for t in tok.conjuncts] if tok is not None else []
            label = mates[0] if mates else None
            if (
                label in ("ORG", "GPE")
                and all(lab == label for lab in mates)
                and (label == "ORG" or len(mates) > 1)
            ):
                for x in group:
                    x.label = label
                break


def _places_named_by_of(raws: list[_Raw], tok_of: dict) -> None:
    """'the island of Skerra', 'the southern region of Apulia': a 'person' or 'organisation' named by a kind of
    place is a place; 'the banks of the Main', 'its tributary, the Marne': one named by a natural feature is that
    feature."""
    for group in _groups(raws, labels=("PERSON", "ORG")).values():
        for r in group:
            tok = _last_word(r, tok_of)
            label = _named_place(tok) if tok is not None else None
            if label:
                for x in group:
                    x.label = label
                break


def _named_place(tok) -> str | None:
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head.lemma_
        if noun in _OF_PLACE:
            return "GPE"
        if tok.head.head.lower_ in _OF_FEATURE:
            return "LOC"
    if tok.dep_ == "appos" and tok.head.lower_ in _FEATURES and tok.head.text.islower():
        return "LOC"
    return None


def _product_short_forms(raws: list[_Raw]) -> None:
    """'the Tamarack' after 'Corvell Tamarack': a one-word 'person' or 'organisation' ending a product's name is
    the product."""
    ends: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        if r.label == "PRODUCT" and " " in r.text:
            ends[r.text.split()[-1].lower()].add(r.canonical)
    for name, group in _groups(raws, words=1, labels=("PERSON", "ORG")).items():
        if len(ends.get(name, ())) == 1:
            for r in group:
                r.label, r.canonical = "PRODUCT", next(iter(ends[name]))
