"""Document-level coreference for attribution: whom a pronoun or a description at a speech verb stands for.

Referents are the people and organisations met so far, in document order: named ones (entity mentions) and
described ones (a subject such as "a bartender" or "the ruling party" that names nobody). A pronoun takes the
subject of the speech verb it is bound under ("the union denounced what it called …", "a mother said she …"),
else the latest compatible referent, subjects first (gender from titles, pronouns and first names; person or
organisation). A definite description takes the person whose recorded roles it repeats ("the former energy
secretary", "the 68-year-old"), the organisation of a compatible kind ("the daily", "the company"), or an
earlier description with the same noun ("the spokesman").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assets.text.entities import is_role
from assets.text.quotes.antecedents import (
    INHERIT_PARAGRAPHS,
    _antecedent_org,
    _introduced,
    _is_salient,
    _learn_gender,
    _org_of_phrase,
    _place_like,
    _surface,
)
from assets.text.quotes.cues import _is_reporting
from assets.text.quotes.index import _Index
from assets.text.quotes.model import _Speaker
from assets.text.quotes.phrases import _common_noun, _mention_text, _np_surface
from assets.text.quotes.roles import _age_definite, _age_described, _roles
from assets.text.quotes.words import (
    AGE_NOUNS,
    AGENT_SUFFIXES,
    DOCUMENT_NOUNS,
    EVALUATION_VERBS,
    FEMALE_PRONOUN_FORMS,
    FEMALE_WORDS,
    GENERIC_ROLES,
    GROUP_NOUNS,
    KIND_PARENT,
    MALE_PRONOUN_FORMS,
    MALE_WORDS,
    MEDIA_LABELS,
    MEDIA_NOUNS,
    ORG_KINDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    RELATIVES,
    SPOKES_NOUNS,
    TITLE_WORDS,
)
from assets.text.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


# How many heads up a pronoun may look for the speech verb it is bound under ("said she would probably not").
_HEAD_CLIMB = 4
_DEFINITE = ("the", "this", "that")


@dataclass(frozen=True)
class _Referent:
    """A person or organisation met in the text: named (an entity mention) or described (key and label None)."""

    start: int
    tok: int  # the head token
    para: int
    surface: str
    key: str | None
    label: str | None
    salient: bool  # a subject, or a name beside one
    person: bool
    plural: bool = False
    gender: str | None = None  # of a described referent; a named one's is idx.gender[key]
    head: str = ""  # a described referent's head noun (lemma)
    mention: Mention | None = None


def _referents(idx: _Index) -> list[_Referent]:
    """Every referent of the document in text order, built once per document."""
    if idx.referents is None:
        idx.referents = _named(idx)  # descriptions are first resolved against the names alone
        idx.referents = sorted(idx.referents + _described(idx), key=lambda r: r.start)
    return idx.referents


def _named(idx: _Index) -> list[_Referent]:
    """People, organisations and countries named outside quotations, places in the text left out."""
    out = []
    for m in idx.mentions:
        t = idx.mention_token(m)
        if m.label not in ("PERSON", "ORG", "GPE") or t is None or idx.in_quote(t) or _place_like(idx, m):
            continue
        para = idx.para_of(m.start_char)
        salient = _is_salient(idx, m)
        out.append(
            _Referent(
                m.start_char,
                t.i,
                para,
                _surface(m),
                m.entity_key,
                m.label,
                salient,
                m.label == "PERSON",
                mention=m,
            )
        )
    return out


def _described(idx: _Index) -> list[_Referent]:
    """Subjects that describe a person or organisation without naming one ("a bartender", "the ruling party")."""
    out = []
    for tok in idx.doc:
        if (
            not (tok.dep_ in ("nsubj", "nsubjpass") or _lost_subject(tok))
            or not _common_noun(tok)
            or idx.in_quote(tok)
        ):
            continue
        lemma = tok.lemma_.lower()
        person = (
            is_role(lemma)
            or lemma in PERSON_NOUNS
            or lemma in SPOKES_NOUNS
            or lemma in _GENDERED_NOUNS  # "A woman from Andros travelling with her two sons was less sure."
            or lemma in AGE_NOUNS  # "A teenager in a club jersey waved a sign."
            or _who_clause(tok)
        )
        if not (person or lemma in ORG_NOUNS) or idx.mention_at(tok) is not None:
            continue
        if any(c.dep_ == "compound" and idx.mention_at(c) is not None for c in tok.children) or any(
            t.dep_ == "appos" and idx.mention_at(t) is not None for t in tok.subtree
        ):
            continue  # "the spokesman, Dmitry Peskov", "the owner of a bakery, Tomás Núñez": the name is it
        if _definite(tok):
            # "the company" is a named one met again; "the president" is one the text named without that title
            # (a later he/she goes to the names, not to the title). A person met again as "the judge" is the
            # latest subject for the he/she that follows ("The judge was unmoved. '…,' she said"), an
            # organisation met again as "the company" for the it.
            again = _description_referent(idx, tok)
            if again is not None and again.key is not None:
                out.append(
                    replace(
                        again, start=tok.idx, tok=tok.i, para=idx.tok_para[tok.i], salient=True, head=lemma
                    )
                )
            if person or again is not None:
                continue
        s, e = _np_surface(idx, tok)
        plural = tok.tag_ in ("NNS", "NNPS") or lemma in GROUP_NOUNS
        if not person and _of_people(tok):
            person = plural = True  # "a group of laid-off workers" is people, not an organisation
        out.append(
            _Referent(
                tok.idx,
                tok.i,
                idx.tok_para[tok.i],
                idx.body[s:e],
                None,
                None,
                True,
                person,
                plural,
                _gender_of(idx, tok),
                lemma,
            )
        )
    return out


# Person words with a gender ("woman", "father"): the titles among them ("Ms", "Lady") are never a described subject.
_GENDERED_NOUNS = frozenset(w for w in FEMALE_WORDS | MALE_WORDS if w.isalpha() and w not in TITLE_WORDS)


def _lost_subject(tok: Token) -> bool:
    """A noun the parser made the sentence's root although it opens the sentence: the subject of a verb it failed
    to find ("A dairy farmer from Sokółka who asked not to be named disagreed.", "disagreed" hung on "named")."""
    return tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and tok.left_edge.i == tok.sent.start


def _who_clause(tok: Token) -> bool:
    """A noun with a 'who'/'whose' clause is a person ("a crofter in Glendale whose granddaughter is in primary
    three"), whatever the word lists know of the noun."""
    return (
        any(
            c.dep_ == "relcl" and tok.doc[c.left_edge.i].lower_ in ("who", "whose", "whom")
            for c in tok.subtree
        )
        and tok.lemma_.lower() not in ORG_NOUNS
    )


def _of_people(tok: Token) -> bool:
    """A collective noun followed by 'of' and people: "a group of laid-off workers", "a coalition of parents"."""
    return any(
        p.tag_ in ("NNS", "NNPS") and (is_role(p.lemma_) or p.lemma_.lower() in PERSON_NOUNS)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    )


def _gender_of(idx: _Index, tok: Token) -> str | None:
    """A described person's gender from their phrase: "a young mother", "a bartender who asked that her name …"."""
    poss = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}  # "her staff" is not a woman
    words = {t.lower_ for t in tok.subtree if not idx.in_quote(t) and t.i not in poss}
    female = bool(words & (FEMALE_WORDS | FEMALE_PRONOUN_FORMS))
    male = bool(words & (MALE_WORDS | MALE_PRONOUN_FORMS))
    return None if female == male else ("f" if female else "m")


def _definite(tok: Token) -> bool:
    """'the …' / 'this …', or a role of an organisation met before ("the union's president", "its chief
    executive"); a person's possessive is someone else ("her spokesman", "Verbeek's agent")."""
    if _age_described(tok) is not None:
        return _age_definite(tok)
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if owners:  # a role of a body ("the guild's chair"); "the dockworkers' union" is a body of its own
        lemma = tok.lemma_.lower()
        role = is_role(lemma) or lemma in TITLE_WORDS or lemma in SPOKES_NOUNS
        return role and all(_definite_owner(c) for c in owners)
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)


def _definite_owner(owner: Token) -> bool:
    """'its', or 'the union's' / 'the guild's': a body already in the text, never a person."""
    if owner.lower_ == "its":
        return True
    lemma = owner.lemma_.lower()
    return (
        _common_noun(owner)
        and not (is_role(lemma) or lemma in PERSON_NOUNS or lemma in SPOKES_NOUNS)
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in owner.children)
    )


def _compatible(idx: _Index, r: _Referent, want: str | None, person: bool) -> bool:
    """A he/she can stand for a single person of that gender or unknown; an it for an organisation or country."""
    if r.plural or r.person != person:
        return False
    if not person:
        return r.label in ("ORG", "GPE", None)
    gender = idx.gender.get(r.key) if r.key is not None else r.gender
    return gender is None or gender == want


def _resolve_pronoun(idx: _Index, pron: Token) -> _Speaker | None:
    """The person (he/she) or organisation (it/its) a pronoun points back to."""
    low = pron.lower_
    if low in PRONOUNS_MALE or low in PRONOUNS_FEMALE:
        want, person = ("m" if low in PRONOUNS_MALE else "f"), True
    elif low in ("it", "its"):
        want, person = None, False
    else:
        # "they" mostly points back at a common-noun speaker ("analysts"): the group just described, else the
        # speaker history.
        ref = _group_just_described(idx, pron)
        return (
            None
            if ref is None
            else _Speaker(ref.surface, None, None, ("pronoun_speaker",), mention=pron.text)
        )
    ref = _bound(idx, pron, want, person) or _latest(idx, pron, want, person)
    if ref is None:
        return None
    spk = _Speaker(ref.surface, ref.key, ref.label, ("pronoun_speaker",), mention=pron.text)
    return _learn_gender(idx, want, spk)


def _group_just_described(idx: _Index, pron: Token) -> _Referent | None:
    """The unnamed people a subject "they" takes up: the paragraph's latest subject, when it describes several
    people ("Two reporters at the Invercargill office … described a newsroom in shock. '…,' they said"). People of a
    named organisation ("analysts at Databank Research") are left to the speaker history, which holds it."""
    if pron.dep_ != "nsubj":
        return None
    r = _paragraph_subject(idx, pron)
    group = r is not None and r.key is None and r.person and r.plural
    return r if group and _org_of_phrase(idx, idx.doc[r.tok]) is None else None


def _paragraph_subject(idx: _Index, tok: Token) -> _Referent | None:
    """The latest salient referent before a token in its paragraph."""
    refs = _referents(idx)
    para = idx.tok_para[tok.i]
    for r in reversed(refs[: bisect.bisect_left(refs, tok.idx, key=lambda x: x.start)]):
        if r.para != para:
            return None
        if r.salient:
            return r
    return None


def _bound(idx: _Index, pron: Token, want: str | None, person: bool) -> _Referent | None:
    """The subject of the speech verb a subject pronoun's clause hangs on, when compatible ("X said she …")."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    v, para = pron.head, idx.tok_para[pron.i]
    for _ in range(_HEAD_CLIMB):
        if v.head is v or idx.tok_para[v.head.i] != para or idx.in_quote(v.head):
            return None
        v = v.head
        if not (_is_reporting(v) or v.lemma_.lower() in EVALUATION_VERBS):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i), None)
        if subj is None or subj.lower_ in PRONOUNS or subj.lower_ in RELATIVES:
            return None
        r = _referent_at(idx, subj)
        return r if r is not None and _compatible(idx, r, want, person) else None
    return None


def _referent_at(idx: _Index, tok: Token) -> _Referent | None:
    """The referent a subject token is: its own, or that of a name beside it."""
    toks = {tok.i} | {c.i for c in tok.children if c.dep_ in ("appos", "compound")}
    return next((r for r in _referents(idx) if r.tok in toks), None)


def _latest(idx: _Index, pron: Token, want: str | None, person: bool) -> _Referent | None:
    """The latest compatible referent within a few paragraphs: a subject first, else (he/she) the nearest."""
    refs = _referents(idx)
    para = idx.para_of(pron.idx)
    nearest = None
    for r in reversed(refs[: bisect.bisect_left(refs, pron.idx, key=lambda x: x.start)]):
        if r.para < para - INHERIT_PARAGRAPHS:
            break
        if not _compatible(idx, r, want, person):
            continue
        if nearest is None:
            nearest = r
            if want is not None and r.mention is not None and _introduced(idx, r.mention, idx.doc[r.tok]):
                # A newcomer presented with an age, role or relative clause becomes the one a following he/she
                # means, even as the object of a preposition.
                return r
        if r.salient:
            return _main_subject(idx, refs, r, want, person)
    return nearest if want is not None else None


def _main_subject(
    idx: _Index, refs: list[_Referent], r: _Referent, want: str | None, person: bool
) -> _Referent:
    """A subject of a subordinate clause gives way to a compatible subject of its sentence's main clause: "Brennan
    pointed out that Keane had refused. '…,' she said" is Brennan (the main clause's subject stays the topic)."""
    tok = idx.doc[r.tok]
    if tok.head.dep_ == "ROOT":
        return r
    sent = tok.sent
    for o in refs:
        t = idx.doc[o.tok]
        if (
            sent.start <= o.tok < r.tok
            and o.para == r.para
            and o.salient
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.head.dep_ == "ROOT"
            and _compatible(idx, o, want, person)
        ):
            return o
    return r


def _resolve_description(idx: _Index, tok: Token) -> _Speaker | None:
    """The named (or earlier described) speaker a definite description stands for, with the description as
    its mention."""
    r = _description_referent(idx, tok) if _definite(tok) else None
    if r is None:
        return None
    return _Speaker(r.surface, r.key, r.label, ("described_speaker",), mention=_mention_text(idx, tok))


def _description_referent(idx: _Index, tok: Token) -> _Referent | None:
    """The referent of "the minister", "the 68-year-old", "the daily", "the party" before this token."""
    _referents(idx)
    lemma = tok.lemma_.lower()
    if _age_described(tok) is not None or is_role(lemma) or lemma in SPOKES_NOUNS or lemma in TITLE_WORDS:
        person = _role_holder(idx, tok) or _same_description(idx, tok) or _just_named_role(idx, tok)
        if person is not None or lemma not in ORG_NOUNS:
            return person  # "the miner" is a role and an organisation: a person holding it, else the company
    elif lemma not in ORG_NOUNS:
        # Any noun the text gave a person before: "the vet, Marc Ostermann, arrived … the vet added", "the MP";
        # else, as for a role, the person just named ("Gorosito spent Saturday at home. '…,' the striker told
        # reporters"): English agent nouns in -er/-or are also companies' ("the lender"), so they are not roles,
        # but one that is no organisation word is a person's ("the committee", "the forum" are bodies).
        holder = _role_holder(idx, tok, later=False)
        if holder is None and _agent_noun(tok):
            holder = _just_named_role(idx, tok)
        elif holder is None and _one_person_noun(tok):
            # "said Jari Heikkinen of the institute. '…,' the security expert added": a person word, like a role,
            # is the person just named, unless an unnamed one was given the same word ("a source … the source")
            holder = _same_description(idx, tok) or _just_named_role(idx, tok)
        return holder
    if lemma not in ORG_NOUNS:
        return None
    labels = MEDIA_LABELS if lemma in MEDIA_NOUNS else ("ORG",)
    if any(c.dep_ in ("compound", "nmod", "prep") for c in tok.children):
        # "the airport operator" may be a new one; it is the one named before only if that one was given the noun
        # ("The operator, Lusavia Airports, expects …")
        org = _antecedent_org(idx, tok, labels, given_only=True)
        return _org_referent(idx, org, tok) if org is not None else None
    again = _described_just_before(idx, tok)
    if again is not None:
        return again
    org = _antecedent_org(idx, tok, labels)
    same = _same_description(idx, tok)
    if same is not None and (org is None or same.start > org.start_char):
        return same  # "The ruling party welcomed …" came after the broadcaster was named
    if org is None:
        return None
    return _org_referent(idx, org, tok)


def _described_just_before(idx: _Index, tok: Token) -> _Referent | None:
    """The organisation the paragraph's latest subject re-described with a noun of the same kind ("The local
    manufacturer reacted within the hour. '…,' the company said"): the nearer description beats an earlier name."""
    r = _paragraph_subject(idx, tok)
    if r is None or r.label != "ORG" or r.key is None or not r.head:
        return None
    lemma, kind = tok.lemma_.lower(), ORG_KINDS.get(r.head)
    return r if r.head == lemma or (kind is not None and kind == ORG_KINDS.get(lemma)) else None


def _agent_noun(tok: Token) -> bool:
    """A singular agent noun in -er/-or that names no kind of organisation ("striker", "tailor", "potter")."""
    lemma = tok.lemma_.lower()
    return (
        tok.tag_ == "NN"
        and lemma.endswith(AGENT_SUFFIXES)
        and lemma not in ORG_KINDS
        and lemma not in DOCUMENT_NOUNS
        and lemma not in GROUP_NOUNS
    )


def _one_person_noun(tok: Token) -> bool:
    """A singular person word that stands for one person ("expert", "critic", "resident"), not for a group."""
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NN" and lemma in PERSON_NOUNS and lemma not in GROUP_NOUNS


def _org_referent(idx: _Index, org: Mention, tok: Token) -> _Referent:
    """The referent of an organisation a description stands for."""
    return next((r for r in idx.referents if r.mention is org), None) or _Referent(
        org.start_char,
        tok.i,
        idx.para_of(org.start_char),
        _surface(org),
        org.entity_key,
        org.label,
        False,
        False,
    )


def _role_holder(idx: _Index, tok: Token, later: bool = True) -> _Referent | None:
    """The person named earlier whose titles or appositions hold this description's noun (or age); the one
    sharing most of its modifiers ("the former governor"), then the latest. Failing that, the news conventions:
    an age no one was given is new about the person just named ("Graham Voss said … The 61-year-old …"), and a
    lede's description is named further down ("the judge called it …" … "Judge Alison Pryce")."""
    lemma = tok.lemma_.lower()
    age = _age_described(tok)
    words = {c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")} | {lemma}
    latest = {r.key: r for r in idx.referents if r.start < tok.idx and r.label == "PERSON"}  # one per person
    if age is None and lemma in AGE_NOUNS:
        # "the teenager" is the one person given an age in its range ("a 16-year-old schoolgirl")
        lo, hi = AGE_NOUNS[lemma]
        aged = [r for r in latest.values() if any(lo <= a <= hi for a in _roles(idx, r.key, tok.idx)[1])]
        if len(aged) == 1:
            return aged[0]
    best, best_score = None, None
    for r in latest.values():
        words_r, ages = _roles(idx, r.key, tok.idx)
        if (age is not None and age in ages) or (age is None and lemma in words_r):
            score = (len(words & words_r), r.start)
            if best_score is None or score > best_score:
                best, best_score = r, score
    if best is not None:
        return best
    if age is not None:
        return _just_named(idx, tok, latest)
    if lemma in GENERIC_ROLES:
        # "the French official" for "Claire Dumont, a French commissaire": a generic role noun goes to the one
        # person the text described with its modifier
        mods = words - {lemma}
        sharing = [r for r in latest.values() if mods & _roles(idx, r.key, tok.idx)[0]]
        if len(sharing) == 1:
            return sharing[0]
    return _named_later(idx, tok, lemma) if later else None


def _just_named_role(idx: _Index, tok: Token) -> _Referent | None:
    """A definite role no one was given points at someone known: the person last named as a subject in its
    paragraph ("Borowiec pressed him on an email. '…,' the professor said") — the convention of ages, for
    roles (a new, unnamed speaker is introduced with "a", not "the")."""
    if _age_described(tok) is not None or tok.lemma_.lower() in ORG_NOUNS:
        return None
    want = _gender_of(idx, tok)
    para = idx.tok_para[tok.i]
    for r in reversed(idx.referents):
        if r.start >= tok.idx:
            continue
        if r.para != para:
            return None
        if r.label == "PERSON" and r.salient and not r.plural and r.key is not None:
            gender = idx.gender.get(r.key)
            return r if want is None or gender in (None, want) else None
    return None


def _just_named(idx: _Index, tok: Token, latest: dict[str | None, _Referent]) -> _Referent | None:
    """The person named last before an age description, in its paragraph or the one before, if not given
    another age."""
    para = idx.tok_para[tok.i]
    for r in sorted(latest.values(), key=lambda r: -r.start):
        if r.para < para - 1:
            return None
        if r.salient and not _roles(idx, r.key, tok.idx)[1]:
            return r
    return None


def _named_later(idx: _Index, tok: Token, lemma: str) -> _Referent | None:
    """The one person named after a description whose titles or appositions hold its noun."""
    end = len(idx.body)
    later = {r.key: r for r in reversed(idx.referents) if r.start > tok.idx and r.label == "PERSON"}
    holders = [r for r in later.values() if lemma in _roles(idx, r.key, end)[0]]
    return holders[0] if len(holders) == 1 else None


def _same_description(idx: _Index, tok: Token) -> _Referent | None:
    """An earlier described referent with the same head noun, within a few paragraphs ("the spokesman")."""
    lemma, para = tok.lemma_.lower(), idx.tok_para[tok.i]
    plural = tok.tag_ in ("NNS", "NNPS")
    for r in reversed(idx.referents):
        if r.start >= tok.idx or r.key is not None or r.plural != plural:
            continue  # "the club" is not "three other clubs"
        if r.para < para - INHERIT_PARAGRAPHS:
            break
        if r.head == lemma or _same_kind(r.head, lemma):
            return r
    return None


def _same_kind(earlier: str, later: str) -> bool:
    """Two organisation nouns of one kind: "the oil producer" … "the company"."""
    kind, other = ORG_KINDS.get(earlier), ORG_KINDS.get(later)
    return kind is not None and other is not None and other in (kind, KIND_PARENT.get(kind))
