"""The speaker of a reporting verb: its subject, and the person or organisation that subject stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.entities import is_role
from assets.text.entities.names import _strip_person_titles
from assets.text.quotes.antecedents import (
    _antecedent_org,
    _key_by_name,
    _org_kind,
    _org_of_phrase,
    _surface,
)
from assets.text.quotes.coref import _definite, _resolve_description, _resolve_pronoun
from assets.text.quotes.cues import _is_reporting
from assets.text.quotes.handles import handle_owner
from assets.text.quotes.index import _Index
from assets.text.quotes.model import _Speaker
from assets.text.quotes.phrases import MARKUP, _common_noun, _mention_text, _np_surface
from assets.text.quotes.roles import _age_described
from assets.text.quotes.words import (
    ADDRESSEE_VERBS,
    AGENT_SUFFIXES,
    DOCUMENT_NOUNS,
    MEDIA_LABELS,
    MEDIA_NOUNS,
    ORG_KINDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    RELATIVES,
    SHARE_NOUNS,
    SPOKES_NOUNS,
)
from assets.text.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


# How many heads up a verb may look for a shared subject or an outer reporting verb ("went on to say",
# "was quoted as saying"): beyond that the parse is someone else's clause.
_HEAD_CLIMB = 4
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
    comment = _comma_participle_subject(idx, verb)
    if comment is not None:
        return comment
    v = verb
    para = idx.tok_para[verb.i]
    for _ in range(_HEAD_CLIMB):
        subjects = [
            c
            for c in idx.kids(v, ("nsubj", "nsubjpass"))
            # "it was announced", "he was told": no speaker there; “Jobs for whom?” asked X: the parser hung a
            # word of the quotation on the verb.
            if not (c.dep_ == "nsubjpass" and (c.lower_ == "it" or v.lemma_.lower() in ADDRESSEE_VERBS))
            and not idx.in_quote(c)
        ]
        if subjects:
            # Two subjects are a parser slip over a hyphen ("said Green co-leader Anja Römer"): the name wins.
            named = [c for c in subjects if _named_mention(idx, c)]
            return _group_of_share((named or subjects)[0])
        if v is verb and (handle := _handle_before(v)) is not None:
            return handle  # "@TyneGreenRA posted": the parser hangs a handle anywhere
        if v is verb and _age_subject(v) is not None:
            return _age_subject(v)  # "The 68-year-old added": the parser left the verb without a subject
        if v is verb and _participle_subject(idx, v) is not None:
            return _participle_subject(idx, v)
        if v is verb and v.dep_ == "acl" and not idx.in_quote(v.head) and _participle_of_sentence(idx, v):
            return v.head
        nxt = _shared_subject_verb(v)
        if nxt is None or idx.tok_para[nxt.i] != para:
            break
        v = nxt
    return _name_after_verb(idx, verb, para)


def _participle_of_sentence(idx: _Index, v: Token) -> bool:
    """A reporting participle that is the sentence's real verb: "The collective posted on Facebook:" parsed as a
    noun and its participle; "Tiago Moura, a former reporter, posted on Facebook: “…”" parsed with the name as
    the root, or as the subject of the quotation's verb."""
    head = v.head
    return head.i == v.i - 1 or head.dep_ == "ROOT" or (head.dep_ == "nsubj" and idx.in_quote(head.head))


def _participle_subject(idx: _Index, verb: Token) -> Token | None:
    """ "Haugen, asked about the editorial, said:": the parser made the name the subject of the participle set off
    by commas and left the reporting verb without one."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for c in idx.kids(verb, ("ccomp", "advcl")):
        if c.i < verb.i and c.tag_ in ("VBN", "VBD"):  # the small model often tags the participle as a past
            for s in idx.kids(c, ("nsubj", "nsubjpass")):
                if s.i + 2 == c.i and doc[s.i + 1].text == "," and not idx.in_quote(s):
                    return s
    return None


def _named_mention(idx: _Index, tok: Token) -> bool:
    """The token is part of a person's or organisation's name."""
    m = idx.mention_at(tok)
    return m is not None and m.label in ("PERSON", "ORG")


def _group_of_share(tok: Token) -> Token | None:
    """The group a share speaks for ("half of respondents" -> respondents); a bare number or percentage is
    nobody ("47% said")."""
    if tok.lemma_.lower() in SHARE_NOUNS or tok.like_num or tok.text == "%":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ != "PRON":  # "many of them" stays as written
                        return p
    if tok.like_num or tok.text == "%" or tok.ent_type_ in ("PERCENT", "CARDINAL", "MONEY", "QUANTITY"):
        return None
    return tok


def _age_subject(verb: Token) -> Token | None:
    """The last word of an age description the parser hung on the verb ("The 68-year-old added")."""
    for c in verb.lefts:
        if c.dep_ in ("amod", "npadvmod", "nsubj") and _age_described(c) is not None:
            return c
    return None


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
                and (c.pos_ == "PROPN" or (inverted and _person_noun(c)))
            ):
                return c  # “…?” asked a pensioner at a kiosk: the parser took the speaker for the one asked
            break
    return None


def _person_noun(tok: Token) -> bool:
    """A common noun for a person: a role, a person word or an agent noun ("pensioner")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (is_role(lemma) or lemma in PERSON_NOUNS or lemma.endswith(AGENT_SUFFIXES))


def _speaker_from_token(idx: _Index, tok: Token, verb: Token) -> _Speaker | None:
    """The speaker a subject stands for, with the subject's words as its mention; never markup or a number."""
    if tok.lower_ in RELATIVES and verb.dep_ == "relcl":
        tok = verb.head
    elif tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":
        tok = tok.head.head  # reached by climbing from a verb further on: the relative stands for its noun
    spk = _speaker_of(idx, tok)
    if spk is not None and spk.surface is not None and not _plausible(spk.surface):
        return None
    if spk is not None and spk.mention is None:
        spk.mention = _mention_text(idx, tok)
    return spk


def _plausible(surface: str) -> bool:
    """Words that can name a speaker: letters, and no markup of an embedded post (@handle, links, #tags)."""
    return any(c.isalpha() for c in surface) and not MARKUP.search(surface)


def _speaker_of(idx: _Index, tok: Token) -> _Speaker | None:
    """The speaker a subject stands for: a pronoun's antecedent, a mention, an apposition, a description."""
    low = tok.lower_
    if low in PRONOUNS:
        return _resolve_pronoun(idx, tok) or _Speaker(None, None, None, (), low)
    if tok.text.startswith("@"):  # "@TyneGreenRA posted:": the one name the handle spells, never the handle
        m = handle_owner(idx, tok.text)
        return _Speaker(_surface(m), m.entity_key, m.label, mention=tok.text) if m is not None else None
    m = idx.mention_at(tok)
    if m is not None and m.label in _SPEAKER_LABELS:
        return _Speaker(_surface(m), m.entity_key, m.label)
    named = _named_beside(idx, tok)
    if named is not None:
        return named
    s, e = _np_surface(idx, tok)
    org = _people_of_org(idx, tok)
    if (
        org is not None
    ):  # "Analysts at Fjord Securities", "Volunteers at Highland Raptor Watch": the organisation
        return _Speaker(idx.body[s:e], org.entity_key, org.label)
    if tok.lemma_.lower() in SPOKES_NOUNS:
        if _definite(tok):  # "the union representative": the one the text gave that role ("who represents …")
            spk = _resolve_description(idx, tok)
            if spk is not None and spk.label == "PERSON":
                return spk
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
    for c in (c for t in _word_of(tok) for c in t.children):
        if c.dep_ == "appos" and c.text.startswith("@"):  # "the race's official account, @VLC_Marathon,"
            am = handle_owner(idx, c.text)
            if am is not None:
                return _Speaker(_surface(am), am.entity_key, am.label)
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


def _word_of(tok: Token) -> list[Token]:
    """The tokens of the hyphenated word a token is in ("co - author": its apposition may hang on any)."""
    doc = tok.doc

    def glued(a: Token, b: Token) -> bool:
        return not a.whitespace_ and all(t.is_alpha or t.text == "-" for t in (a, b))

    i = j = tok.i
    while i > 0 and glued(doc[i - 1], doc[i]):
        i -= 1
    while j + 1 < len(doc) and glued(doc[j], doc[j + 1]):
        j += 1
    return list(doc[i : j + 1])


def _described_speaker(idx: _Index, tok: Token, surface: str) -> _Speaker:
    """A described speaker: a document's owner, an untagged name, or "the company" named earlier."""
    key = None
    label = None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
        if tok.lemma_.lower() in MEDIA_NOUNS and _definite(tok):
            # "the paper said": a newspaper named before ("The Central Luzon Herald, a regional daily, said …"),
            # else the owner of a paper (a study)
            paper = _antecedent_org(idx, tok, MEDIA_LABELS)
            head = idx.mention_token(paper) if paper is not None else None
            if head is not None and _org_kind(idx, paper, head) == ORG_KINDS[tok.lemma_.lower()]:
                return _Speaker(surface, paper.entity_key, paper.label)
        owner = _document_owner(idx, tok)
        if owner is not None:
            return _Speaker(surface, owner.entity_key, owner.label)
    if tok.pos_ == "PROPN" and not _common_noun(tok):
        if _definite(tok):  # "the MP": a title the text gave a person ("Tom Ashworth, the town's MP")
            spk = _resolve_description(idx, tok)
            if spk is not None and spk.label == "PERSON":
                return spk
        surface = _strip_person_titles(surface)  # "Minister for Creative Industries Lauren Ashby"
        key, label = _key_by_name(idx, surface)
    else:
        # "the company", "the daily", "the former energy secretary": the one named (or described) before.
        spk = _resolve_description(idx, tok)
        if spk is not None:
            return spk
    return _Speaker(surface, key, label)


def _document_owner(idx: _Index, tok: Token, look_back: bool = True) -> Mention | None:
    """Who owns a document: "its report", "Brellin's filing", "a statement from the firm", "a study published by
    the centre", "In a judgment, Justice Keane found"; for "the report" with none of these, the owner of the
    document named last before it ("A report by Fair Rent Network … the report said")."""
    holders = list(idx.kids(tok, ("poss",)))
    holders += [
        p
        for c in idx.kids(tok, ("prep",))
        if c.lower_ in ("from", "by", "of")
        for p in idx.kids(c, ("pobj",))
    ]
    holders += [  # the agent of a participle: "a study published on Wednesday by the centre"
        p
        for v in idx.kids(tok, ("acl",))
        for c in idx.kids(v, ("agent", "prep"))
        if c.lower_ == "by"
        for p in idx.kids(c, ("pobj",))
    ]
    for h in holders:
        owner = _holder_org(idx, h)
        if owner is not None:
            return owner
    behalf = _on_behalf(idx, tok)
    if behalf is not None:
        return behalf
    author = _author(idx, tok)
    if author is not None:
        return author
    if look_back and _definite(tok) and not holders:
        for t in reversed(idx.doc[max(0, tok.i - 400) : tok.i]):
            if t.pos_ == "NOUN" and t.lemma_.lower() in DOCUMENT_NOUNS and not idx.in_quote(t):
                owner = _document_owner(idx, t, look_back=False)
                if owner is not None or t.lemma_ != tok.lemma_ or not _definite(t):
                    return owner
                # "the judgment" again: the same document, whose owner was given where it was first named
    return None


def _holder_org(idx: _Index, h: Token) -> Mention | None:
    """The organisation a possessor or a by/from/of phrase names, if it names one."""
    if h.lower_ == "its":
        spk = _resolve_pronoun(idx, h)
        return _mention_of(idx, spk) if spk is not None and spk.label == "ORG" else None
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


def _on_behalf(idx: _Index, tok: Token) -> Mention | None:
    """Whom a document read or issued "on his behalf" / "on behalf of the family" speaks for (not its reader)."""
    for at in [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubjpass") else []):
        for on in idx.kids(at, ("prep",)):
            if on.lower_ != "on":
                continue
            for behalf in idx.kids(on, ("pobj",)):
                if behalf.lower_ != "behalf":
                    continue
                owners = list(idx.kids(behalf, ("poss",)))
                owners += [
                    p
                    for of in idx.kids(behalf, ("prep",))
                    if of.lower_ == "of"
                    for p in idx.kids(of, ("pobj",))
                ]
                for owner in owners:
                    m = idx.mention_at(owner)
                    if m is None and owner.lower_ in PRONOUNS:
                        m = _mention_of(idx, _resolve_pronoun(idx, owner))
                    if m is not None and m.label in ("PERSON", "ORG"):
                        return m
    return None


def _author(idx: _Index, tok: Token) -> Mention | None:
    """'In a 94-page judgment, Justice Keane found …': the subject of the verb a document is 'in' is its author."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in" or tok.head.head.pos_ not in ("VERB", "AUX"):
        return None
    for subj in idx.kids(tok.head.head, ("nsubj",)):
        m = idx.mention_at(subj)
        if m is not None and m.label in ("PERSON", "ORG"):
            return m
        spk = _resolve_description(idx, subj) if m is None else None  # "The company said in a statement"
        if spk is not None and spk.key is not None:
            return _mention_of(idx, spk)
    return None


def _mention_of(idx: _Index, spk: _Speaker | None) -> Mention | None:
    """The first mention of the entity a pronoun or description was resolved to (mentions always have a key)."""
    return None if spk is None else next((m for m in idx.mentions if m.entity_key == spk.key), None)


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


def _people_of_org(idx: _Index, tok: Token) -> Mention | None:
    """The organisation named after a plural of people by at/from/of ("campaigners at Aktion Wildtier")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ not in ("NNS", "NNPS") or not (is_role(lemma) or lemma in PERSON_NOUNS):
        return None
    return _org_of_phrase(idx, tok)


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


def _comma_participle_subject(idx: _Index, verb: Token) -> Token | None:
    """'Marques defended a bill that would …, telling parliament that “…”': a participle clause after a comma
    belongs to the sentence's subject, wherever the parser hung it (here on the bill's relative clause)."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    root = verb.sent.root
    if root is verb or verb.head is root:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj" and not idx.in_quote(c)]
    return subjects[0] if subjects else None


def _handle_before(verb: Token) -> Token | None:
    """A social-media handle written right before the verb, commas aside ("@VLC_Marathon, posted")."""
    before = [t for t in verb.doc[max(0, verb.i - 3) : verb.i] if t.text != ","]
    return before[-1] if before and before[-1].text.startswith("@") else None


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
