"""The year a figure refers to: written right after it, in its own phrase, or the nearest in its clause."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.figures.measure import _clause_head

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?![\d]|s\b|'s)")
_YEAR_PREPS = lexicon.words("figures", "year_preps")
_YEAR_AFTER_FIGURE = lexicon.words("figures", "year_after_figure")
# "80 percent below its peak at the end of 2022": a year after a comparison dates the reference point.
_COMPARISON_WORDS = lexicon.words("figures", "comparison_words")
# "since 2015", "than in 2022": a year after these (up to three words before it) is a baseline.
_BASELINE_RE = re.compile(rf"\b{lexicon.alternation(lexicon.words('figures', 'year_baseline_words'))}\b")
_BASELINE_WINDOW = 3
# "a year", "per day" are rates, not dates.
_RATE_OPENER_RE = re.compile(rf"{lexicon.alternation(lexicon.words('figures', 'rate_openers'))}\b")
# An apposition or clause hanging off the figure dates its own content, not the figure.
_ASIDE_DEPS = {"appos", "relcl", "acl", "advcl", "conj", "parataxis"}

_Year = tuple[int, "Token"]  # a year and the token that names it


def _dates_other_noun(year: Token, span: Span) -> bool:
    """Whether a year dates some other noun on its way to the figure ("its peak at the end of 2022", "2005 levels")."""
    inside = {t.i for t in span}
    ancestors = {a.i for a in span.root.ancestors}
    clause = _clause_head(span.root)
    for a in year.ancestors:
        if a.i in inside or a.i in ancestors:
            return False
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("acl", "amod"):
            return False
        if a.pos_ in ("NOUN", "PROPN", "NUM") and a.ent_type_ != "DATE":
            # The clause's own subject or object may carry the date ("Exports in 2023 rose 5%").
            return not (a.head.i == clause.i and a.dep_ in ("nsubj", "nsubjpass", "dobj"))
    return False


def _year_for(span: Span, years: list[_Year]) -> int | None:
    """The year a figure refers to: one in its clause, else one governing its clause ("In 2023, X rose and Y fell")."""
    root = span.root
    doc = span.doc
    usable = []
    for y, t in years:
        if _dates_other_noun(t, span):
            continue
        if t.i > span.end and any(w.lower_ in _COMPARISON_WORDS for w in doc[span.end : t.i]):
            continue
        usable.append((y, t))
    clause = _clause_head(root)
    scope = {clause.i} | {a.i for a in clause.ancestors}
    same = [(y, t) for y, t in usable if _clause_head(t).i == clause.i]
    pool = same or [(y, t) for y, t in usable if _clause_head(t).i in scope]
    if not pool:
        return None
    return min(pool, key=lambda yt: abs(yt[1].i - root.i))[0]


def _adjacent_year(span: Span, years: list[_Year]) -> _Year | None:
    """A year written right after the figure ("10.5 million units in 2022"), whatever the parse says."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ in _YEAR_AFTER_FIGURE:
        return next(((y, t) for y, t in years if t.i == span.end + 1), None)
    return None


def _subtree_years(span: Span, years: list[_Year]) -> list[_Year]:
    """Years inside the figure's own phrase ("revenue of $5 billion for fiscal 2023")."""
    subtree = {t.i for t in span.root.subtree}
    return [(y, t) for y, t in years if t.i in subtree and not _dates_other_noun(t, span)]


def _has_own_relative_date(span: Span, date_ents: list[Span]) -> bool:
    """Whether the figure is dated by words without a year ("$47 billion this year"), so it borrows no other year."""
    doc = span.doc
    # "$240 billion, a rise of 26.3 percent on the year before": the aside's date is not the figure's.
    aside = {t.i for c in span.root.children if c.dep_ in _ASIDE_DEPS for t in c.subtree}
    near = [t for t in span.root.subtree if t.i >= span.end and t.i not in aside]
    if span.end < len(doc):
        near.append(doc[span.end])
    for t in near:
        if t.ent_type_ != "DATE":
            continue
        text = next((e.text for e in date_ents if e.start <= t.i < e.end), t.text).lower()
        if not _YEAR_RE.search(text) and not _RATE_OPENER_RE.match(text) and text != "annually":
            return True
    return False


def _years_in(sent: Span, covered: set[int], date_ents: list[Span]) -> list[_Year]:
    """Years a sentence names (DATE entities with a 4-digit year, or "in 2023"), less baselines ("since 2015")."""
    doc = sent.doc
    out = []

    def baseline(first: int) -> bool:
        before = " ".join(t.lower_ for t in doc[max(sent.start, first - _BASELINE_WINDOW) : first])
        return bool(_BASELINE_RE.search(before))

    for ent in date_ents:
        if sent.start <= ent.start and ent.end <= sent.end:
            m = _YEAR_RE.search(ent.text)
            if m and not any(t.i in covered for t in ent) and not baseline(ent.start):
                tok = next((t for t in ent if m.group(1) in t.text), ent.root)
                out.append((int(m.group(1)), tok))
    seen = {t.i for _, t in out}
    for t in sent:
        if t.i in seen or t.i in covered or t.ent_type_ == "DATE" or baseline(t.i):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.i > 0 and doc[t.i - 1].lower_ in _YEAR_PREPS:
            out.append((int(t.text), t))
        elif m := re.fullmatch(r"FY'?(\d\d|20\d\d)", t.text, re.IGNORECASE):
            out.append((int(m.group(1)) + (2000 if len(m.group(1)) == 2 else 0), t))  # "FY24", "FY2024"
    return out


class _SentenceYears:
    """The years of each figure's sentence, found once per sentence."""

    def __init__(self, covered: set[int], date_ents: list[Span]):
        self.covered = covered
        self.date_ents = date_ents
        self._by_start: dict[int, list[_Year]] = {}

    def of(self, span: Span) -> list[_Year]:
        sent = span.root.sent
        if sent.start not in self._by_start:
            self._by_start[sent.start] = _years_in(sent, self.covered, self.date_ents)
        return self._by_start[sent.start]


def _own_years(spans: list[Span], years: _SentenceYears) -> tuple[dict[int, int], set[int]]:
    """Years that belong to one figure (by its index): written right after it, else in its own phrase; and the
    tokens of the years so claimed, which no other figure may borrow."""
    own: dict[int, int] = {}
    claimed: set[int] = set()
    # A year written right after a figure is its own before any parse-based claim.
    for n, span in enumerate(spans):
        adjacent = _adjacent_year(span, years.of(span))
        if adjacent is not None:
            own[n] = adjacent[0]
            claimed.add(adjacent[1].i)
    # A year in one figure's own phrase ("$200 billion in 2022") belongs to it and to no other figure.
    for n, span in enumerate(spans):
        if n not in own:
            mine = _subtree_years(span, [(y, t) for y, t in years.of(span) if t.i not in claimed])
            if mine:
                own[n] = mine[0][0]
                claimed.update(t.i for _, t in mine)
    return own, claimed


def _borrowed_year(span: Span, years: _SentenceYears, claimed: set[int], date_ents: list[Span]) -> int | None:
    """The year of a figure without one of its own: none when it is dated without a year ("this year"), else the
    nearest unclaimed year of its clause or of a clause governing it."""
    if _has_own_relative_date(span, date_ents):
        return None
    return _year_for(span, [(y, t) for y, t in years.of(span) if t.i not in claimed])
