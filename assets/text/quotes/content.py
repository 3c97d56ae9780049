"""The content of reported speech: the clause a reporting verb reports, trimmed to the words claimed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.quotes.cues import _clear_clause, _is_reporting
from assets.text.quotes.index import _Index
from assets.text.quotes.words import (
    DATELINE_AGENCIES,
    EDGE_PUNCT,
    NAMING_VERBS,
    PRONOUNS,
    RELATIVES,
    WH_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# A content span: (start, end, flags).
_Span = tuple[int, int, list[str]]

# A dateline ("TOKYO —", "LONDON (Reuters) -") ends at its dash within this many tokens.
_DATELINE_MAX_TOKENS = 8
_DASHES = ("—", "–", "-", "--")


def _content_span(idx: _Index, verb: Token) -> _Span | None:
    """The clause a reporting verb reports, as a character span, or None when it reports none."""
    flags: list[str] = []
    as_clause = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and bool(idx.kids(verb, ("nsubj",)))  # "as expected" has nobody speaking
    )
    if verb.lower_ == "according" or (as_clause and not idx.kids(verb, ("ccomp",))):
        return _hosting_clause(idx, verb, flags)
    para = idx.para_of(verb.idx)
    if verb.lemma_.lower() == "make":
        clause = _clear_clause(verb)
        return _span_of(
            idx, [t for t in clause.subtree if t.i > clause.left_edge.i or t.lower_ != "that"], flags
        )
    comps = [c for c in idx.kids(verb, ("ccomp",)) if not idx.in_quote(c)]
    comp = min(comps, key=lambda c: abs(c.i - verb.i)) if comps else None
    if comp is None:
        return _content_without_complement(idx, verb, para, flags)
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children):
        return None  # "expects the deal to close": a forecast about an object, not a reported statement
    toks = _complement_tokens(idx, verb, comp, para)
    if toks is None:
        return None
    toks = _trim_clause_opening(verb, comp, toks)
    if toks and toks[0].lower_ in WH_WORDS:
        return None  # indirect questions ("asked whether …") are not claims
    return _span_of(idx, toks, flags)


def _hosting_clause(idx: _Index, verb: Token, flags: list[str]) -> _Span | None:
    """ "…, according to X" / "As the IMF noted, …": the content is the clause the phrase hangs on."""
    head = verb.head
    if head is verb:
        return None
    skip = {t.i for t in verb.subtree}
    toks = [t for t in head.subtree if t.i not in skip and idx.tok_para[t.i] == idx.tok_para[verb.i]]
    if verb.i < head.i:
        toks = [t for t in toks if t.i > max(skip)]
    else:
        toks = [t for t in toks if t.i < min(skip)]
    return _span_of(idx, toks, flags)


def _content_without_complement(idx: _Index, verb: Token, para: int, flags: list[str]) -> _Span | None:
    """Content not parsed as a complement: a that-relative, a parenthetical, a naming verb's as-phrase."""
    clause = _that_relative(verb)
    if clause is not None:
        toks = [t for t in clause.subtree if t.i > clause.left_edge.i]
        rest = _detached_predicate(idx, verb, toks[-1].i if toks else clause.i)
        if rest is not None:
            toks = list(idx.doc[toks[0].i : rest.right_edge.i + 1])
        return _span_of(idx, toks, flags)
    if verb.dep_ == "parataxis" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        skip = {t.i for t in verb.subtree}
        toks = [t for t in head.subtree if t.i not in skip and idx.para_of(t.idx) == para]
        if not toks:
            return None
        if verb.i > head.i and min(skip) > head.i:
            toks = [t for t in toks if t.i < min(skip)]
        else:
            flags.append("parenthetical")
            toks = list(idx.doc[min(t.i for t in toks) : max(t.i for t in toks) + 1])
        return _span_of(idx, toks, flags)
    if verb.lemma_.lower() in NAMING_VERBS:
        obj = next(iter(idx.kids(verb, ("dobj",))), None)
        as_ = next((c for c in idx.kids(verb, ("prep",)) if c.lower_ == "as"), None)
        if obj is not None and as_ is not None and obj.i < as_.i and obj.lower_ not in RELATIVES:
            if any(idx.in_quote(t) for t in as_.subtree):
                return None  # the quoted characterisation is a quotation of its own, not a reported claim
            return _span_of(idx, list(obj.subtree) + list(as_.subtree), flags)
    return None


def _complement_tokens(idx: _Index, verb: Token, comp: Token, para: int) -> list[Token] | None:
    """The complement clause's tokens on the verb's side, up to a clause with its own speaker."""
    cut = _conj_report(comp) or next(iter(_that_conjuncts(comp)), None)
    toks = list(comp.subtree)
    if cut is not None:
        toks = [t for t in toks if t.i < cut.left_edge.i]
    other = _attributed_clause(idx, comp, verb)
    if other is not None:
        toks = [t for t in toks if t.i < other.left_edge.i]
    toks = [t for t in toks if idx.tok_para[t.i] == para]
    before = [t for t in toks if t.i < verb.i]
    after = [t for t in toks if t.i > verb.i]
    if before and after:
        toks = after if comp.i > verb.i else before
    if toks and toks[-1].i < verb.i:
        # Inverted attribution ("Both leaders distrust the West, said Wyne"): the clause ends at a comma or
        # a quote.
        gap = idx.doc[toks[-1].i + 1 : verb.i]
        if any(t.text == ";" for t in gap) or not any(t.text in (",", "”", '"', "—", "–") for t in gap):
            return None
    return toks


def _trim_clause_opening(verb: Token, comp: Token, toks: list[Token]) -> list[Token]:
    """Drop what opens a clause without being claimed: 'that', punctuation, a time phrase dating it."""
    while toks and (
        toks[0].dep_ == "mark"
        and toks[0].lower_ in ("that",)
        or toks[0].is_punct
        and not _opens_quote(toks[0])
    ):
        toks = toks[1:]
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    for c in comp.children:
        # "said on Friday it would …": a time phrase before the subject of a clause without 'that' dates the
        # saying.
        if (
            subj is not None
            and c.i < subj.i
            and c.left_edge.i == verb.i + 1
            and c.dep_ in ("prep", "npadvmod")
            and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        ):
            toks = [t for t in toks if t.i > c.right_edge.i]
    if (
        len(toks) > 1
        and toks[0].lower_ == "that"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != toks[0].i for c in comp.children)
    ):
        toks = toks[1:]  # a complementiser the parser took for a pronoun
    return toks


def _detached_predicate(idx: _Index, verb: Token, last: int) -> Token | None:
    """A that-clause's modal predicate the parser hung on the reporting verb.

    "that the beetle, seen …, could spread": "could spread" hangs on "said"."""
    for c in idx.kids(verb, ("conj",)):
        if c.i <= last or any(k.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for k in c.children):
            continue
        if c.left_edge.dep_ != "aux" or c.left_edge.tag_ != "MD":
            continue
        if all(t.is_punct for t in idx.doc[last + 1 : c.left_edge.i]):
            return c
    return None


def _that_relative(verb: Token) -> Token | None:
    """'said in a statement that …' / 'told a meeting that …': a complement clause parsed as a relative."""
    holders = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for p in verb.children:
        if p.dep_ == "prep":
            holders += [c for c in p.children if c.dep_ == "pobj"]
    for h in holders:
        for r in h.children:
            if r.dep_ not in ("relcl", "acl") or r.i < h.i:
                continue
            first = r.left_edge
            if first.lower_ != "that" or first.i != h.i + 1:
                continue
            subj = [c for c in r.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].i != first.i:
                return r
    return None


def _conj_report(comp: Token) -> Token | None:
    """A reporting verb coordinated inside the clause ("said X was protectionist and vowed to …") ends it."""
    for c in comp.children:
        if (
            c.dep_ == "conj"
            and c.i > comp.i
            and _is_reporting(c)
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        ):
            return c
    return None


def _attributed_clause(idx: _Index, comp: Token, verb: Token) -> Token | None:
    """A clause inside the content with its own speaker ("…, while freight operators say …") ends it."""
    for t in comp.subtree:
        if t.i <= verb.i or t is comp or t.dep_ not in ("advcl", "conj", "parataxis") or not _is_reporting(t):
            continue
        if any(k.dep_ == "nsubj" and k.lower_ not in RELATIVES for k in t.children) and not idx.in_quote(t):
            return t
    return None


def _that_conjuncts(comp: Token) -> list[Token]:
    """Clauses coordinated with the content clause, each with its own 'that' ("said that A and that B")."""
    return [
        c
        for c in comp.children
        if c.dep_ == "conj"
        and c.i > comp.i
        and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
    ]


def _continuations(idx: _Index, verb: Token) -> list[Token]:
    """Further content after a mid-sentence attribution.

    "A is old, X told the council, and B will cost millions": B is content too."""
    comps = [c for c in idx.kids(verb, ("ccomp",)) if c.i < verb.i and not idx.in_quote(c)]
    if not comps:
        return []
    out = []
    for c in idx.kids(verb, ("conj",)):
        if c.i < verb.i or idx.in_quote(c) or _is_reporting(c) or c.pos_ not in ("VERB", "AUX"):
            continue
        gap = idx.doc[verb.i + 1 : c.left_edge.i]
        if not any(t.text == "," for t in gap) or not any(t.dep_ == "cc" for t in gap):
            continue
        subj = [k for k in c.children if k.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
        # An independent clause about something else; "…, she said, and she left" narrates the speaker
        # instead.
        if (
            subj
            and subj[0].lower_ not in PRONOUNS
            and not any(_is_reporting(t) and t.i != c.i for t in c.subtree)
        ):
            out.append(c)
    return out


def _extra_content(idx: _Index, verb: Token) -> list[_Span]:
    """More content clauses of one reporting verb: coordinated 'that'-clauses and continuations."""
    spans = []
    comps = [c for c in idx.kids(verb, ("ccomp",)) if not idx.in_quote(c)]
    comp = min(comps, key=lambda c: abs(c.i - verb.i)) if comps else None
    clauses = []
    if comp is not None and _conj_report(comp) is None:
        clauses += _that_conjuncts(comp)
    para = idx.tok_para[verb.i]
    for k, c in enumerate(clauses):
        nxt = clauses[k + 1].left_edge.i if k + 1 < len(clauses) else None
        toks = [t for t in c.subtree if idx.tok_para[t.i] == para and (nxt is None or t.i < nxt)]
        while toks and (toks[0].dep_ == "mark" and toks[0].lower_ == "that"):
            toks = toks[1:]
        spans.append(_span_of(idx, toks, []))
    for c in _continuations(idx, verb):
        spans.append(_span_of(idx, [t for t in c.subtree if idx.tok_para[t.i] == para], []))
    return [sp for sp in spans if sp is not None]


def _opens_quote(t: Token) -> bool:
    """An opening quotation mark, kept at the start of a content clause."""
    return t.text in ("“", '"', "‘", "'")


def _span_of(idx: _Index, toks: list[Token], flags: list[str]) -> _Span | None:
    """The character span of a clause's tokens, without dateline or edge punctuation, marks balanced."""
    if not toks:
        return None
    toks = _skip_dateline(idx, sorted(toks, key=lambda t: t.i))
    while toks and (toks[-1].text in EDGE_PUNCT or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    while toks and toks[0].text in EDGE_PUNCT:
        toks = toks[1:]
    if not toks:
        return None
    s = toks[0].idx
    e = toks[-1].idx + len(toks[-1].text)
    # Keep quotation marks balanced: a clause that ends inside a quotation takes its closing mark.
    for q in idx.quotes:
        if (
            s <= q.open_at < e
            and q.close_at is not None
            and q.close_at >= e
            and idx.para_of(q.close_at) == idx.para_of(s)
        ):
            e = q.close_at + 1
    return s, e, flags


def _skip_dateline(idx: _Index, toks: list[Token]) -> list[Token]:
    """Drop a dateline ("TOKYO —", "LONDON (Reuters) -") that opens the paragraph."""
    if not toks or toks[0].idx != idx.paras[idx.tok_para[toks[0].i]][0]:
        return toks
    for n, t in enumerate(toks[:_DATELINE_MAX_TOKENS]):
        if t.text in _DASHES and n > 0:
            head = toks[:n]
            if all(x.is_punct or x.text.isupper() or x.text in DATELINE_AGENCIES for x in head):
                return toks[n + 1 :]
            return toks
    return toks
