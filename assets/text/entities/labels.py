"""Labels repaired: one label per name, people the model called places, organisations and places by word."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.entities.clues import (
    _age,
    _locative,
    _next_sentence_he_or_she,
    _pronoun_follows,
    _says,
    appositions,
    classifiers,
)
from assets.text.entities.names import (
    _HONORIFICS,
    ORG_DESIGNATORS,
    ROLE_NOUNS,
    TITLE_WORDS,
    is_role,
    normalise,
    trim_span,
)
from assets.text.entities.spans import LABEL_PRIORITY, _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc


PLACE_LAST_WORDS = lexicon.words("places", "last_words")
PLACE_FIRST_WORDS = lexicon.words("places", "first_words")
_STREET_WORDS = lexicon.words("places", "street_words")
_NOT_PLURAL_ENDINGS = lexicon.ordered("names", "not_plural_endings")
_ORG_COMMON = lexicon.words("entities", "org_definite_nouns")
_GENDERED = lexicon.words("people", "gendered_pronouns")
_KIN = lexicon.words("people", "kin_nouns")
_PRE_ROLES = lexicon.words("people", "name_preceding_roles")
_PRODUCT_LINE = lexicon.words("entities", "product_line_words")
_TIERS = lexicon.words("entities", "product_tier_words")
# A lower-case brand word right before a name: "e-tron Sportback", "iPad Mini" (a hyphen or an inner capital).
_BRAND_BEFORE = re.compile(r"(?:^|\s)[a-z]+(?:-[a-z]+|[A-Z][A-Za-z]*) $")
_ORG_FIRST = lexicon.words("people", "org_first_designators")
_ORG_NOUNS = lexicon.words("quotes_speakers", "org_nouns")
_EVENT_WORDS = lexicon.words("entities", "event_words")

# Only short names are promoted to people: a person's name rarely runs past first, middle and last name.
_MAX_PERSON_WORDS = 3
# Plurals of nationality words are longer than this: a short word ending in s ("Laos") is no plural.
_MIN_PLURAL_NORP = 4


def _vote_labels(raws: list[_Raw]) -> None:
    """Every mention of one name takes the label most of them carry (ties by LABEL_PRIORITY)."""
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if not r.fixed:
            groups[normalise(r.text)].append(r)
    for group in groups.values():
        counts = Counter(r.label for r in group)
        if len(counts) < 2:
            continue
        best = max(counts, key=lambda lab: (counts[lab], -LABEL_PRIORITY.index(lab)))
        for r in group:
            r.label = best


def _singular_norp(raws: list[_Raw]) -> None:
    """'Russians' and 'Russian' are one group; the singular is the canonical name."""
    for r in raws:
        if r.label != "NORP" or r.fixed:
            continue
        last = r.canonical.split()[-1]
        if (
            len(last) > _MIN_PLURAL_NORP
            and last[-1] == "s"
            and not last.lower().endswith(_NOT_PLURAL_ENDINGS)
        ):
            r.canonical = r.canonical[: len(r.canonical) - 1]


def _club_prefixes(doc: Doc, raws: list[_Raw]) -> None:
    """'CB Turia Valencia' where the model tagged 'Turia Valencia' as a person: a name right after a club prefix in
    capitals takes it, and is an organisation."""
    tok_of = {t.idx: t for t in doc}
    for r in raws:
        first = tok_of.get(r.start)
        if r.fixed or r.label not in ("PERSON", "ORG", "GPE") or first is None or first.i == 0:
            continue
        prev = doc[first.i - 1]
        if prev.text.isupper() and prev.lower_ in _ORG_FIRST and prev.whitespace_ and not prev.ent_type_:
            r.start = prev.idx
            r.text = r.canonical = doc.text[r.start : r.end]
            r.label = "ORG"


def _titled_people(raws: list[_Raw]) -> None:
    """'Councillor Imran Siddiqui' tagged as an organisation (or 'Mayor Rodrigo Ibáñez' as a work): a person's
    title, then a short name with no organisation word, is a person."""
    for r in raws:
        words = r.text.split()
        if (
            r.fixed
            or r.label not in ("ORG", "GPE", "WORK_OF_ART", "PRODUCT")
            or not 3 <= len(words) <= 1 + _MAX_PERSON_WORDS
        ):
            continue
        title, name = words[0], words[1:]
        if (
            title.lower() in TITLE_WORDS
            and title.lower() not in ORG_DESIGNATORS
            and all(w[:1].isupper() for w in name)
            and _undesignated(name) == name
        ):
            r.label = "PERSON"


def _org_by_designator(raws: list[_Raw]) -> None:
    """A 'person' ending in an organisation word is an organisation, one ending in an event word an event; a named
    natural feature is a place, a street a facility."""
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and len(words) >= 2 and _undesignated(words) != words:
            r.label = "ORG"  # a designator word at either end: "Keldor Petroleum", "FC Porto"
        elif (
            r.label in ("PERSON", "ORG")
            and not r.fixed
            and len(words) >= 2
            and words[-1].lower() in _EVENT_WORDS
        ):
            r.label = "EVENT"
        elif r.label in ("LAW", "WORK_OF_ART") and len(words) >= 2 and words[-1].lower() in ORG_DESIGNATORS:
            # "the Fair Basket Coalition" tagged a law; a law ends in Act, a work in no such word
            r.label = "ORG"
            # a work's title keeps its article ("The …"), an organisation's name does not: trimmed again as one
            lead, end = trim_span(r.text, 0, len(r.text), "ORG")
            r.start, r.text = r.start + lead, r.text[lead:end]
            lead, end = trim_span(r.canonical, 0, len(r.canonical), "ORG")
            r.canonical = r.canonical[lead:end]
        elif r.label in ("PERSON", "ORG", "GPE") and not r.fixed and _place_name(words):
            r.label = "LOC"
        elif r.label in ("PERSON", "ORG") and not r.fixed and _place_name(words, _STREET_WORDS, ()):
            r.label = "FAC"


def _orgs_by_apposition(doc: Doc, raws: list[_Raw]) -> None:
    """'Wexcombe Homes, the developer,', 'Vantora, the Austin-based software company,', 'the daily Vestlandsposten':
    a 'person' or 'place' in apposition with a kind of organisation, or classed as one, is one (a role noun such as
    "the miner" could be a person, and is left alone)."""
    orgs = set()
    for r in raws:
        if r.label not in ("PERSON", "GPE") or r.fixed:
            continue
        tok = doc.char_span(r.start, r.end, alignment_mode="expand").root
        nouns = appositions(tok)
        if any(
            n.pos_ == "NOUN"
            and n.lemma_.lower() in _ORG_NOUNS
            and not is_role(n.lemma_)
            # "the developer", "a consultancy"; a 'person' also when owned by a place or body ("the city's oldest
            # newspaper"), not a country ("the world's second-largest cocoa producer" is still Ghana)
            and any(
                (d.dep_ == "det" and d.lower_ in ("the", "a", "an"))
                or (r.label == "PERSON" and d.dep_ == "poss" and d.pos_ != "PRON")
                for d in n.children
            )
            for n in nouns
        ) or any(n.lemma_.lower() in _ORG_NOUNS and not is_role(n.lemma_) for n in classifiers(tok)):
            orgs.add(normalise(r.text))
    _relabel(raws, "PERSON", orgs, "ORG")
    _relabel(raws, "GPE", orgs, "ORG")


def _org_short_names(doc: Doc, raws: list[_Raw]) -> None:
    """'Karoo Platinum' beside 'Karoo Platinum Holdings', 'Maasstad' beside 'FC Maasstad': a 'person' whose words
    open an organisation's longer name in the document, or are that name without its designator words, is that
    organisation, unless the text treats it as a person or a person's full name holds it ("Ford" beside
    "Ford Motor" and "Mike Ford")."""
    orgs = [r.text.split() for r in raws if r.label == "ORG"]
    shorts = {tuple(o[: len(o) - n]) for o in orgs for n in range(1, len(o))}  # the openings
    shorts |= {tuple(_undesignated(o)) for o in orgs}
    people = [r.text.split() for r in raws if r.label == "PERSON"]
    tok_of = {t.idx: t for t in doc}
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        words = r.text.split()
        if r.label != "PERSON" or r.fixed or tuple(words) not in shorts:
            continue
        if any(len(p) > len(words) and p[-len(words) :] == words for p in people):
            continue
        groups[normalise(r.text)].append(r)
    _relabel(
        raws,
        "PERSON",
        {n for n, g in groups.items() if not any(_person_evidence(doc, r, tok_of) for r in g)},
        "ORG",
    )
    _club_places(doc, raws)


def _club_places(doc: Doc, raws: list[_Raw]) -> None:
    """'Rheinfeld will pay' beside 'SV Rheinfeld': a 'place' that is a club's name without its club prefix is the
    club, unless the text uses it as a place anywhere ("FC Porto won in Porto")."""
    cores = {
        normalise(" ".join(_undesignated(w)))
        for w in (r.text.split() for r in raws if r.label == "ORG")
        if len(w) > 1 and w[0].isupper() and w[0].lower() in _ORG_FIRST
    }
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if r.label == "GPE" and not r.fixed and normalise(r.text) in cores:
            groups[normalise(r.text)].append(r)
    places = {
        n
        for n, g in groups.items()
        if any(_locative(doc.char_span(r.start, r.end, alignment_mode="expand").root) for r in g)
    }
    _relabel(raws, "GPE", set(groups) - places, "ORG")


def _undesignated(words: list[str]) -> list[str]:
    """An organisation's name without its designator words at either end ("FC Maasstad" -> "Maasstad")."""
    i, j = 0, len(words)
    while j - i > 1 and words[j - 1].lower().rstrip(".") in ORG_DESIGNATORS:
        j -= 1
    while j - i > 1 and words[i].isupper() and words[i].lower() in _ORG_FIRST:
        i += 1
    return words[i:j]


def _relabel(raws: list[_Raw], old: str, names: set[str], new: str) -> None:
    for r in raws:
        if r.label == old and not r.fixed and normalise(r.text) in names:
            r.label = new


def _place_name(words: list[str], lasts=PLACE_LAST_WORDS, firsts=PLACE_FIRST_WORDS) -> bool:
    """'Lys Glacier', 'Lake Kivu', 'Mount Kenya': a named natural feature (or a street, given its words)."""
    if (
        len(words) < 2
        or not all(w[:1].isupper() for w in words)
        or words[-1].lower().rstrip(".") in ORG_DESIGNATORS
    ):
        return False
    return words[-1].lower() in lasts or words[0].lower() in firsts


def _person_evidence(doc: Doc, r: _Raw, tok_of: dict) -> bool:
    """Signs that an ORG/GPE mention is really a person: an honorific, a role, a he/she that follows."""
    first = tok_of.get(r.start)
    if first is None:
        return False
    if first.i > 0 and _role_before(doc[first.i - 1]):
        return True  # "City Council member Marcus Hale"
    if first.i > 0 and doc[first.i - 1].lower_ in _HONORIFICS:
        return True
    tok = doc.char_span(r.start, r.end, alignment_mode="expand").root
    if len(r.text.split()) > 1:
        # Several words: only apposition with a person's role, kin or age counts ("The mayor, Lina Park, …",
        # "Yesenia Ospina, 24, his daughter,").
        if tok.dep_ == "appos" and is_role(tok.head.lemma_):
            return True
        return any(
            c.dep_ == "appos" and (is_role(c.lemma_) or c.lemma_.lower() in _KIN or _age(c))
            for c in tok.children
        )
    if tok.i > 0 and doc[tok.i - 1].lower_ in _HONORIFICS:
        return True
    for c in tok.children:
        if c.dep_ == "appos" and (is_role(c.lemma_) or _age(c)):
            return True  # "Kinjo, a fisherman,", "Kinjo, 70,"
        if c.dep_ == "compound" and c.i < tok.i and c.lower_ in ROLE_NOUNS:
            return True
    if tok.dep_ == "appos" and is_role(tok.head.lemma_):
        return True
    if _owns_kin(doc, tok):
        return True
    if tok.dep_ == "nsubj" and _says(tok.head):
        return _pronoun_follows(doc, tok, say_only=True)
    # The subject of another verb that the next sentence's subject takes up as he/she ("Napoleon crowned
    # himself emperor. He …"): an organisation or a place is never a he.
    return tok.dep_ in ("nsubj", "nsubjpass") and _next_sentence_he_or_she(doc, tok)


def _products_by_model_word(raws: list[_Raw]) -> None:
    """'MacBook Pro', 'Switch Lite': a 'person' or an 'organisation' ending in a model-line word is a product;
    so is a 'person' whose first word is a company's name here ("Corvell Tamarack" beside "Corvell Motors")."""
    makers = {
        r.text.split()[0].lower()
        for r in raws
        if r.label == "ORG"
        and len(r.text.split()) >= 2
        and all(w.lower().rstrip(".") in ORG_DESIGNATORS for w in r.text.split()[1:])
    }
    for r in raws:
        words = r.text.split()
        if r.label not in ("PERSON", "ORG") or r.fixed or len(words) < 2:
            continue
        if words[-1].lower() in _PRODUCT_LINE or (r.label == "PERSON" and words[0].lower() in makers):
            r.label = "PRODUCT"


def _product_lines(doc: Doc, raws: list[_Raw]) -> None:
    """'iPad' where the text writes 'iPad Pro', 'Sportback' after 'e-tron': a one-word organisation, person or place
    that a tier word follows somewhere (no capitalised word after it: "Apple Pro Display" is no Apple Pro), or that
    a lower-case brand word opens, is a product line; so is a longer name opened by its maker and it ("Google
    Stadia Red Dead Redemption 2"). Not a name in capitals ("HBO Max": the maker) nor one that speaks ("Stadia
    said")."""
    tiered = {
        t.text
        for t in doc[:-1]
        if doc[t.i + 1].lower_ in _TIERS
        and doc[t.i + 1].text[:1].isupper()
        and not (t.i + 2 < len(doc) and doc[t.i + 2].text[:1].isupper())
    }
    tok_of = {t.idx: t for t in doc}
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if r.label in ("ORG", "PERSON", "LOC") and not r.fixed and " " not in r.text and not r.text.isupper():
            groups[r.text].append(r)
    lines: set[str] = set()
    for name, group in groups.items():
        toks = [tok_of.get(r.start) for r in group]
        if any(t is not None and t.dep_ == "nsubj" and _says(t.head) for t in toks):
            continue
        branded = any(_BRAND_BEFORE.search(doc.text, max(0, r.start - 24), r.start) for r in group)
        if name in tiered or branded:
            lines.add(name)
            for r in group:
                r.label = "PRODUCT"
    # a maker's name and such a product line opening a longer 'organisation' make it about the product ("the
    # Google Stadia Red Dead Redemption 2 port"; not "the World Glacier Monitoring Service")
    makers = {r.text for r in raws if r.label == "ORG" and " " not in r.text}
    for r in raws:
        words = r.text.split()
        if r.label == "ORG" and not r.fixed and len(words) > 2 and words[0] in makers and words[1] in lines:
            r.label = "PRODUCT"


def _role_before(tok) -> bool:
    """A lower-case noun for a person's position ("member", "analyst") written right before a name."""
    return (
        tok.pos_ == "NOUN"
        and tok.text.islower()
        and (tok.lower_ in _PRE_ROLES or tok.lower_ in TITLE_WORDS or is_role(tok.lemma_))
    )


def _owns_kin(doc: Doc, tok) -> bool:
    """'Trump's wife', 'Napoleon's son': the name owns a kinship noun ("its sister company" is no kin)."""
    after = doc[tok.i + 1 : tok.i + 3]
    return (
        len(after) == 2
        and after[0].lower_ in ("'s", "’s")
        and after[1].lower_ in _KIN
        and after[1].dep_ != "compound"
    )


def _promote_people(doc: Doc, raws: list[_Raw]) -> None:
    """Short capitalised names the model called an organisation, place or thing become PERSON on evidence."""
    tok_of = {t.idx: t for t in doc}
    cands = [
        r
        for r in raws
        if r.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART")
        and not r.fixed
        and len(r.text.split()) <= _MAX_PERSON_WORDS
        and all(w[:1].isupper() for w in r.text.split())
        and r.text.split()[-1].lower() not in ORG_DESIGNATORS
    ]
    promote = {normalise(r.text) for r in cands if _person_evidence(doc, r, tok_of)}
    for r in cands:
        if normalise(r.text) in promote:
            r.label = "PERSON"


def _teams_by_article(doc: Doc, raws: list[_Raw]) -> None:
    """'Durban Mariners' is no person when the document also says 'the Mariners': people take no article."""
    plural = set()
    for r in raws:
        words = r.text.split()
        tok = doc.char_span(r.start, r.end, alignment_mode="expand")
        if (
            len(words) == 1
            and words[0][-1:] == "s"
            and tok is not None
            and tok.start > 0
            and doc[tok.start - 1].lower_ == "the"
        ):
            plural.add(words[0].lower())
    if not plural:
        return
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and not r.fixed and len(words) >= 2 and words[-1].lower() in plural:
            r.label = "ORG"


def _shop_possessive(doc: Doc, r: _Raw, tok_of: dict) -> bool:
    """'Halbrook's said', 'Halbrook's will close': a possessive owning nothing names a shop, not a person."""
    if doc.text[r.end : r.end + 2] not in ("'s", "’s"):
        return False
    tok = tok_of.get(r.end)
    if tok is None or tok.i + 1 >= len(doc):
        return tok is not None
    nxt = doc[tok.i + 1]
    return nxt.pos_ in ("VERB", "AUX", "PUNCT") and nxt.text not in ("-", "–")


def _orgs_by_usage(doc: Doc, raws: list[_Raw]) -> None:
    """A 'person' name the document treats as an organisation ("Dunmore …, the retailer said", "to lead Ribera
    Norte in its history") is one."""
    tok_of = {t.idx: t for t in doc}
    _orgs_by_its(doc, raws, tok_of)
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if r.label == "PERSON" and r.partial and not r.fixed and len(r.text.split()) == 1:
            groups[normalise(r.canonical)].append(r)
    if not groups:
        return
    names = sorted((r for r in raws if r.label in ("PERSON", "ORG")), key=lambda r: r.start)
    refs = [
        t
        for t in doc
        if t.lower_ in _ORG_COMMON
        and t.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    ]
    for group in groups.values():
        toks = [tok_of.get(r.start) for r in group]
        if any(
            t is None
            or (t.i > 0 and (doc[t.i - 1].lower_ in _HONORIFICS or doc[t.i - 1].lower_ in TITLE_WORDS))
            for t in toks
        ):
            continue
        if any(w.lower_ in _GENDERED for t in toks for w in t.sent):
            continue
        shop = any(_shop_possessive(doc, r, tok_of) for r in group)
        referred = _referred_to_as_org(doc, group, names, refs, tok_of)
        if shop or referred:
            for r in group:
                r.label, r.partial = "ORG", False


def _referred_to_as_org(doc: Doc, group: list[_Raw], names: list[_Raw], refs: list, tok_of: dict) -> bool:
    """A subject 'the company' comes right after the name (same or next sentence): it can only mean it."""
    ids = {id(r) for r in group}
    referred = False
    for ref in refs:
        before = [r for r in names if r.end <= ref.idx]
        if before and id(before[-1]) in ids:
            near = tok_of[before[-1].start].sent
            if ref.sent == near or (near.end < len(doc) and doc[near.end].sent == ref.sent):
                referred = True
    return referred


def _orgs_by_its(doc: Doc, raws: list[_Raw], tok_of: dict) -> None:
    """A full 'person' name that an "its" takes up is an organisation, unless a he or she is in its sentences."""
    people = [r for r in raws if r.label == "PERSON" and not r.fixed and len(r.text.split()) > 1]
    named = {normalise(r.canonical) for r in people if _its_follows(doc, r, tok_of)}
    for name in named:
        group = [r for r in people if normalise(r.canonical) == name]
        if not any(w.lower_ in _GENDERED for r in group if r.start in tok_of for w in tok_of[r.start].sent):
            for r in group:
                r.label, r.partial = "ORG", False


def _its_follows(doc: Doc, r: _Raw, tok_of: dict) -> bool:
    """'… to lead Ribera Norte in its 104-year history': the next "its" of the sentence, with no noun between,
    takes the name up, and a person is never "its"."""
    tok = tok_of.get(r.start)
    if tok is None:
        return False
    i = tok.i
    while i < len(doc) and doc[i].idx < r.end:
        i += 1
    for t in doc[i : tok.sent.end]:
        if t.lower_ == "its" and t.dep_ == "poss":
            # in the name's own clause, not in its apposition: "Fiona MacLeod, its chief executive" is the board's,
            # and in "tariffs announced by Donald Trump had been factored into its plans" the "its" is the firm's
            return _clause_verb(t) == _clause_verb(doc[i - 1]) and not any(
                a.dep_ == "appos" and tok.i <= a.head.i < i for a in t.ancestors
            )
        if t.pos_ in ("NOUN", "PROPN", "PRON") or t.text in (";", ":"):
            return False
    return False


def _clause_verb(tok) -> int | None:
    """The index of the verb of the clause a token is in (itself if it is one)."""
    return next((a.i for a in (tok, *tok.ancestors) if a.pos_ in ("VERB", "AUX")), None)
