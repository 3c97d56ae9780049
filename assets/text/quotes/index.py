"""The per-document index the rules share: tokens by offset, mentions, paragraphs, quotations and genders."""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING

from assets.text.quotes.marks import _paragraphs, _scan_quotes
from assets.text.quotes.model import _Quote
from assets.text.quotes.words import FEMALE_PRONOUN_FORMS, FEMALE_WORDS, MALE_PRONOUN_FORMS, MALE_WORDS
from assets.text.records import Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# A gendered title or role word beside a name outweighs a sentence's pronouns, which may mean someone else.
_WORD_VOTE = 3
_PRONOUN_VOTE = 1
# Tags of the words of a noun phrase before its head, a possessive pronoun among them ("her co-author").
_PHRASE_TAGS = frozenset({"PRP$", "NN", "NNS", "NNP", "JJ", "HYPH"})


class _Index:
    """One document's tokens, mentions, paragraphs and quotations, indexed by offset for the rules."""

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
            for t in self.tokens_in(lo, hi):
                self.tok_quote[t.i] = qi
        self.tok_para = [self.para_of(t.idx) for t in doc]
        self.gender = self._genders()
        self.referents: list | None = None  # the people and organisations met, built by coref on first use

    def kids(self, tok: Token, deps: tuple[str, ...] | None = None) -> list[Token]:
        """Children in the same paragraph: the parser sometimes hangs a clause on a verb across a break."""
        p = self.tok_para[tok.i]
        return [c for c in tok.children if self.tok_para[c.i] == p and (deps is None or c.dep_ in deps)]

    def tokens_in(self, lo: int, hi: int):
        """Tokens overlapping the characters lo..hi."""
        doc = self.doc
        i = self.tok_at(lo)
        while i < len(doc) and doc[i].idx < hi:
            if doc[i].idx + len(doc[i].text) > lo:
                yield doc[i]
            i += 1

    def quote_tokens(self, q: _Quote) -> list[Token]:
        """The tokens of a quotation's words (marks excluded)."""
        return list(self.tokens_in(q.start, q.end))

    def tok_at(self, char: int) -> int:
        """Index of the token at (or last before) a character offset."""
        if not hasattr(self, "_tstarts"):
            self._tstarts = [t.idx for t in self.doc]
        return max(bisect.bisect_right(self._tstarts, char) - 1, 0)

    def sent_idx(self, char: int) -> int:
        """Index of the sentence holding a character offset."""
        if not self.sentences:
            return 0
        return self.sentences[max(bisect.bisect_right(self.sent_starts, char) - 1, 0)].sentence_idx

    def para_of(self, char: int) -> int:
        """Index of the paragraph holding a character offset."""
        return max(bisect.bisect_right(self.p_starts, char) - 1, 0)

    def mention_at(self, tok: Token) -> Mention | None:
        """The entity mention covering a token."""
        k = bisect.bisect_right(self.m_starts, tok.idx) - 1
        if k >= 0:
            m = self.mentions[k]
            if m.start_char <= tok.idx < m.end_char:
                return m
        return None

    def in_quote(self, tok: Token) -> bool:
        """The token lies inside a quotation (marks included)."""
        return self.tok_quote[tok.i] >= 0

    def mention_token(self, m: Mention) -> Token | None:
        """The syntactic head of a mention: its token whose head lies outside it."""
        toks = list(self.tokens_in(m.start_char, m.end_char))
        if not toks:
            return None
        # The syntactic head of the mention: the token whose head lies outside it.
        for t in toks:
            if not (m.start_char <= t.head.idx < m.end_char) or t.head == t:
                return t
        return toks[-1]

    def _genders(self) -> dict[str, str]:
        """Each person's gender, 'm' or 'f', by votes of the words beside their names and of pronouns."""
        votes: dict[str, Counter] = {}
        self._vote_by_words(votes)
        self._vote_by_pronouns(votes)
        return {k: c.most_common(1)[0][0] for k, c in votes.items() if c}

    def _vote_by_words(self, votes: dict[str, Counter]) -> None:
        """Gendered titles and role words in, before or in apposition to a person's name."""
        doc = self.doc
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            words = [w.lower() for w in m.text.split()[:-1]]
            t0 = self.tok_at(m.start_char)
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
                if w in MALE_WORDS:
                    votes.setdefault(m.entity_key, Counter())["m"] += _WORD_VOTE
                elif w in FEMALE_WORDS:
                    votes.setdefault(m.entity_key, Counter())["f"] += _WORD_VOTE

    def _name_phrase(self, sent) -> set[int]:
        """Tokens of the noun phrases in apposition with the sentence's person names ("Her co-author, Samuel
        Okoro," / "Samuel Okoro, her co-author,"): a possessive there is someone else's."""
        doc = self.doc
        out: set[int] = set()
        for t in sent:
            m = self.mention_at(t)
            if m is None or m.label != "PERSON":
                continue
            for c in t.children:
                if c.dep_ == "appos":
                    out.update(x.i for x in c.subtree)
            if t.dep_ == "appos":
                i = t.head.i  # walk the phrase leftwards: the parser may hang "Her" on "co" of "co-author"
                while i > sent.start and doc[i - 1].tag_ in _PHRASE_TAGS:
                    i -= 1
                out.update(range(i, t.head.i + 1))
        return out

    def _vote_by_pronouns(self, votes: dict[str, Counter]) -> None:
        """A sentence naming one person and using only one gender of pronoun as a subject or possessive."""
        for s in self.doc.sents:
            people = [
                (t.i, m.entity_key)
                for t in s
                if not self.in_quote(t) and (m := self.mention_at(t)) is not None and m.label == "PERSON"
            ]
            keys = {key for _, key in people}
            if len(keys) != 1:
                continue
            # Subjects and possessives only: an object pronoun in a sentence naming one person is someone else
            # ("Sentencing him, Judge Alison Pryce said").
            named = self._name_phrase(s)
            first = people[0][0]
            prons = {
                t.lower_
                for t in s
                if not self.in_quote(t)
                and t.pos_ == "PRON"
                and t.dep_ in ("nsubj", "nsubjpass", "poss")
                # "Her co-author, Samuel Okoro,": a possessive on the name's own phrase is someone else's
                and not (t.dep_ == "poss" and t.i in named)
                # "She added that it began under Grandi's administration": a subject before the name is not it
                # ("In her speech, Merkel said": a possessive before it can be)
                and not (t.dep_ != "poss" and t.i < first)
            }
            male = bool(prons & MALE_PRONOUN_FORMS)
            female = bool(prons & FEMALE_PRONOUN_FORMS)
            if male != female:
                votes.setdefault(next(iter(keys)), Counter())["m" if male else "f"] += _PRONOUN_VOTE
