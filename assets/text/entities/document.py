"""One document's mentions with their canonical names: people's full names and organisations' long forms."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from assets.text.entities.aliases import _apply_aliases, _split_country_prefix, _split_possessive_owner
from assets.text.entities.capitals import (
    _extend_names_left,
    _extend_names_right,
    _hyphenated_names,
    _names_from_capitals,
)
from assets.text.entities.clues import _locative
from assets.text.entities.discovery import (
    _apply_acronyms,
    _described_orgs,
    _designated_orgs,
    _honorific_names,
    _repeated_names,
)
from assets.text.entities.labels import (
    _club_prefixes,
    _org_by_designator,
    _org_short_names,
    _orgs_by_apposition,
    _orgs_by_usage,
    _product_lines,
    _products_by_model_word,
    _promote_people,
    _singular_norp,
    _teams_by_article,
    _titled_people,
    _undesignated,
    _vote_labels,
)
from assets.text.entities.language import reads_as_english
from assets.text.entities.names import (
    _HONORIFICS,
    ORG_DESIGNATORS,
    TITLE_WORDS,
    _compatible,
    _contains,
    _strip_person_titles,
    ends_in_designator,
    entity_key,
    name_tokens,
    normalise,
)
from assets.text.entities.nicknames import _apply_nicknames, _quoted_nicknames
from assets.text.entities.spans import _covered_chars, _Raw, _raw_mentions
from assets.text.entities.speakers import _discover_speakers
from assets.text.entities.trim import (
    _cut_line_breaks,
    _join_coordinated,
    _split_coordinated,
    _split_credits,
    _trim_people,
)
from assets.text.entities.usage import _things_not_people
from assets.text.records import Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc


def doc_mentions(doc: Doc, sentences: list[Sentence]) -> list[Mention]:
    """Entity mentions of one document with their document-level canonical name and key."""
    # The order matters: names from the alias table are fixed first (no later step relabels a fixed mention),
    # and canonical names are resolved only after the steps that repair labels and find missed names.
    if not reads_as_english(doc):
        return []
    raws = _join_coordinated(doc.text, _cut_line_breaks(doc.text, _raw_mentions(doc)))
    raws = _quoted_nicknames(doc.text, raws)
    _apply_aliases(raws)
    raws = _split_country_prefix(raws)
    raws = _split_possessive_owner(raws)
    _singular_norp(raws)
    _vote_labels(raws)
    # the document's majority of the model's labels is the model's guess; the rules below read the text
    for r in raws:
        r.first_label = r.label
    raws = _apply_acronyms(doc, raws)
    raws = _discover_speakers(doc, raws)
    _club_prefixes(doc, raws)
    _titled_people(raws)
    _org_by_designator(raws)
    _orgs_by_apposition(doc, raws)
    _org_short_names(doc, raws)
    raws = _designated_orgs(doc, raws)
    _promote_people(doc, raws)
    _teams_by_article(doc, raws)
    raws = _described_orgs(doc, raws)
    raws = _honorific_names(doc, raws)
    _extend_names_left(doc, raws)
    _hyphenated_names(doc, raws)
    raws = _extend_names_right(doc, raws)
    raws, spelled = _names_from_capitals(doc, raws)
    raws = _split_credits(_split_coordinated(_trim_people(doc, _cut_line_breaks(doc.text, raws))))
    _products_by_model_word(raws)
    _product_lines(doc, raws)
    raws = _things_not_people(doc, raws)
    raws = _resolve_people(doc, raws)
    _spell_out_surnames(raws, spelled)
    _orgs_by_usage(doc, raws)
    raws = _repeated_names(doc, raws)
    raws = _resolve_org_short_forms(doc, raws)
    return _to_mentions(raws, sentences)


def _spell_out_surnames(raws: list[_Raw], spelled: dict[str, tuple[int, str]]) -> None:
    """A bare surname takes the untagged full name written before it ("Agus Prasetyo … Prasetyo said")."""
    for r in raws:
        hit = spelled.get(normalise(r.canonical)) if r.label == "PERSON" and r.partial else None
        if hit is not None and hit[0] < r.start:
            r.canonical, r.partial = hit[1], False


def _to_mentions(raws: list[_Raw], sentences: list[Sentence]) -> list[Mention]:
    """One Mention per distinct span, in the sentence that holds its start."""
    starts = [s.start_char for s in sentences]
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for r in raws:
        if (r.start, r.end) in seen:
            continue
        seen.add((r.start, r.end))
        idx = max(bisect.bisect_right(starts, r.start) - 1, 0) if starts else 0
        out.append(
            Mention(
                sentence_idx=sentences[idx].sentence_idx if sentences else 0,
                start_char=r.start,
                end_char=r.end,
                text=r.text,
                label=r.label,
                canonical=r.canonical,
                entity_key=entity_key(r.label, r.canonical),
                partial=r.partial and r.label == "PERSON",
                label_from_text=r.evidence or r.label != r.first_label,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------- people


class _KnownPeople:
    """The document's full person names in order of first appearance, and how often each is named."""

    def __init__(self) -> None:
        self.fulls: list[tuple[list[str], str]] = []  # (tokens, canonical)
        self.first_pos: dict[str, int] = {}
        self.positions: dict[str, list[int]] = defaultdict(list)
        self.short: Counter = Counter()  # short forms that can only mean that person ("Joe" for Joe Biden)

    def candidates(self, toks: list[str]) -> list[str]:
        return [fc for ft, fc in self.fulls if _contains(ft, toks)]

    def salience(self, canonical: str) -> int:
        return len(self.positions[canonical]) + self.short[canonical]

    def expand(self, toks: list[str], pos: int | None = None) -> str | None:
        """The full name that a short form abbreviates: the only candidate, else the only one introduced before
        it (a short form refers back), else the one the document names most (a relative named once does not take
        the surname); None on a tie, left to the corpus."""
        cands = self.candidates(toks)
        before = [c for c in cands if pos is not None and self.first_pos[c] < pos]
        if len(cands) > 1 and len(before) == 1:
            return before[0]
        cands = sorted(cands, key=lambda c: (-self.salience(c), self.first_pos[c]))
        if len(cands) > 1 and self.salience(cands[0]) == self.salience(cands[1]):
            return None
        return cands[0] if cands else None


def _resolve_people(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """People's canonical names: the title-less full name, or the full name a short form abbreviates."""
    persons = [r for r in raws if r.label == "PERSON"]
    for r in persons:
        r.canonical = _strip_person_titles(r.text.replace("[", "").replace("]", ""))
    _apply_nicknames(doc, persons)
    known = _join_full_names(persons)
    _expand_short_names(persons, known)
    _relabel_known_people(raws, known)
    if known.fulls:
        _add_untagged_surnames(doc, raws, known)
        raws.sort(key=lambda r: r.start)
    return raws


def _join_full_names(persons: list[_Raw]) -> _KnownPeople:
    """The full names; a later variant joins an earlier compatible name ("Vladimir V. Putin")."""
    known = _KnownPeople()
    for r in persons:
        toks = name_tokens(r.canonical)
        if len(toks) < 2:
            continue
        for ftoks, fcanon in known.fulls:
            if _compatible(ftoks, toks) or _compatible(toks, ftoks):
                r.canonical = fcanon
                break
        else:
            known.fulls.append((toks, r.canonical))
            known.first_pos[r.canonical] = r.start
    # How often each person is named: in full, or by a short form that fits no one else.
    for r in persons:
        if r.canonical in known.first_pos:
            known.positions[r.canonical].append(r.start)
        else:
            cands = known.candidates(name_tokens(r.canonical))
            if len(cands) == 1:
                known.short[cands[0]] += 1
    return known


def _expand_short_names(persons: list[_Raw], known: _KnownPeople) -> None:
    """Short forms take their full name; a lone word with none stays a partial name."""
    for r in persons:
        if r.canonical in known.first_pos:
            continue
        toks = name_tokens(r.canonical)
        full = known.expand(toks, r.start)
        if full is not None:
            r.canonical = full
        else:
            r.partial = len(toks) == 1


def _relabel_known_people(raws: list[_Raw], known: _KnownPeople) -> None:
    """spaCy often tags a known person's bare name as ORG/GPE ("Xi", "Ward"): relabel it."""
    for r in raws:
        if r.label == "PERSON" or r.fixed:
            continue
        toks = name_tokens(r.text)
        if len(toks) <= 2:
            full = known.expand(toks, r.start)
            if full is not None:
                r.label, r.canonical = "PERSON", full


def _add_untagged_surnames(doc: Doc, raws: list[_Raw], known: _KnownPeople) -> None:
    """Bare first names or surnames of a known person that spaCy missed entirely (also when it took the word
    for a common noun at a sentence start: "Price was more cautious", a subject with no article)."""
    covered = _covered_chars(raws)
    pieces = {t for ft, _ in known.fulls for t in (ft[0], ft[-1]) if len(t) > 1}
    for tok in doc:
        if (
            tok.idx in covered
            or not tok.text[:1].isupper()
            or not (tok.pos_ == "PROPN" or _bare_subject(tok))
        ):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name ("Trump Tower")
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.pos_ == "PROPN" and prev.text.lower() not in TITLE_WORDS:
            continue
        low = tok.text.lower()
        if low in pieces and low not in TITLE_WORDS:
            full = known.expand([low], tok.idx)
            if full is not None:
                nr = _Raw(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON")
                nr.canonical = full
                raws.append(nr)


def _bare_subject(tok) -> bool:
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ == "det" for c in tok.children)
    )


# ---------------------------------------------------------------------------------------------- organisations


def _resolve_org_short_forms(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'Goldman' after 'Goldman Sachs', 'the Commission' after 'the European Commission': the long form."""
    longs = [r for r in raws if r.label == "ORG" and len(r.canonical.split()) >= 2]
    firsts, lasts, ends = _org_name_words(longs)
    cores: dict[str, set[str]] = defaultdict(set)  # "maasstad": {"FC Maasstad"}
    for x in longs:
        core = _undesignated(x.canonical.split())
        if len(core) < len(x.canonical.split()):
            cores[" ".join(core).lower()].add(x.canonical)
    firsts_at: dict[str, int] = {}
    for x in longs:
        firsts_at.setdefault(x.canonical, x.start)
    tok_at = {t.idx: t for t in doc}
    # where each one-word organisation is first named on its own; a maker's name opening a product's is its own
    alone_at: dict[str, int] = {}
    for r in raws:
        if r.label == "ORG" and " " not in r.canonical:
            alone_at.setdefault(r.canonical.lower(), r.start)
        elif r.label == "PRODUCT" and " " in r.canonical:
            alone_at[r.canonical.split()[0].lower()] = -1
    for r in raws:
        if r.fixed:
            continue
        words = r.canonical.split()
        core = cores.get(r.canonical.lower(), set())
        if r.label == "ORG" and len(core) == 1:
            r.canonical = next(iter(core))  # the name without its designators, before or after it
        elif len(words) >= 2 and r.label == "ORG":
            _join_longer_org(r, words, longs)
        elif len(words) == 1:
            _resolve_one_word_org(r, tok_at, (firsts, lasts, ends), firsts_at, alone_at)
    if not firsts:
        return raws
    return _untagged_org_first_words(doc, raws, firsts, firsts_at, cores)


def _org_name_words(longs: list[_Raw]) -> tuple[dict, dict, dict]:
    """{word: long organisation names} by first word, by last word if a company word, by any last word.

    In order of appearance: an ambiguous short form names the first-introduced organisation."""
    firsts: dict[str, list[str]] = defaultdict(list)
    lasts: dict[str, list[str]] = defaultdict(list)
    for x in longs:
        words = x.canonical.split()
        if any(c.isdigit() for w in words[1:] for c in w):
            continue  # "Google Stadia Red Dead Redemption 2": a numbered title, no long form of its first word
        if x.canonical not in firsts[words[0].lower()]:
            firsts[words[0].lower()].append(x.canonical)
        if words[-1].lower() in ORG_DESIGNATORS and x.canonical not in lasts[words[-1].lower()]:
            lasts[words[-1].lower()].append(x.canonical)
    ends: dict[str, list[str]] = defaultdict(list)
    for x in longs:
        last = x.canonical.split()[-1].lower()
        if x.canonical not in ends[last]:
            ends[last].append(x.canonical)
    return firsts, lasts, ends


def _join_longer_org(r: _Raw, words: list[str], longs: list[_Raw]) -> None:
    """'the Knight Riders' after 'the Kolkata Knight Riders': the start or end of an earlier full name."""
    low = [w.lower() for w in words]
    full = []
    for x in longs:
        xl = x.canonical.lower().split()
        if len(xl) > len(low) and (xl[: len(low)] == low or xl[-len(low) :] == low) and x.start < r.start:
            full.append(x.canonical)
    if full:
        r.canonical = full[0]


def _resolve_one_word_org(
    r: _Raw,
    tok_at: dict,
    by_word: tuple[dict, dict, dict],
    firsts_at: dict[str, int],
    alone_at: dict[str, int],
) -> None:
    """A one-word ORG or partial person: the organisation it opens (an ORG: or the one it alone ends). Not when
    the word was an organisation on its own before that name ("Apple … Apple TV Channels … Apple"), opens a
    product's name too ("Ascom Unite Connect" beside the product "Ascom Digistat": the maker), or follows an
    honorific ("Mr. Trump" is not the heading "Trump Impeachment Inquiry")."""
    firsts, lasts, ends = by_word
    word = r.canonical.lower()
    if not (r.label == "ORG" or (r.label == "PERSON" and r.partial)):
        return
    cands = firsts.get(word)
    tok = tok_at.get(r.start)
    if r.label == "PERSON" and tok is not None and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _HONORIFICS:
        return  # "Mr. Trump" is a person whatever long name opens with his surname
    described = tok is not None and any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in tok.children)
    if described and not any(ends_in_designator(c) for c in cands or ()):
        return  # "Dräger, a global producer of …" after "Dräger Infinity": described on its own, it is itself
    if cands and _locative(tok) and tok.head.lower_ not in ("at", "across"):
        # "fans in Durban": the place the club is named after; "get it at Dell" is the company
        r.label = "GPE"
        return
    if not cands and r.label == "ORG":
        single = lasts.get(word) if len(lasts.get(word, [])) == 1 else ends.get(word)
        cands = single if single and len(single) == 1 else None
    # named before ("Court" is not a later "Court of Appeal"), and the word not named alone before it
    cands = [
        c
        for c in cands or ()
        if firsts_at.get(c, 0) < r.start and alone_at.get(word, r.start) >= firsts_at.get(c, 0)
    ]
    if cands and not _brand(firsts.get(word) or cands):  # every long name it opens, before or after
        r.label, r.canonical, r.partial = "ORG", cands[0], False


def _brand(names: list[str]) -> bool:
    """Long names opened by one word that part ways after it ("Apple Watch", "Apple TV"): that word names
    something of its own (the maker), not one of them. Names that extend one another ("Goldman Sachs",
    "Goldman Sachs Group") are one organisation."""
    seconds = {n.lower().split()[1] for n in names if len(n.split()) > 1}
    return len(seconds) > 1


def _untagged_org_first_words(
    doc: Doc,
    raws: list[_Raw],
    firsts: dict,
    firsts_at: dict[str, int],
    cores: dict[str, set[str]],
) -> list[_Raw]:
    """Untagged lone proper nouns that are the first word of an organisation named here ("Goldman"), or its
    name without designators ("Maasstad" for "FC Maasstad", in a headline above it too)."""
    covered = _covered_chars(raws)
    for tok in doc:
        core = cores.get(tok.lower_, set())
        cands = sorted(core) if len(core) == 1 else firsts.get(tok.lower_)
        if (
            not cands
            or tok.pos_ != "PROPN"
            or tok.idx in covered
            or not tok.text[:1].isupper()
            or _locative(tok)
        ):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue
        if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].dep_ == "compound":
            continue  # the end of a longer name ("High Court" is no "Court of Appeal")
        if len(core) != 1:
            cands = [c for c in cands if firsts_at.get(c, 0) < tok.idx]
        if not cands or _brand(cands):
            continue
        nr = _Raw(tok.idx, tok.idx + len(tok.text), tok.text, "ORG")
        nr.canonical = cands[0]
        raws.append(nr)
    raws.sort(key=lambda r: r.start)
    return raws
