"""The period a figure refers to: "2023", "2023-Q1", "2023-04" or "2023-04-05", from the dates of its clause.

A date written without a year ("in March", "the third quarter", "on Tuesday") and a relative one ("last year",
"this month", "yesterday") are read against the publication date: the latest such month, quarter or weekday
on or before it. Without a publication date they give no period. Durations ("the past five years"), rates
("a year") and baselines ("since 2015", "than a year earlier") give none either.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.figures.measure import _clause_head
from assets.text.figures.years import (
    _BASELINE_RE,
    _BASELINE_WINDOW,
    _RATE_OPENER_RE,
    _adjacent_year,
    _subtree_years,
    _year_for,
    _years_in,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_MONTHS: dict[str, int] = lexicon.mapping("figures", "months")
# "…, the company said on Wednesday": a date on a verb of saying dates the statement, not the figure.
_REPORTING = lexicon.words("speech", "reporting_verbs") | lexicon.words("speech", "speaking_verbs")
_WEEKDAYS: dict[str, int] = lexicon.mapping("figures", "weekdays")
_QUARTERS: dict[str, int] = lexicon.mapping("figures", "quarter_ordinals")
_OFFSETS: dict[str, int] = lexicon.mapping("figures", "relative_offsets")
_MONTH = lexicon.alternation(_MONTHS)
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE_PATTERNS = [  # tried in order on the lower-cased date, without dots
    re.compile(rf"\b(?P<month>{_MONTH})\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\s+{_YEAR}\b"),
    re.compile(rf"\b(?P<month>{_MONTH})\s+{_DAY}\b(?!\s*,?\s*\d)"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\b"),
    re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?{_YEAR}\b"),
    re.compile(rf"\b(?P<month>{_MONTH})\b"),
]
_QUARTER = re.compile(
    rf"\b(?:(?P<ord>{lexicon.alternation(_QUARTERS)})\s+(?:fiscal\s+)?quarter|q(?P<n>[1-4]))\b"
    rf"(?:\s+(?:of\s+)?{_YEAR})?"
)
_RELATIVE = re.compile(rf"\b(?P<rel>{lexicon.alternation(_OFFSETS)})\s+(?P<unit>year|month|quarter)\b")
_WEEKDAY = re.compile(rf"\b(?P<wd>{lexicon.alternation(_WEEKDAYS)})\b")
_BARE_YEAR = re.compile(rf"\b(?:fiscal\s+|fy\s*)?{_YEAR}\b(?!s)")
# Months are only read as names in a date entity: "may" is a verb and "march" a noun in prose.
_QUARTER_MONTHS = 3


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // _QUARTER_MONTHS + 1


def _latest_month(month: int, published: dt.date) -> int:
    """The year of the latest such month on or before the publication date."""
    return published.year if month <= published.month else published.year - 1


def _relative(m: re.Match, published: dt.date) -> str:
    offset, unit = _OFFSETS[m.group("rel")], m.group("unit")
    if unit == "year":
        return str(published.year + offset)
    if unit == "month":
        n = published.year * 12 + published.month - 1 + offset
        return f"{n // 12}-{n % 12 + 1:02d}"
    n = published.year * 4 + _quarter_of(published) - 1 + offset
    return f"{n // 4}-Q{n % 4 + 1}"


def _dated(text: str, published: dt.date | None) -> str | None:
    """A calendar date, month or weekday written in `text` (lower case, no dots) as a period."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        month, groups = _MONTHS[m.group("month")], m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if year is None and published is None:
            return None
        year = year or _latest_month(month, published)
        return f"{year}-{month:02d}-{int(groups['day']):02d}" if groups.get("day") else f"{year}-{month:02d}"
    m = _WEEKDAY.search(text)
    if m and published is not None:
        back = (published.weekday() - _WEEKDAYS[m.group("wd")]) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    return None


def parse_period(text: str, published: dt.date | None) -> str | None:
    """The period a date expression names, read against the publication date when it needs one."""
    t = text.lower().replace(".", "")
    if _RATE_OPENER_RE.match(t) or re.search(r"\b(?:past|over|for)\b", t):
        return None  # "a year", "the past five years": a rate or a duration
    m = _QUARTER.search(t)
    if m:
        q = _QUARTERS[m.group("ord")] if m.group("ord") else int(m.group("n"))
        if m.group("year"):
            return f"{m.group('year')}-Q{q}"
        if published is None:
            return None
        return f"{published.year if q <= _quarter_of(published) else published.year - 1}-Q{q}"
    m = _RELATIVE.search(t)
    if m:
        return _relative(m, published) if published is not None else None
    if published is not None and re.search(r"\b(?:yesterday|today)\b", t):
        return (published - dt.timedelta(days=1 if "yesterday" in t else 0)).isoformat()
    got = _dated(t, published)
    if got:
        return got
    m = _BARE_YEAR.search(t)
    return m.group("year") if m else None


_Period = tuple[str, "Token"]


# A dateline opens a wire story ("DETROIT, Sept 18 (Pinewick) - …"): its date is the filing's, not a
# figure's.
_DATELINE_TOKENS = 4
_DASHES = ("-", "–", "—")


def _dateline(ent: Span, sent: Span) -> bool:
    """Whether a date sits in the dateline at the start of a sentence, before a dash."""
    doc = sent.doc
    if ent.start - sent.start > _DATELINE_TOKENS:
        return False
    return any(t.text in _DASHES for t in doc[ent.end : min(sent.end, ent.end + _DATELINE_TOKENS)])


def _periods_in(sent: Span, covered: set[int], date_ents: list[Span], published) -> list[_Period]:
    """Periods a sentence names: its DATE entities read as periods, less baselines, and bare years ("in
    2023")."""
    doc = sent.doc
    out: list[_Period] = []
    for ent in date_ents:
        if not (sent.start <= ent.start and ent.end <= sent.end) or any(t.i in covered for t in ent):
            continue
        before = " ".join(t.lower_ for t in doc[max(sent.start, ent.start - _BASELINE_WINDOW) : ent.start])
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if (
            _BASELINE_RE.search(before)
            or after in ("earlier", "before", "ago", "later")
            or _dateline(ent, sent)
        ):
            continue
        period = parse_period(ent.text, published)
        if period:
            out.append((period, ent.root))
    seen = {t.i for ent in date_ents for t in ent}
    out += [(str(y), t) for y, t in _years_in(sent, covered, date_ents) if t.i not in seen]
    return out


def _dates_saying(tok: Token, clause: Token) -> bool:
    """Whether a date hangs from a verb of saying other than the figure's own clause ("…, it said on
    Monday")."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != clause.i and verb.lemma_.lower() in _REPORTING


def _figure_periods(
    spans: list[Span], covered: set[int], date_ents: list[Span], published
) -> list[str | None]:
    """The period of each figure: a date right after it, else one in its phrase, else the nearest in its
    clause."""
    by_sent: dict[int, list[_Period]] = {}
    out: list[str | None] = []
    for span in spans:
        sent = span.root.sent
        if sent.start not in by_sent:
            by_sent[sent.start] = _periods_in(sent, covered, date_ents, published)
        clause = _clause_head(span.root)
        pool = [(p, t) for p, t in by_sent[sent.start] if not _dates_saying(t, clause)]
        adjacent = _adjacent_year(span, pool)
        own = _subtree_years(span, pool)
        out.append(adjacent[0] if adjacent else own[0][0] if own else _year_for(span, pool))
    return out
