"""Direct quotations and reported speech with their speakers."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from assets.text import lexicon
from assets.text.entities import ORG_DESIGNATORS, TITLE_WORDS, alias_lookup, is_role
from assets.text.records import Claim, Mention, Sentence

# Reporting verbs (lemmas) of news prose; used both to attribute quotes and to find reported speech.
REPORTING_VERBS = lexicon.words("speech", "reporting_verbs")
# Verbs that introduce a quoted characterisation rather than a clause: "called the talks “productive”".
NAMING_VERBS = frozenset(
    {"call", "describe", "dub", "label", "brand", "term", "characterize", "characterise", "portray"}
)
# Verbs whose object is the addressee, never the speaker.
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "ask", "urge", "warn", "promise", "remind", "brief"})
# Cognition verbs are reported speech only with a clause ("analysts expect the Fed to …" is not).
_COGNITION = frozenset(
    {"believe", "think", "expect", "hope", "fear", "wonder", "guess", "estimate", "forecast", "predict"}
)
PARTICLE_CUES = frozenset({("point", "out")})

PRONOUNS_MALE = frozenset({"he", "him", "his"})
PRONOUNS_FEMALE = frozenset({"she", "her", "hers"})
PRONOUNS_OTHER = frozenset({"they", "them", "it", "i", "we", "you"})
RELATIVES = frozenset({"who", "that", "which", "whom"})
_MALE_WORDS = frozenset(
    "mr mr. sir lord king prince father husband son brother spokesman chairman businessman congressman "
    "man uncle nephew grandfather actor emperor duke baron monsieur signor senor herr".split()
)
_FEMALE_WORDS = frozenset(
    "ms ms. mrs mrs. miss madam madame dame lady queen princess mother wife daughter sister spokeswoman "
    "chairwoman businesswoman congresswoman woman aunt niece grandmother actress empress duchess baroness".split()
)
TITLE_CUES = frozenset(
    """
    book film movie novel song album titled entitled called named documentary series show play poem
    memoir essay column headline podcast opera musical painting exhibition report article paper
    single track episode programme program channel magazine newspaper biography anthology
    """.split()
)
_TITLE_SMALL = frozenset(
    "a an the and or but nor of in on at to for by with from as vs vs. into over upon".split()
)
_SENT_END = frozenset({".", "!", "?"})
_WH = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who", "which", "whom"})
_ELISION = re.compile(r"(\d\d?s\b|\d\d\b|em\b|til\b|cause\b|n\b|tis\b|twas\b)", re.IGNORECASE)

# Definite descriptions that, as speakers, refer back to an organisation named earlier ("the company said").
ORG_NOUNS = frozenset(
    """
    company firm group developer operator bank lender insurer ministry agency department regulator utility
    carmaker automaker manufacturer producer retailer club union council commission authority board fund
    startup airline exporter importer miner conglomerate publisher broadcaster network party organisation
    organization institute university charity association federation consortium venture business brand
    maker watchdog carrier supplier chain consultancy
    """.split()
)
# Nouns for someone who speaks on an organisation's behalf without being named.
SPOKES_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "representative"}
)
# Documents that speak for whoever owns them ("its annual report said", "the board's own figures").
DOCUMENT_NOUNS = frozenset(
    """
    report statement filing figure data study survey document letter account result release analysis review
    memo minute budget forecast website note prospectus presentation
    """.split()
)
# Kinds of organisation, from a common noun ("the ministry") or a name's designator word ("Vantor Motors"):
# a definite description only points back at a named organisation of a compatible kind.
_ORG_KIND_WORDS = {
    "company": """
        company companies firm group maker carmaker automaker operator bank lender insurer retailer developer
        manufacturer producer utility startup exporter importer miner conglomerate publisher
        broadcaster business brand venture consortium supplier chain consultancy inc corp corporation co ltd llc plc ag sa nv
        gmbh holdings partners bancorp capital energy petroleum oil gas motors systems technologies
        technology labs laboratories pharmaceuticals pharma industries media insurance securities investments
        ventures mining resources electric telecom communications properties realty shipping logistics
        """,
    "government": """
        ministry department agency commission regulator watchdog authority board bureau office council committee
        government administration parliament senate congress assembly inspectorate directorate
        """,
    "airline": "airline airlines airways air carrier aviation",
    "union": "union federation confederation",
    "party": "party",
    "academic": "university college institute school",
    "sport": "club fc team united league",
}
ORG_KINDS = {w: kind for kind, words in _ORG_KIND_WORDS.items() for w in words.split()}
# A narrower kind is also a kind of the broader one: an airline is a company.
_KIND_PARENT = {"airline": "company"}
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "—", "–", "-", "--", "!", "?", "\n", "\n\n"})
SCARE_MAX_WORDS = 4
# A clause mostly made of one quotation is that quotation, not a separate reported claim.
QUOTED_SHARE_MAX = 0.8
INHERIT_PARAGRAPHS = 2
# The brief names the flag 'inherited'; the warehouse marts (sql/marts/quotes_by_speaker.sql) read 'inherited_speaker'.
INHERITED_FLAGS = ("inherited_speaker",)


@dataclass
class _Quote:
    start: int  # interior offsets (quote text without marks)
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the quote runs on into the next paragraph
    para: int
    single: bool
    chain: int = -1
    continued: bool = False  # the next paragraph continues this quotation
    speaker: str | None = None
    speaker_key: str | None = None
    speaker_label: str | None = None
    cue: str | None = None
    verb_i: int | None = None
    flags: list[str] = field(default_factory=list)
    scare: bool = False
    title: bool = False
    attributed: bool = False
    embedded: bool = False
    pronoun: str | None = None
    fallback: bool = False  # the verb's subject cannot speak: take the paragraph's last named speaker, if any


@dataclass
class _Speaker:
    surface: str | None
    key: str | None
    label: str | None
    flags: tuple[str, ...] = ()
    pronoun: str | None = None  # an unresolved pronoun speaker, resolved later from earlier speakers


@dataclass
class _Reported:
    start: int
    end: int
    cue: str
    speaker: _Speaker | None
    flags: list[str]


# --------------------------------------------------------------------------------------------
# Quote-mark structure


def _paragraphs(body: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _is_open_context(ch: str | None) -> bool:
    return ch is None or ch.isspace() or ch in "([{—–-/“‘\"'«„:"


def _single_role(body: str, i: int, ps: int, pe: int) -> str | None:
    """'open', 'close' or None (apostrophe) for a single quote mark at i."""
    ch = body[i]
    prev = body[i - 1] if i > ps else None
    nxt = body[i + 1] if i + 1 < pe else None
    if ch in "‘'" and _is_open_context(prev) and nxt is not None and (nxt.isalnum() or nxt in '“"….'):
        if _ELISION.match(body, i + 1):
            return None  # ’90s, ’em
        return "open"
    if ch in "’'" and prev is not None and not prev.isspace() and (nxt is None or not nxt.isalnum()):
        return "close"
    return None


def _double_role(body: str, i: int, ps: int, pe: int, inside: bool) -> str | None:
    ch = body[i]
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "close"
    if inside:
        return "close"  # straight marks alternate
    prev = body[i - 1] if i > ps else None
    nxt = body[i + 1] if i + 1 < pe else None
    if _is_open_context(prev) and nxt is not None and not nxt.isspace():
        return "open"
    return None  # a stray closing mark


def _scan_paragraph(body: str, pi: int, ps: int, pe: int) -> tuple[list[_Quote], int | None]:
    """Quotations closed inside one paragraph, and the offset of a double quote left open at its end."""
    ignore: set[int] = set()
    while True:
        quotes: list[_Quote] = []
        open_at: int | None = None
        single = False
        for i in range(ps, pe):
            ch = body[i]
            if i in ignore:
                continue
            if ch in '“”"„«»':
                if open_at is not None and single:
                    continue  # nested double marks inside a single-quoted quotation
                role = _double_role(body, i, ps, pe, open_at is not None)
                if role == "open" and open_at is None:
                    open_at, single = i, False
                elif role == "open" and open_at is not None:
                    open_at = i  # an earlier mark never closed: restart at the newer opening
                elif role == "close" and open_at is not None:
                    quotes.append(_Quote(open_at + 1, i, open_at, i, pi, False))
                    open_at = None
            elif ch in "‘’'":
                role = _single_role(body, i, ps, pe)
                if open_at is None and role == "open":
                    open_at, single = i, True
                elif open_at is not None and single and role == "close" and _closes_single(body, i, pe):
                    quotes.append(_Quote(open_at + 1, i, open_at, i, pi, True))
                    open_at = None
        if open_at is not None and single:
            ignore.add(open_at)  # an unmatched single mark is an apostrophe: rescan without it
            continue
        return quotes, open_at


def _scan_quotes(body: str) -> list[_Quote]:
    paras = _paragraphs(body)
    quotes: list[_Quote] = []
    for pi, (ps, pe) in enumerate(paras):
        found, open_at = _scan_paragraph(body, pi, ps, pe)
        quotes.extend(found)
        if open_at is not None:
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            continues = nxt is not None and body[nxt] in '“"„«'
            if continues or len(body[open_at:pe].split()) > SCARE_MAX_WORDS:
                q = _Quote(open_at + 1, pe, open_at, None, pi, False, continued=continues)
                if not continues:
                    q.flags.append("unclosed")  # no closing mark anywhere: kept to the paragraph's end
                quotes.append(q)
    out = []
    for q in quotes:
        s, e = q.start, q.end
        while s < e and body[s].isspace():
            s += 1
        while e > s and (body[e - 1].isspace() or body[e - 1] == ","):
            e -= 1
        if s < e and any(c.isalnum() for c in body[s:e]):
            q.start, q.end = s, e
            out.append(q)
    # Chains: a quotation continued over several paragraphs.
    chain = 0
    for k, q in enumerate(out):
        prev = out[k - 1] if k else None
        if prev is not None and prev.continued and prev.para == q.para - 1 and q.open_at == paras[q.para][0]:
            q.chain = prev.chain
        else:
            chain += 1
            q.chain = chain
    return out


def _closes_single(body: str, i: int, pe: int) -> bool:
    """A ’ after 's' followed by a lower-case word is more likely a plural possessive, unless nothing later closes."""
    if body[i - 1] not in "sS":
        return True
    m = re.match(r"\s+([a-z])", body[i + 1 : pe])
    if not m:
        return True
    return not any(_single_role(body, j, 0, pe) == "close" for j in range(i + 1, pe) if body[j] in "’'")


# --------------------------------------------------------------------------------------------
# Document index


class _Index:
    def __init__(self, doc: Doc, sentences: list[Sentence], mentions: list[Mention]):
        self.doc = doc
        self.body = doc.text
        self.sentences = sentences
        self.sent_starts = [s.start_char for s in sentences]
        self.mentions = sorted(mentions, key=lambda m: m.start_char)
        self.m_starts = [m.start_char for m in self.mentions]
        self.paras = _paragraphs(self.body)
        self.p_starts = [p[0] for p in self.paras]
        self.quotes = _scan_quotes(self.body)
        self.tok_quote = [-1] * len(doc)  # quote index covering each token (marks included)
        for qi, q in enumerate(self.quotes):
            lo = q.open_at
            hi = q.close_at + 1 if q.close_at is not None else q.end
            for t in self._tokens_in(lo, hi):
                self.tok_quote[t.i] = qi
        self.tok_para = [self.para_of(t.idx) for t in doc]
        self.gender = self._genders()

    def kids(self, tok: Token, deps: tuple[str, ...] | None = None) -> list[Token]:
        """Children in the same paragraph: the parser sometimes hangs a clause on a verb across a break."""
        p = self.tok_para[tok.i]
        return [c for c in tok.children if self.tok_para[c.i] == p and (deps is None or c.dep_ in deps)]

    def _tokens_in(self, lo: int, hi: int):
        doc = self.doc
        i = self._tok_at(lo)
        while i < len(doc) and doc[i].idx < hi:
            if doc[i].idx + len(doc[i].text) > lo:
                yield doc[i]
            i += 1

    def _tok_at(self, char: int) -> int:
        if not hasattr(self, "_tstarts"):
            self._tstarts = [t.idx for t in self.doc]
        return max(bisect.bisect_right(self._tstarts, char) - 1, 0)

    def sent_idx(self, char: int) -> int:
        if not self.sentences:
            return 0
        return self.sentences[max(bisect.bisect_right(self.sent_starts, char) - 1, 0)].sentence_idx

    def para_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.p_starts, char) - 1, 0)

    def mention_at(self, tok: Token) -> Mention | None:
        k = bisect.bisect_right(self.m_starts, tok.idx) - 1
        if k >= 0:
            m = self.mentions[k]
            if m.start_char <= tok.idx < m.end_char:
                return m
        return None

    def in_quote(self, tok: Token) -> bool:
        return self.tok_quote[tok.i] >= 0

    def mention_token(self, m: Mention) -> Token | None:
        toks = list(self._tokens_in(m.start_char, m.end_char))
        if not toks:
            return None
        # The syntactic head of the mention: the token whose head lies outside it.
        for t in toks:
            if not (m.start_char <= t.head.idx < m.end_char) or t.head == t:
                return t
        return toks[-1]

    def _genders(self) -> dict[str, str]:
        votes: dict[str, Counter] = {}
        doc = self.doc
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            words = [w.lower() for w in m.text.split()[:-1]]
            t0 = self._tok_at(m.start_char)
            if t0 > 0:
                words.append(doc[t0 - 1].text.lower())
            head = self.mention_token(m)
            if head is not None:
                words += [c.lower_ for c in head.children if c.dep_ == "appos"]
                if head.dep_ == "appos":
                    words.append(head.head.lower_)
                    if head.head.dep_ == "pobj" and head.head.head.dep_ == "prep":
                        words.append(head.head.head.head.lower_)  # "a spokeswoman for the union, Ana Ruiz"
            for w in words:
                if w in _MALE_WORDS:
                    votes.setdefault(m.entity_key, Counter())["m"] += 3
                elif w in _FEMALE_WORDS:
                    votes.setdefault(m.entity_key, Counter())["f"] += 3
        # A sentence naming one person and using only one gender of pronoun.
        for s in doc.sents:
            keys = {
                self.mention_at(t).entity_key
                for t in s
                if not self.in_quote(t) and self.mention_at(t) and self.mention_at(t).label == "PERSON"
            }
            if len(keys) != 1:
                continue
            prons = {t.lower_ for t in s if not self.in_quote(t) and t.pos_ == "PRON"}
            male = bool(prons & {"he", "him", "his", "himself"})
            female = bool(prons & {"she", "her", "hers", "herself"})
            if male != female:
                votes.setdefault(next(iter(keys)), Counter())["m" if male else "f"] += 1
        return {k: c.most_common(1)[0][0] for k, c in votes.items() if c}


# --------------------------------------------------------------------------------------------
# Speakers


def _cue(verb: Token) -> str:
    if verb.lower_ == "according":
        return "according to"
    if verb.lemma_.lower() == "put":
        return "put it"
    if verb.lemma_.lower() == "make":
        return "make clear"
    for c in verb.children:
        if c.dep_ == "prt" and (verb.lemma_, c.lower_) in PARTICLE_CUES:
            return f"{verb.lemma_} {c.lower_}"
    return verb.lemma_.lower()


def _is_reporting(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.lemma_.lower() == "put":  # "as Kevin Lam put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    if tok.lemma_.lower() == "make":  # "made (it) clear that …"
        return _clear_clause(tok) is not None
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma in NAMING_VERBS)


def _subject(idx: _Index, verb: Token) -> Token | None:
    if verb.lower_ == "according":
        for c in idx.kids(verb):
            if c.lower_ == "to":
                for p in idx.kids(c, ("pobj",)):
                    return p
        return None
    v = verb
    para = idx.tok_para[verb.i]
    for _ in range(4):
        for c in idx.kids(v, ("nsubj", "nsubjpass")):
            if c.dep_ == "nsubjpass" and (c.lower_ == "it" or v.lemma_.lower() in ADDRESSEE_VERBS):
                continue  # "it was announced", "he was told": no speaker there
            if idx.in_quote(c):
                continue  # “Jobs for whom?” asked X: the parser hung a word of the quotation on the verb
            return c
        nxt = None
        # Shared subject: "smiled and said", "said …, adding that", "went on to say", "was quoted as saying".
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and _is_reporting(v.head.head):
            nxt = v.head.head  # "said X was wrong and vowed …" with "vowed" hung on the clause
        elif v.dep_ in ("conj", "advcl", "xcomp") and v.head is not v:
            nxt = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            nxt = v.head.head
        if nxt is None or idx.tok_para[nxt.i] != para:
            break
        v = nxt
    # Parser slips on inverted attributions ("said Ward"): take a proper name right after the verb.
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    inverted = prev is not None and (prev.is_punct or idx.in_quote(prev))  # “…?” asked Nair
    if verb.lemma_.lower() not in ADDRESSEE_VERBS or inverted:
        for c in verb.rights:
            if (
                idx.tok_para[c.i] == para
                and c.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos", "dative")
                and c.pos_ == "PROPN"
            ):
                return c
            break
    return None


def _np_surface(idx: _Index, tok: Token) -> tuple[int, int]:
    """The speaker noun with its left modifiers ("senior administration official"), no article, no clauses."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "quantmod", "det", "case", "npadvmod"):
            start = min(start, c.left_edge.i)
    doc = tok.doc
    toks = [t for t in doc[start : tok.i + 1] if idx.tok_para[t.i] == idx.tok_para[tok.i] and not t.is_space]
    while toks and toks[0] is not tok and (toks[0].lower_ in ("a", "an", "the") or toks[0].is_punct):
        toks = toks[1:]
    if not toks:
        toks = [tok]
    end = tok
    for c in tok.rights:
        if c.dep_ == "case":
            end = c
        elif c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from") and c.i == end.i + 1:
            # "a spokesman for the chain Aeon": the organisation belongs to the speaker's description.
            sub = list(c.subtree)
            if len(sub) <= 8 and not any(t.is_punct or t.is_space for t in sub):
                end = sub[-1]
    return toks[0].idx, end.idx + len(end.text)


def _surface(m: Mention) -> str:
    """A speaker mention as written, without the titles before a person's name ("Treasurer Jim Chalmers")."""
    if m.label != "PERSON":
        return m.text
    words = m.text.split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS and words[0][:1].isupper():
        words = words[1:]
    return " ".join(words)


def _speaker_from_token(idx: _Index, tok: Token, verb: Token) -> _Speaker | None:
    low = tok.lower_
    if low in RELATIVES and verb.dep_ == "relcl":
        tok = verb.head
        low = tok.lower_
    if low in PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_OTHER:
        return _resolve_pronoun(idx, tok) or _Speaker(None, None, None, (), low)
    m = idx.mention_at(tok)
    if m is not None and m.label in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
        return _Speaker(_surface(m), m.entity_key, m.label)
    # "The Kremlin spokesman, Dmitry Peskov, said" / "The developer, Prairie Carbon Partners, says".
    for c in tok.children:
        if c.dep_ == "appos":
            am = idx.mention_at(c)
            if am is not None and am.label in ("PERSON", "ORG"):
                return _Speaker(_surface(am), am.entity_key, am.label)
    for c in tok.lefts:
        if c.dep_ == "compound":
            cm = idx.mention_at(c)
            if cm is not None and cm.label == "PERSON":
                return _Speaker(_surface(cm), cm.entity_key, cm.label)
    s, e = _np_surface(idx, tok)
    if tok.lemma_.lower() in SPOKES_NOUNS:
        named = _named_after_org(idx, tok)
        if named is not None:
            return named
        # An unnamed spokesperson speaks for the organisation: "a spokeswoman for Corvane", "a ministry spokesman".
        org = _represented_org(idx, tok)
        if org is not None:
            return _Speaker(idx.body[s:e], org.entity_key, org.label)
    surface = idx.body[s:e]
    key = None
    label = None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
        owner = _document_owner(idx, tok)
        if owner is not None:
            return _Speaker(surface, owner.entity_key, owner.label)
    if tok.pos_ == "PROPN":
        words = surface.split()
        while len(words) > 1 and words[0].lower() in TITLE_WORDS and words[0][:1].isupper():
            words = words[1:]
        surface = " ".join(words)
        key, label = _key_by_name(idx, surface)
    elif tok.lemma_.lower() in ORG_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children
    ):
        if not any(c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "prep" for c in tok.children):
            org = _antecedent_org(idx, tok)
            if org is not None:
                key, label = org.entity_key, org.label
    return _Speaker(surface, key, label)


def _document_owner(idx: _Index, tok: Token) -> Mention | None:
    """The organisation a document belongs to: "its report", "Brellin's filing", "a statement from the airline"."""
    holders = list(idx.kids(tok, ("poss",)))
    holders += [
        p
        for c in idx.kids(tok, ("prep",))
        if c.lower_ in ("from", "by", "of")
        for p in idx.kids(c, ("pobj",))
    ]
    for h in holders:
        if h.lower_ == "its":
            spk = _resolve_pronoun(idx, h)
            if spk is not None and spk.label == "ORG":
                return next((m for m in idx.mentions if m.entity_key == spk.key), None)
            continue
        for t in [h] + [c for c in h.lefts if c.dep_ in ("compound", "nmod")]:
            m = idx.mention_at(t)
            if m is not None:
                return m if m.label == "ORG" else None
        if (
            h.pos_ == "NOUN"
            and h.lemma_.lower() in ORG_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in h.children)
        ):
            if not any(c.dep_ in ("poss", "compound", "nmod", "prep") for c in h.children):
                return _antecedent_org(idx, h)
    return None


def _named_after_org(idx: _Index, tok: Token) -> _Speaker | None:
    """The spokesperson's own name, hung on the organisation: "a spokeswoman for Brellin Foods, Ana Ruiz, said"."""
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


def _antecedent_org(idx: _Index, tok: Token) -> Mention | None:
    """The organisation 'the company' refers to: one named with that noun, else the last subject organisation."""
    para = idx.para_of(tok.idx)
    noun = tok.lemma_.lower()
    want = ORG_KINDS.get(noun)
    cands, exact = [], []
    for m in reversed(idx.mentions[: bisect.bisect_left(idx.m_starts, tok.idx)]):
        head = idx.mention_token(m)
        if m.label == "ORG" and head is not None and not idx.in_quote(head) and not _place_like(idx, m):
            kind = _org_kind(idx, m, head)
            if (
                want is None
                or kind is None
                or want in (kind, _KIND_PARENT.get(kind))
                or noun in m.canonical.lower().split()
            ):
                cands.append(m)
                if want is not None and kind == want:
                    exact.append(m)
    for m in cands:
        if noun in m.canonical.lower().split():
            return m
    # An organisation described as that kind beats one of unknown kind ("the airline" is not the jet's maker).
    for group in (exact, cands):
        for m in group:
            if _is_salient(idx, m):
                return m
        for m in group:
            if para - idx.para_of(m.start_char) <= INHERIT_PARAGRAPHS:
                return m
    return None


# Prepositions that put a place after them; a person or an organisation there is rarely the one speaking next.
_PERSON_PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "around", "across", "throughout", "inside", "into"}
)
_ORG_PLACE_PREPS = frozenset({"in", "near", "outside", "around", "across", "throughout", "inside", "into"})
# Nouns whose "in" takes an organisation, not a place ("a stake in Ardent Mills").
_HOLDING_NOUNS = frozenset({"stake", "investment", "share", "shares", "holding", "interest", "confidence"})
# Nouns after a name that make it a place: "the Saltillo-Monterrey highway", "the Coahuila state government".
PLACE_NOUNS = frozenset(
    """
    highway motorway expressway freeway road route corridor state region province county district municipality
    city town village valley border
    """.split()
)


def _place_like(idx: _Index, m: Mention) -> bool:
    """A PERSON/ORG mention that is really where something happened, so never a speaker found nearby.

    The object of a locative preposition, a name before a place noun ("the X highway"), or a name the
    alias table knows as a place."""
    if m.label not in ("PERSON", "ORG"):
        return False
    hit = alias_lookup(m.canonical)
    if hit is not None and hit[1] in ("GPE", "LOC"):
        return True
    doc = idx.doc
    end = idx._tok_at(m.end_char - 1) + 1
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN":
        return True
    head = idx.mention_token(m)
    if head is None:
        return False
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if m.label == "PERSON":
        return prep.lower_ in _PERSON_PLACE_PREPS
    if prep.lower_ not in _ORG_PLACE_PREPS or prep.head.lower_ in _HOLDING_NOUNS:
        return False
    words = m.canonical.lower().replace(".", "").split()
    return (
        not any(w in ORG_DESIGNATORS or w in ORG_KINDS for w in words)
        and _org_kind(idx, m, idx.mention_token(m)) is None
    )


def _org_kind(idx: _Index, m: Mention, head: Token) -> str | None:
    """A named organisation's kind: from a noun beside it ("the UAW union", "Arvada, a shipping firm"), else its words."""
    doc = idx.doc
    end = idx._tok_at(m.end_char - 1) + 1
    if (
        end < len(doc)
        and doc[end].pos_ == "NOUN"
        and doc[end].lower_ in ORG_KINDS
        and doc[end].i == head.head.i
    ):
        return ORG_KINDS[doc[end].lower_]
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_KINDS:
            return ORG_KINDS[c.lemma_.lower()]
    words = m.canonical.lower().replace(".", "").split()
    for w in (words[-1], words[0]) if words else ():
        if w in ORG_KINDS:
            return ORG_KINDS[w]
    return None


def _key_by_name(idx: _Index, surface: str) -> tuple[str | None, str | None]:
    """Entity key of an untagged proper-name speaker that matches a mention's canonical name."""
    words = surface.lower().split()
    if not words:
        return None, None
    last = words[-1]
    keys = {
        m.entity_key: m.label
        for m in idx.mentions
        if m.label in ("PERSON", "ORG") and last in m.canonical.lower().split() and not _place_like(idx, m)
    }
    if len(keys) == 1:
        k, lab = next(iter(keys.items()))
        return k, lab
    return None, None


def _is_salient(idx: _Index, m: Mention) -> bool:
    head = idx.mention_token(m)
    if head is None:
        return False
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return head.dep_ in ("appos", "compound") and head.head.dep_ in ("nsubj", "nsubjpass")


def _resolve_pronoun(idx: _Index, pron: Token) -> _Speaker | None:
    low = pron.lower_
    pos = pron.idx
    para = idx.para_of(pos)
    if low in PRONOUNS_MALE or low in PRONOUNS_FEMALE:
        want = "m" if low in PRONOUNS_MALE else "f"
        labels = ("PERSON",)
    elif low in ("it", "its"):
        want, labels = None, ("ORG", "GPE")
    else:
        return None  # "they" mostly points back at a common-noun speaker ("analysts"): left to the speaker history
    k = bisect.bisect_left(idx.m_starts, pos) - 1
    nearest = None
    while k >= 0:
        m = idx.mentions[k]
        k -= 1
        if m.label not in labels or m.end_char > pos:
            continue
        t = idx.mention_token(m)
        if t is None or idx.in_quote(t) or _place_like(idx, m):
            continue
        if want is not None and idx.gender.get(m.entity_key, want) != want:
            continue
        if idx.para_of(m.start_char) < para - INHERIT_PARAGRAPHS:
            break
        if nearest is None:
            nearest = m
            if want is not None and _introduced(idx, m, t):
                # A newcomer presented with an age, role or relative clause (of a gender the pronoun allows)
                # becomes the one a following he/she means, even as the object of a preposition.
                return _learn_gender(
                    idx, want, _Speaker(_surface(m), m.entity_key, m.label, ("pronoun_speaker",))
                )
        if _is_salient(idx, m):
            return _learn_gender(
                idx, want, _Speaker(_surface(m), m.entity_key, m.label, ("pronoun_speaker",))
            )
    if nearest is not None and want is not None:
        return _learn_gender(
            idx, want, _Speaker(_surface(nearest), nearest.entity_key, nearest.label, ("pronoun_speaker",))
        )
    return None


def _introduced(idx: _Index, m: Mention, head: Token) -> bool:
    """The document's first mention of a person, described on the spot ("a neighbour, Ana Ruiz, 78, who …")."""
    if any(o.entity_key == m.entity_key for o in idx.mentions if o.start_char < m.start_char):
        return False
    if len(m.text.split()) < 2:
        return False
    return any(c.dep_ in ("appos", "relcl") and c.i > head.i for c in head.children)


def _learn_gender(idx: _Index, want: str | None, spk: _Speaker) -> _Speaker:
    """A he/she once resolved to a name tells the gender of that name for later pronouns."""
    if want is not None and spk.key is not None:
        idx.gender.setdefault(spk.key, want)
    return spk


# --------------------------------------------------------------------------------------------
# Quote attribution


def _frame(idx: _Index, q: _Quote, forward: bool) -> list[Token]:
    """Tokens outside quotations next to a quote, up to the sentence edge (same paragraph)."""
    doc = idx.doc
    ps, pe = idx.paras[q.para]
    out: list[Token] = []
    if forward:
        if q.close_at is None:
            return out
        i = idx._tok_at(q.close_at)
        if doc[i].idx <= q.close_at:
            i += 1
        while i < len(doc) and doc[i].idx < pe:
            t = doc[i]
            if idx.in_quote(t) or t.text == ";":
                break
            out.append(t)
            if t.text in _SENT_END:
                break
            i += 1
    else:
        i = idx._tok_at(q.open_at) - 1
        while i >= 0 and doc[i].idx >= ps:
            t = doc[i]
            if idx.in_quote(t) or t.text in _SENT_END or t.text == ";":
                break
            out.insert(0, t)
            i -= 1
    return out


def _quote_tokens(idx: _Index, q: _Quote) -> list[Token]:
    return list(idx._tokens_in(q.start, q.end))


def _has_outside_clause(idx: _Index, verb: Token, q: _Quote) -> bool:
    """The verb reports a clause of its own (not this quotation)."""
    return any(not any(idx.tok_quote[t.i] >= 0 for t in c.subtree) for c in idx.kids(verb, ("ccomp",)))


def _post_attribution(idx: _Index, q: _Quote, frame: list[Token], ended: bool) -> Token | None:
    if ended and not (frame and frame[-1].text in _SENT_END or _frame_hits_para_end(idx, q, frame)):
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
    if n > 8 or verb.lemma_.lower() in _COGNITION:
        return False
    for c in idx.kids(verb):
        if idx.in_quote(c):
            continue  # the quotation itself hangs on the verb: “…?” asked Nair.
        if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp"):
            return False
        if c.dep_ == "dobj" and verb.lemma_.lower() not in ADDRESSEE_VERBS:
            return False
    return True


def _frame_hits_para_end(idx: _Index, q: _Quote, frame: list[Token]) -> bool:
    if not frame:
        return True
    pe = idx.paras[q.para][1]
    last = frame[-1]
    return last.idx + len(last.text) >= pe


def _pre_attribution(idx: _Index, q: _Quote, frame: list[Token]) -> Token | None:
    if not frame:
        return None
    qtoks = _quote_tokens(idx, q)
    qset = {t.i for t in qtoks}
    last = frame[-1]
    for t in reversed(frame):
        if not _is_reporting(t):
            continue
        sub = {s.i for s in t.subtree}
        if qset and qset & sub:
            if _has_outside_clause(idx, t, q) and not _clause_holds_quote(t, qset):
                continue
            return t
        if (last.text in (":", ",", "that") or last.i == t.i) and not _has_outside_clause(idx, t, q):
            return t
    return None


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


def _modifier_quote(idx: _Index, q: _Quote) -> bool:
    """The quoted words modify a noun outside them ("a “no limits” partnership")."""
    toks = _quote_tokens(idx, q)
    qset = {t.i for t in toks}
    for t in toks:
        if t.head.i not in qset:
            if t.dep_ in ("amod", "compound", "nmod", "poss", "det", "nummod") and t.head.pos_ in (
                "NOUN",
                "PROPN",
            ):
                # English modifiers precede their noun; one after it is a complement the parser misread
                # ("called the accusations “simply untrue”").
                if t.head.i > t.i:
                    return True
    return False


def _named_by_participle(idx: _Index, q: _Quote) -> bool:
    """The quotation is the name a participle gives a noun ("a scheme called “cash-for-crude”"): nobody speaks."""
    qset = {t.i for t in _quote_tokens(idx, q)}
    for t in idx.doc[min(qset) : max(qset) + 1] if qset else ():
        h = t.head
        if h.i in qset:
            continue
        if (
            h.lemma_.lower() in NAMING_VERBS | {"know"}
            and h.tag_ == "VBN"
            and h.dep_ in ("acl", "relcl", "amod")
        ):
            return True
    return False


def _title_like(text: str) -> bool:
    words = [w.strip(".,:;!?\"'“”‘’()") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL or not w[:1].isalpha() for w in words)


def _is_title(idx: _Index, q: _Quote, pre: list[Token]) -> bool:
    text = idx.body[q.start : q.end]
    if not _title_like(text):
        return False
    if q.single and len(text.split()) <= 8 and not text.rstrip().endswith((".", "!", "?")):
        return True
    if any(t.lower_ in TITLE_CUES for t in pre[-4:]):
        return True
    return any(t.ent_type_ == "WORK_OF_ART" for t in idx._tokens_in(q.start, q.end))


def _speaker_for_verb(idx: _Index, verb: Token) -> _Speaker | None:
    subj = _subject(idx, verb)
    if subj is None:
        return None
    return _speaker_from_token(idx, subj, verb)


# A partial quotation this short takes its speaker only from someone who can speak.
PARTIAL_MAX_WORDS = 12
# Person words beyond the role nouns: "critics called it …", "some described it as …".
PERSON_NOUNS = frozenset(
    """
    critic expert people person official observer supporter opponent source aide executive staff resident
    one some many others several both most few all member members
    """.split()
)


def _speakerish(idx: _Index, subj: Token, spk: _Speaker | None) -> bool:
    """The subject of a quote's verb is a name, a pronoun, a person or an organisation (not "the price rise")."""
    if spk is not None and (spk.key is not None or spk.label is not None or spk.pronoun):
        return True
    low, lemma = subj.lower_, subj.lemma_.lower()
    if low in PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_OTHER | RELATIVES or subj.pos_ in ("PROPN", "PRON"):
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
    for _ in range(4):
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


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _attribute_quotes(idx: _Index) -> None:
    body = idx.body
    for qi, q in enumerate(idx.quotes):
        text = body[q.start : q.end]
        pre = _frame(idx, q, forward=False)
        post = _frame(idx, q, forward=True)
        ended = text.rstrip("”\"’' ").endswith((".", "!", "?"))
        verb = _post_attribution(idx, q, post, ended) if post else None
        pre_verb = _pre_attribution(idx, q, pre)
        if pre_verb is not None and pre and not pre[-1].is_punct:
            # A quotation inside the clause of a preceding verb ("Xi called Putin “an old friend” and said …").
            if _clause_holds_quote(pre_verb, {t.i for t in _quote_tokens(idx, q)}):
                verb = pre_verb
        if verb is None:
            verb = pre_verb
        if _named_by_participle(idx, q):
            verb = None
        pre_words = [t for t in pre if not t.is_punct]
        post_words = [t for t in post if not t.is_punct]
        q.embedded = (
            bool(pre_words)
            and not (pre and pre[-1].text == ":")
            or (bool(post_words) and not ended and verb is None)
        )
        short = _word_count(text) <= SCARE_MAX_WORDS
        if verb is not None and short and q.embedded:
            qset = {t.i for t in _quote_tokens(idx, q)}
            direct = bool(pre) and pre[-1].text in (":", ",") and not _modifier_quote(idx, q)
            direct = direct or _post_direct(post, verb)
            held = _clause_holds_quote(verb, qset) and not _modifier_quote(idx, q)
            if not (direct or held):
                verb = None
        if verb is None and _is_title(idx, q, pre):
            q.title = True
            continue
        prev = idx.quotes[qi - 1] if qi > 0 else None
        if (
            verb is None
            and prev is not None
            and prev.attributed
            and prev.para == q.para
            and _coordinated(pre)
        ):
            # “a tax on the poor” and “unfair to families”: one attribution for both.
            q.speaker, q.speaker_key, q.speaker_label, q.pronoun = (
                prev.speaker,
                prev.speaker_key,
                prev.speaker_label,
                prev.pronoun,
            )
            q.cue, q.verb_i, q.attributed = prev.cue, prev.verb_i, True
            q.embedded = prev.embedded
            q.flags.extend(f for f in prev.flags if f == "pronoun_speaker")
            continue
        if verb is None and pre and pre[-1].text == ":":
            spk = _colon_speaker(idx, pre)
            if spk is not None:
                # "Ward was blunt: “…”" names the speaker without a reporting verb.
                q.speaker, q.speaker_key, q.speaker_label, q.pronoun = (
                    spk.surface,
                    spk.key,
                    spk.label,
                    spk.pronoun,
                )
                q.attributed = True
                q.flags.extend(spk.flags + ("colon_intro",))
                continue
        if verb is None:
            if short and q.embedded:
                q.scare = True
                q.flags.append("scare_quote")
            continue
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
            q.speaker, q.speaker_key, q.speaker_label = spk.surface, spk.key, spk.label
            q.pronoun = spk.pronoun
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
                return spk or _Speaker(None, None, None, (), p.lower_)
            if p.dep_ == "poss" and idx.mention_at(p) is not None and idx.mention_at(p).label == "PERSON":
                m = idx.mention_at(p)
                return _Speaker(_surface(m), m.entity_key, m.label)
        if t.lower_ in PRONOUNS_MALE | PRONOUNS_FEMALE:
            return _speaker_from_token(idx, t, t.head)
        m = idx.mention_at(t)
        if m is not None and m.label in ("PERSON", "ORG"):
            return _speaker_from_token(idx, t, t.head)
    return None


def _post_direct(post: list[Token], verb: Token) -> bool:
    """The attribution follows the closing mark directly: “…,” said X / “…,” X said."""
    words = [t for t in post if not t.is_punct]
    return any(w.i == verb.i for w in words[:8])


def _compatible_speaker(
    idx: _Index, pronoun: str | None, key: str | None, label: str | None, surface: str
) -> bool:
    words = surface.lower().split()
    surface_noun = words[-1] if words else ""
    if pronoun in PRONOUNS_MALE or pronoun in PRONOUNS_FEMALE:
        if label not in (None, "PERSON"):
            return False
        want = "m" if pronoun in PRONOUNS_MALE else "f"
        return key is None or idx.gender.get(key, want) == want
    if pronoun == "it":
        return label in ("ORG", "GPE") or (label is None and surface_noun in ORG_NOUNS)
    if pronoun in ("they", "them"):
        return label != "PERSON"
    return False


def _intro_person(idx: _Index, q: _Quote) -> Mention | None:
    """The person a narrative sentence just before an unattributed quotation is about ("Ward spent years …")."""
    lo = idx.paras[q.para - 1][0] if q.para > 0 else idx.paras[q.para][0]
    k = bisect.bisect_left(idx.m_starts, q.open_at) - 1
    while k >= 0 and idx.mentions[k].start_char >= lo:
        m = idx.mentions[k]
        k -= 1
        t = idx.mention_token(m)
        if m.label != "PERSON" or t is None or idx.in_quote(t) or _place_like(idx, m):
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
            if not any(_is_reporting(x) and not idx.in_quote(x) for x in t.sent):
                return m
            return None
    return None


def _propagate(idx: _Index, reported: list[_Reported]) -> None:
    """Resolve leftover pronoun speakers and let unattributed quotations inherit, in document order."""
    chains: dict[int, list[_Quote]] = {}
    for q in idx.quotes:
        chains.setdefault(q.chain, []).append(q)
    # Items in document order: ("q", chain parts) or ("r", reported claim).
    items: list[tuple[int, str, object]] = [(parts[0].start, "q", parts) for parts in chains.values()]
    items += [(r.start, "r", r) for r in reported]
    items.sort(key=lambda it: (it[0], it[1]))
    history: list[tuple[int, int, str, str | None, str | None]] = []  # (pos, para, surface, key, label)

    def recall(para: int, pronoun: str | None) -> tuple[int, str, str | None, str | None] | None:
        for hpos, hp, surface, key, label in reversed(history):
            if para - hp > INHERIT_PARAGRAPHS:
                return None
            if pronoun is None or _compatible_speaker(idx, pronoun, key, label, surface):
                return hpos, surface, key, label
        return None

    for pos, kind, obj in items:
        para = idx.para_of(pos)
        if kind == "r":
            r = obj
            if r.speaker is not None and r.speaker.surface is None and r.speaker.pronoun:
                hit = recall(para, r.speaker.pronoun)
                r.speaker = _Speaker(*hit[1:], ("pronoun_speaker",)) if hit else None
            if r.speaker is not None and r.speaker.surface:
                history.append((pos, para, r.speaker.surface, r.speaker.key, r.speaker.label))
            continue
        parts: list[_Quote] = obj
        if all(p.scare or p.title for p in parts):
            continue
        src = next((p for p in reversed(parts) if p.attributed), None)
        if src is not None and src.speaker is None and src.pronoun:
            hit = recall(para, src.pronoun)
            if hit:
                src.speaker, src.speaker_key, src.speaker_label = hit[1:]
                src.flags.append("pronoun_speaker")
        if src is not None and src.speaker is None and src.fallback:
            for _hpos, hp, surface, key, label in reversed(history):
                if hp != para:
                    break
                if key is not None and label in ("PERSON", "ORG"):
                    src.speaker, src.speaker_key, src.speaker_label = surface, key, label
                    break
        flag = False
        if src is None:
            if any(p.embedded for p in parts):
                continue
            hit = recall(para, None)
            intro = _intro_person(idx, parts[0])
            if intro is not None and (hit is None or intro.start_char > hit[0]):
                hit = (intro.start_char, _surface(intro), intro.entity_key, intro.label)
            if hit is None:
                continue
            _, speaker, key, label = hit
            cue = None
            flag = True
        else:
            speaker, key, label, cue = src.speaker, src.speaker_key, src.speaker_label, src.cue
        for p in parts:
            if p is src or p.scare or p.title:
                continue
            p.speaker, p.speaker_key, p.speaker_label, p.cue = speaker, key, label, cue
            p.attributed = p.attributed or src is not None
            if flag:
                p.flags.extend(INHERITED_FLAGS)
            elif src is not None:
                p.flags.extend(f for f in src.flags if f == "pronoun_speaker")
        if speaker:
            history.append((parts[-1].start, idx.para_of(parts[-1].start), speaker, key, label))


# --------------------------------------------------------------------------------------------
# Reported speech


def _content_span(idx: _Index, verb: Token) -> tuple[int, int, list[str]] | None:
    doc = idx.doc
    flags: list[str] = []
    as_clause = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and bool(idx.kids(verb, ("nsubj",)))  # "as expected" has nobody speaking
    )
    if verb.lower_ == "according" or (as_clause and not idx.kids(verb, ("ccomp",))):
        # "…, according to X" / "As the IMF noted, …": the content is the clause the phrase hangs on.
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
    para = idx.para_of(verb.idx)
    if verb.lemma_.lower() == "make":
        clause = _clear_clause(verb)
        return _span_of(
            idx, [t for t in clause.subtree if t.i > clause.left_edge.i or t.lower_ != "that"], flags
        )
    comps = [c for c in idx.kids(verb, ("ccomp",)) if not idx.in_quote(c)]
    comp = min(comps, key=lambda c: abs(c.i - verb.i)) if comps else None
    if comp is None:
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
                toks = list(doc[min(t.i for t in toks) : max(t.i for t in toks) + 1])
            return _span_of(idx, toks, flags)
        if verb.lemma_.lower() in NAMING_VERBS:
            obj = next(iter(idx.kids(verb, ("dobj",))), None)
            as_ = next((c for c in idx.kids(verb, ("prep",)) if c.lower_ == "as"), None)
            if obj is not None and as_ is not None and obj.i < as_.i and obj.lower_ not in RELATIVES:
                if any(idx.in_quote(t) for t in as_.subtree):
                    return None  # the quoted characterisation is a quotation of its own, not a reported claim
                return _span_of(idx, list(obj.subtree) + list(as_.subtree), flags)
        return None
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children):
        return None  # "expects the deal to close": a forecast about an object, not a reported statement
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
        # Inverted attribution ("Both leaders distrust the West, said Wyne"): the clause ends at a comma or a quote.
        gap = idx.doc[toks[-1].i + 1 : verb.i]
        if any(t.text == ";" for t in gap) or not any(t.text in (",", "”", '"', "—", "–") for t in gap):
            return None
    while toks and (
        toks[0].dep_ == "mark"
        and toks[0].lower_ in ("that",)
        or toks[0].is_punct
        and not _opens_quote(toks[0])
    ):
        toks = toks[1:]
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    for c in comp.children:
        # "said on Friday it would …": a time phrase before the subject of a clause without 'that' dates the saying.
        if (
            subj is not None
            and c.i < subj.i
            and c.left_edge.i == verb.i + 1
            and c.dep_ in ("prep", "npadvmod")
        ):
            if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
                toks = [t for t in toks if t.i > c.right_edge.i]
    if (
        len(toks) > 1
        and toks[0].lower_ == "that"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != toks[0].i for c in comp.children)
    ):
        toks = toks[1:]  # a complementiser the parser took for a pronoun
    if toks and toks[0].lower_ in _WH:
        return None  # indirect questions ("asked whether …") are not claims
    return _span_of(idx, toks, flags)


def _clear_clause(verb: Token) -> Token | None:
    """The that-clause of 'made (it) clear that …', wherever the parser hung it."""
    for c in verb.children:
        if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp"):
            for k in list(c.children) + list(verb.children):
                if k.dep_ in ("csubj", "advcl", "ccomp") and k.left_edge.lower_ == "that" and k.i > c.i:
                    return k
    return None


def _detached_predicate(idx: _Index, verb: Token, last: int) -> Token | None:
    """A that-clause's modal predicate the parser hung on the reporting verb ("that the beetle, seen …, could spread")."""
    for c in idx.kids(verb, ("conj",)):
        if c.i <= last or any(k.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for k in c.children):
            continue
        if c.left_edge.dep_ != "aux" or c.left_edge.tag_ != "MD":
            continue
        if all(t.is_punct for t in idx.doc[last + 1 : c.left_edge.i]):
            return c
    return None


def _that_relative(verb: Token) -> Token | None:
    """'said in a statement that …' / 'told a meeting that …': a complement clause parsed as a relative clause."""
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
    """A clause inside the content with its own speaker ("…, while freight operators say …") ends the content."""
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
    """Further content after a mid-sentence attribution ("A is old, X told the council, and B will cost millions")."""
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
        # An independent clause about something else; "…, she said, and she left" narrates the speaker instead.
        if subj and subj[0].lower_ not in PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_OTHER:
            if not any(_is_reporting(t) and t.i != c.i for t in c.subtree):
                out.append(c)
    return out


def _extra_content(idx: _Index, verb: Token) -> list[tuple[int, int, list[str]]]:
    """More content clauses of one reporting verb: coordinated 'that'-clauses and post-attribution continuations."""
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
    return t.text in ("“", '"', "‘", "'")


def _span_of(idx: _Index, toks: list[Token], flags: list[str]) -> tuple[int, int, list[str]] | None:
    if not toks:
        return None
    toks = _skip_dateline(idx, sorted(toks, key=lambda t: t.i))
    while toks and (toks[-1].text in _EDGE_PUNCT or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    while toks and toks[0].text in _EDGE_PUNCT:
        toks = toks[1:]
    if not toks:
        return None
    s = toks[0].idx
    e = toks[-1].idx + len(toks[-1].text)
    # Keep quotation marks balanced: a clause that ends inside a quotation takes its closing mark.
    for q in idx.quotes:
        if s <= q.open_at < e and q.close_at is not None and q.close_at >= e:
            if idx.para_of(q.close_at) == idx.para_of(s):
                e = q.close_at + 1
    return s, e, flags


def _skip_dateline(idx: _Index, toks: list[Token]) -> list[Token]:
    """Drop a dateline ("TOKYO —", "LONDON (Reuters) -") that opens the paragraph."""
    if not toks or toks[0].idx != idx.paras[idx.tok_para[toks[0].i]][0]:
        return toks
    for n, t in enumerate(toks[:8]):
        if t.text in ("—", "–", "-", "--") and n > 0:
            head = toks[:n]
            if all(
                x.is_punct or x.text.isupper() or x.text in ("Reuters", "AP", "AFP", "Bloomberg")
                for x in head
            ):
                return toks[n + 1 :]
            return toks
    return toks


def _quoted_share(idx: _Index, s: int, e: int) -> float:
    inside = 0
    for q in idx.quotes:
        lo, hi = max(s, q.start), min(e, q.end)
        if hi > lo:
            inside += hi - lo
    return inside / max(e - s, 1)


def _find_reported(idx: _Index, quote_verbs: set[int]) -> list[_Reported]:
    out: list[_Reported] = []
    for tok in idx.doc:
        if idx.in_quote(tok) or not _is_reporting(tok) or tok.i in quote_verbs:
            continue
        if (
            tok.lemma_.lower() in NAMING_VERBS
            and tok.lemma_.lower() not in REPORTING_VERBS
            and not any(c.dep_ == "dobj" for c in tok.children)
        ):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not say"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("decline", "refuse", "fail"):
            continue
        span = _content_span(idx, tok)
        if span is None:
            continue
        s, e, flags = span
        if _word_count(idx.body[s:e]) < 2 or _quoted_share(idx, s, e) >= QUOTED_SHARE_MAX:
            continue
        spk = _speaker_for_verb(idx, tok)
        out.append(_Reported(s, e, _cue(tok), spk, list(flags)))
        for s2, e2, flags2 in _extra_content(idx, tok):
            if _word_count(idx.body[s2:e2]) >= 2 and _quoted_share(idx, s2, e2) < QUOTED_SHARE_MAX:
                out.append(_Reported(s2, e2, _cue(tok), spk, list(flags2)))
    return out


def _reported_claims(idx: _Index, reported: list[_Reported]) -> list[Claim]:
    claims = []
    for r in reported:
        spk = r.speaker if r.speaker is not None and r.speaker.surface else None
        flags = list(r.flags) + (list(spk.flags) if spk else [])
        claims.append(
            Claim(
                sentence_idx=idx.sent_idx(r.start),
                start_char=r.start,
                end_char=r.end,
                kind="reported",
                text=idx.body[r.start : r.end],
                speaker=spk.surface if spk else None,
                speaker_key=spk.key if spk else None,
                cue=r.cue,
                flags=tuple(dict.fromkeys(flags)),
            )
        )
    return claims


# --------------------------------------------------------------------------------------------
# Entry points


def _analyse(doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> tuple[list[Claim], list[Claim]]:
    cache_key = ("dossier.quotes", len(sentences), hash(tuple(mentions)))
    cached = doc.user_data.get("dossier.quotes")
    if cached is not None and cached[0] == cache_key:
        return cached[1]
    idx = _Index(doc, sentences, mentions)
    _attribute_quotes(idx)
    # Attribution verbs of direct quotations are not reported speech; a partial quotation inside a clause is.
    quote_verbs = {q.verb_i for q in idx.quotes if q.verb_i is not None and not q.embedded}
    reported = _find_reported(idx, quote_verbs)
    _propagate(idx, reported)
    result = (_quote_claims(idx), _reported_claims(idx, reported))
    doc.user_data["dossier.quotes"] = (cache_key, result)
    return result


def _norm_quote(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def _quote_claims(idx: _Index) -> list[Claim]:
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for q in idx.quotes:
        if q.title:
            continue
        text = idx.body[q.start : q.end]
        flags = list(dict.fromkeys(q.flags))
        if q.continued or any(o.chain == q.chain and o is not q for o in idx.quotes):
            flags.append("multi_paragraph")
        claim = Claim(
            sentence_idx=idx.sent_idx(q.start),
            start_char=q.start,
            end_char=q.end,
            kind="quote",
            text=text,
            speaker=None if q.scare else q.speaker,
            speaker_key=None if q.scare else q.speaker_key,
            cue=None if q.scare else q.cue,
            flags=tuple(flags),
        )
        key = _norm_quote(text)
        if key in seen:
            k = seen[key]
            if claims[k].speaker is None and claim.speaker is not None and not q.scare:
                claims[k] = replace(
                    claims[k],
                    speaker=claim.speaker,
                    speaker_key=claim.speaker_key,
                    cue=claim.cue,
                    flags=claim.flags,
                )
            continue
        seen[key] = len(claims)
        claims.append(claim)
    return claims


def find_quotes(doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """Direct quotations with their speaker."""
    return list(_analyse(doc, sentences, mentions)[0])


def find_reported(doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """Reported speech: speaker + content clause from the dependency parse."""
    return list(_analyse(doc, sentences, mentions)[1])
