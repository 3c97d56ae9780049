"""The speaker of each direct quotation: a verb before or after it, a colon, or the quotation before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.entities import is_role
from assets.text.quotes.antecedents import _surface
from assets.text.quotes.coref import _definite, _resolve_pronoun
from assets.text.quotes.cues import _cue, _is_reporting
from assets.text.quotes.index import _Index
from assets.text.quotes.marks import SCARE_MAX_WORDS, _word_count
from assets.text.quotes.model import _Quote, _Speaker
from assets.text.quotes.phrases import MARKUP
from assets.text.quotes.speakers import (
    _outer_report,
    _people_of_org,
    _speaker_for_verb,
    _speaker_from_token,
    _speakerish,
    _subject,
)
from assets.text.quotes.titles import _is_title, _modifier_quote, _named_by_participle
from assets.text.quotes.words import (
    ADDRESSEE_VERBS,
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    EVALUATION_VERBS,
    NAMING_VERBS,
    ORG_NOUNS,
    PRONOUNS_GENDERED,
    REFUSAL_VERBS,
    SENT_END,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# A partial quotation this short takes its speaker only from someone who can speak.
PARTIAL_MAX_WORDS = 12
# A sentence after a quotation attributes it only when its reporting verb comes this early ("Ward said.",
# "the minister for trade told reporters.").
_BARE_ATTRIBUTION_MAX_WORDS = 8
# The attribution of a short quotation follows its closing mark within this many words (“…,” said X).
_POST_DIRECT_WORDS = 8
# Dashes that sign a quotation with its author's name (past any markup of the post: phrases.MARKUP).
_DASHES = ("—", "–", "-", "--", "―")
# How many heads up from a quoted fragment a verb of judgement may govern it ("condemned the “…” of a vessel").
_EVALUATION_CLIMB = 4


def _frame(idx: _Index, q: _Quote, forward: bool) -> list[Token]:
    """Tokens outside quotations next to a quote, up to the sentence edge (same paragraph)."""
    doc = idx.doc
    ps, pe = idx.paras[q.para]
    out: list[Token] = []
    if forward:
        if q.close_at is None:
            return out
        i = idx.tok_at(q.close_at)
        if doc[i].idx <= q.close_at:
            i += 1
        while i < len(doc) and doc[i].idx < pe:
            t = doc[i]
            if idx.in_quote(t) or t.text == ";":
                break
            out.append(t)
            if t.text in SENT_END:
                break
            i += 1
    else:
        i = idx.tok_at(q.open_at) - 1
        # "… an analyst at Pell & Co. “When …”": an abbreviation's dot before a capitalised quotation also ends
        # the sentence
        opens_capital = idx.body[q.start : q.start + 1].isupper()
        if i >= 0 and opens_capital and len(doc[i].text) > 1 and doc[i].text.endswith("."):
            return out
        while i >= 0 and doc[i].idx >= ps:
            t = doc[i]
            if idx.in_quote(t) or t.text in SENT_END or t.text == ";":
                break
            out.insert(0, t)
            i -= 1
    return out


def _has_outside_clause(idx: _Index, verb: Token, q: _Quote) -> bool:
    """The verb reports a clause of its own (not this quotation)."""
    return any(not any(idx.tok_quote[t.i] >= 0 for t in c.subtree) for c in idx.kids(verb, ("ccomp",)))


def _post_attribution(idx: _Index, q: _Quote, frame: list[Token], ended: bool) -> Token | None:
    """The reporting verb after a quotation that attributes it (“…,” Ward said / “….” Ward said.)."""
    if ended and not (frame and frame[-1].text in SENT_END or _frame_hits_para_end(idx, q, frame)):
        return None  # the next sentence leads into another quotation: it is that one's attribution
    words = [t for t in frame if not t.is_punct]
    for n, t in enumerate(words):
        if not _is_reporting(t):
            continue
        if _has_outside_clause(idx, t, q):
            if ended:
                return None  # a fresh sentence of reported speech, not this quote's attribution
            continue
        if ended and not _bare_attribution(idx, t, n):
            return None
        return t
    return None


def _bare_attribution(idx: _Index, verb: Token, n: int) -> bool:
    """A sentence like 'Ward said.' / 'he told Reuters.' that can only attribute the quote before it."""
    if n > _BARE_ATTRIBUTION_MAX_WORDS or verb.lemma_.lower() in COGNITION_VERBS:
        return False
    if any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_VERBS
    ):
        return False  # "The ministry declined to comment." says nothing, so attributes nothing
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False  # "The review had been written by its critic." is about a text, not this quotation's speaker
    for c in idx.kids(verb):
        if idx.in_quote(c):
            continue  # the quotation itself hangs on the verb: “…?” asked Nair.
        if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp"):
            return False
        if c.dep_ == "dobj" and verb.lemma_.lower() not in ADDRESSEE_VERBS:
            return False
    return True


def _frame_hits_para_end(idx: _Index, q: _Quote, frame: list[Token]) -> bool:
    """The frame after a quotation runs to the paragraph's end (or is empty)."""
    if not frame:
        return True
    pe = idx.paras[q.para][1]
    last = frame[-1]
    return last.idx + len(last.text) >= pe


def _pre_attribution(idx: _Index, q: _Quote, frame: list[Token]) -> Token | None:
    """The reporting verb before a quotation that introduces it (Ward said: “…” / Ward called it “…”)."""
    if not frame:
        return None
    qtoks = idx.quote_tokens(q)
    qset = {t.i for t in qtoks}
    last = frame[-1]
    for t in reversed(frame):
        if not _is_reporting(t) or _document_participle(t) or t.dep_ == "amod":
            continue  # "in a written decision:" describes the document
        sub = {s.i for s in t.subtree}
        if qset and qset & sub:
            if _has_outside_clause(idx, t, q) and not _clause_holds_quote(t, qset):
                continue
            return t
        if (last.text in (":", ",", "that") or last.i == t.i) and not _has_outside_clause(idx, t, q):
            return t
        # "if not, Price warned, the recovery “may turn out …”": a comment clause on the quotation
        if t.dep_ == "parataxis" and t.head.i in qset:
            return t
    return None


def _document_participle(verb: Token) -> bool:
    """'said in a statement read to the court:': a participle on a document noun tells what happened to the
    document; the verb of the clause reports."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS


def _clause_holds_quote(verb: Token, qset: set[int]) -> bool:
    """The quotation lies inside one of the verb's clausal or object dependents."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd", "dobj", "advcl", "parataxis") and qset & {
            s.i for s in c.subtree
        }:
            return True
        # "described the deal as “a mistake”": the as-phrase is the naming verb's complement.
        if (
            c.dep_ == "prep"
            and c.lower_ == "as"
            and verb.lemma_.lower() in NAMING_VERBS
            and qset & {s.i for s in c.subtree}
        ):
            return True
    return False


def _attribute_quotes(idx: _Index) -> None:
    """Speaker, cue and kind (scare quote, title, embedded) of every quotation, in document order."""
    # A reader learns who is "she" as the story goes: the narrative's subject he/she are resolved in text order
    # first, so a quotation's he/she later on meets the genders they taught ("Lucia Santoro said … She added …").
    for tok in idx.doc:
        # main-clause subjects only: in "Solberg said that he would not appeal" the he is someone else
        if (
            tok.dep_ == "nsubj"
            and tok.head.dep_ == "ROOT"
            and tok.lower_ in PRONOUNS_GENDERED
            and not idx.in_quote(tok)
        ):
            _resolve_pronoun(idx, tok)
    for qi, q in enumerate(idx.quotes):
        _attribute_quote(idx, q, idx.quotes[qi - 1] if qi > 0 else None)


def _attribute_quote(idx: _Index, q: _Quote, prev: _Quote | None) -> None:
    """Attribute one quotation; prev is the quotation before it (for coordinated quotes)."""
    text = idx.body[q.start : q.end]
    pre = _frame(idx, q, forward=False)
    post = _frame(idx, q, forward=True)
    ended = text.rstrip("”\"’' ").endswith((".", "!", "?"))
    verb = _attribution_verb(idx, q, pre, post, ended)
    q.embedded = _is_embedded(pre, post, ended, verb)
    short = _word_count(text) <= SCARE_MAX_WORDS
    if verb is not None and short and q.embedded and not _short_quote_attached(idx, q, pre, post, verb):
        verb = None
    if verb is None:
        signer = _signature(idx, post)
        if signer is not None:
            _set_speaker(q, signer)  # “…” — Jonas Haller (@handle) May 2, 2024: an embedded post's author
            q.attributed = True
            q.flags.append("signed")
        else:
            _attribute_without_verb(idx, q, prev, pre, short)
    else:
        _attribute_to_verb(idx, q, verb, text)


def _attribution_verb(
    idx: _Index, q: _Quote, pre: list[Token], post: list[Token], ended: bool
) -> Token | None:
    """The reporting verb of a quotation: after it, else before it; none when a participle names it."""
    verb = _post_attribution(idx, q, post, ended) if post else None
    pre_verb = _pre_attribution(idx, q, pre)
    # A quotation inside the clause of a preceding verb ("Xi called Putin “an old friend” and said …").
    if (
        pre_verb is not None
        and pre
        and not pre[-1].is_punct
        and _clause_holds_quote(pre_verb, {t.i for t in idx.quote_tokens(q)})
    ):
        verb = pre_verb
    # "Farrelly told parliament: ‘… the State.’" is attributed by its colon (with a verb or without: "Analysts at
    # X were more upbeat: "…."") ; a verb in the next sentence is news.
    if verb is None or (ended and pre and pre[-1].text == ":"):
        verb = pre_verb
    if _named_by_participle(idx, q):
        verb = None
    return verb


def _is_embedded(pre: list[Token], post: list[Token], ended: bool, verb: Token | None) -> bool:
    """The quotation sits inside a sentence of the writer's (words before it, or unattributed words after)."""
    pre_words = [t for t in pre if not t.is_punct]
    post_words = [t for t in post if not t.is_punct]
    return (
        bool(pre_words)
        and not (pre and pre[-1].text == ":")
        or (bool(post_words) and not ended and verb is None)
    )


def _short_quote_attached(idx: _Index, q: _Quote, pre: list[Token], post: list[Token], verb: Token) -> bool:
    """A short embedded quotation belongs to its verb: set off by a colon or comma, or inside its clause."""
    qset = {t.i for t in idx.quote_tokens(q)}
    direct = bool(pre) and pre[-1].text in (":", ",") and not _modifier_quote(idx, q)
    direct = direct or _post_direct(post, verb)
    held = _clause_holds_quote(verb, qset) and not _modifier_quote(idx, q)
    return direct or held


def _post_direct(post: list[Token], verb: Token) -> bool:
    """The attribution follows the closing mark directly: “…,” said X / “…,” X said."""
    words = [t for t in post if not t.is_punct]
    return any(w.i == verb.i for w in words[:_POST_DIRECT_WORDS])


def _attribute_without_verb(
    idx: _Index, q: _Quote, prev: _Quote | None, pre: list[Token], short: bool
) -> None:
    """A quotation with no verb: a title, a coordinated quote, a colon-introduced quote or a scare quote."""
    if _is_title(idx, q, pre):
        q.title = True
        return
    if prev is not None and prev.attributed and prev.para == q.para and _coordinated(pre):
        _share_attribution(q, prev)  # “a tax on the poor” and “unfair to families”: one attribution for both
        return
    if pre and pre[-1].text == ":":
        spk = _colon_speaker(idx, pre)
        if spk is not None:
            # "Ward was blunt: “…”" names the speaker without a reporting verb.
            _set_speaker(q, spk)
            q.attributed = True
            q.flags.extend(spk.flags + ("colon_intro",))
            return
    if short and q.embedded:
        q.scare = True
        q.flags.append("scare_quote")
    elif q.embedded:
        verb = _evaluation_verb(idx, q)
        if verb is not None:
            _attribute_to_verb(idx, q, verb, idx.body[q.start : q.end])


def _evaluation_verb(idx: _Index, q: _Quote) -> Token | None:
    """A verb of judgement whose object holds the quoted fragment: "X condemned the “reckless seizure of …”"."""
    qset = {t.i for t in idx.quote_tokens(q)}
    for t in idx.quote_tokens(q):
        v = t.head
        for _ in range(_EVALUATION_CLIMB):
            if v.i in qset:
                break
            if v.pos_ == "VERB" and v.lemma_.lower() in EVALUATION_VERBS:
                subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                inside_subject = any(qset & {s.i for s in c.subtree} for c in subjects)
                return v if subjects and not inside_subject else None
            if v.head is v or idx.tok_para[v.head.i] != q.para:
                break
            v = v.head
    return None


def _signature(idx: _Index, post: list[Token]) -> _Speaker | None:
    """A name signed after a quotation with a dash, past any link or tag: “…” — Name (@handle) date."""
    words = [t for t in post if not MARKUP.search(t.text)]
    if len(words) < 2 or words[0].text not in _DASHES:
        return None
    m = idx.mention_at(words[1])
    if m is None or m.label not in ("PERSON", "ORG") or m.start_char != words[1].idx:
        return None
    return _Speaker(_surface(m), m.entity_key, m.label, mention=m.text)


def _set_speaker(q: _Quote, spk: _Speaker) -> None:
    """Give a quotation a speaker (and the words that named it)."""
    q.speaker, q.speaker_key, q.speaker_label = spk.surface, spk.key, spk.label
    q.pronoun, q.mention = spk.pronoun, spk.mention


def _share_attribution(q: _Quote, prev: _Quote) -> None:
    """Copy the previous quotation's speaker, cue and verb."""
    q.speaker, q.speaker_key, q.speaker_label, q.pronoun = (
        prev.speaker,
        prev.speaker_key,
        prev.speaker_label,
        prev.pronoun,
    )
    q.mention = prev.mention
    q.cue, q.verb_i, q.attributed = prev.cue, prev.verb_i, True
    q.embedded = prev.embedded
    q.flags.extend(f for f in prev.flags if f == "pronoun_speaker")


def _attribute_to_verb(idx: _Index, q: _Quote, verb: Token, text: str) -> None:
    """Cue and speaker from the quotation's verb (or an outer one when its subject cannot speak)."""
    spk = _speaker_for_verb(idx, verb)
    if q.embedded and _word_count(text) <= PARTIAL_MAX_WORDS:
        subj = _subject(idx, verb)
        if subj is not None and not _speakerish(idx, subj, spk):
            # “…” hung on a verb whose subject is a thing ("the price rise signalled “…”").
            outer = _outer_report(idx, verb)
            if outer is not None:
                verb, spk = outer
            else:
                spk, q.fallback = None, True
    q.attributed = True
    q.verb_i = verb.i
    q.cue = _cue(verb)
    if spk is not None:
        _set_speaker(q, spk)
        q.flags.extend(spk.flags)


def _coordinated(pre: list[Token]) -> bool:
    """Only a conjunction or comma separates this quotation from the one before it."""
    words = [t for t in pre if not t.is_space]
    return (
        bool(words)
        and all(t.is_punct or t.dep_ == "cc" or t.lower_ in ("and", "or", "but", "nor") for t in words)
        and any(t.lower_ in ("and", "or", "nor") for t in words)
    )


def _colon_speaker(idx: _Index, pre: list[Token]) -> _Speaker | None:
    """The named subject of a clause that introduces a quotation with a colon."""
    inside = {t.i for t in pre}
    for t in pre:
        if t.dep_ != "nsubj" or t.head.i not in inside:
            continue
        for p in t.children:  # "His message was simple:" / "Ward's verdict:"
            if p.dep_ == "poss" and p.lower_ in ("his", "her"):
                spk = _resolve_pronoun(idx, p)
                return spk or _Speaker(None, None, None, (), p.lower_, mention=p.text)
            if p.dep_ == "poss" and idx.mention_at(p) is not None and idx.mention_at(p).label == "PERSON":
                m = idx.mention_at(p)
                return _Speaker(_surface(m), m.entity_key, m.label, mention=m.text)
        if t.lower_ in PRONOUNS_GENDERED:
            return _speaker_from_token(idx, t, t.head)
        m = idx.mention_at(t)
        if (m is not None and m.label in ("PERSON", "ORG")) or _people_of_org(idx, t) is not None:
            return _speaker_from_token(idx, t, t.head)  # "Members of the X Association signed a letter:"
        if m is None and _definite(t) and (t.lemma_.lower() in ORG_NOUNS or is_role(t.lemma_)):
            spk = _speaker_from_token(idx, t, t.head)  # "The hospital posted on Facebook:"
            return spk if spk is not None and spk.key is not None else None
    return None
