"""Figure claims of a body: the scanner's candidates kept as figures or counts, with measure, year and flags."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.figures.candidate import _Cand, _round
from assets.text.figures.counts import _is_count
from assets.text.figures.durations import _time_figure
from assets.text.figures.hedges import _hedge_flags
from assets.text.figures.interval import _interval, _quantity
from assets.text.figures.keys import Keys, _mention_index, figure_keys
from assets.text.figures.measure import _figure_measure
from assets.text.figures.period import _figure_periods, _periods_in
from assets.text.figures.scanner import _Scanner
from assets.text.figures.years import _borrowed_year, _own_years, _SentenceYears
from assets.text.records import Claim, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_Kept = tuple["_Cand", "Span", "Token | None"]  # a figure, its tokens and the noun it counts
_SHARE_CONTEXT = lexicon.words("figures", "share_context")
_SHARE_CONTEXT_BEFORE = lexicon.words("figures", "share_context_before")
_INDEX_LEVEL_BEFORE = lexicon.words("figures", "index_level_before")


def _figure_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _kept_figures(doc: Doc) -> list[_Kept]:
    """The scanner's candidates that are figures: those with a unit, durations and ages, index levels, and
    bare
    numbers that count something."""
    kept: list[_Kept] = []
    for cand in _Scanner(doc).scan():
        span = _figure_span(doc, cand.start, cand.end)
        if span is None or not len(span):
            continue
        if cand.unit is None and _index_level(span, kept):
            cand.set("points", None, lambda x: x)
        if cand.unit is not None:
            kept.append((cand, span, None))
            continue
        timed = _time_figure(cand, span, doc)
        if timed is not None:  # "for 24 years", "67-year-old": a duration or an age, flagged as such
            kind, unit, factor, last = timed
            end = last.idx + len(last.text)
            cand.set(unit, doc.text[cand.end : end].strip(" -"), lambda x, f=factor: x * f)
            cand.flags.append(kind)
            cand.end = max(cand.end, end)
            kept.append((cand, _figure_span(doc, cand.start, cand.end), None))
            continue
        ok, noun = _is_count(cand, span, doc, doc.text)
        if not ok:
            continue
        cand.unit = "count"
        if noun is not None:  # the counted noun joins the figure's text: "40 people"
            cand.end = noun.idx + len(noun.text)
            cand.raw_unit = noun.text
            span = _figure_span(doc, cand.start, cand.end)
        kept.append((cand, span, noun))
    return [k for k in map(_points, kept) if k is not None]


def _points(kept: _Kept) -> _Kept | None:
    """Points are percentage points in a sentence about shares or polls ("a 10-point lead"); elsewhere index
    points, unless hyphenated before a noun ("a 10-point plan": a label)."""
    cand, span, _ = kept
    if cand.unit == "points":
        sent = span.root.sent
        before = span.doc[sent.start - 1].sent if sent.start > 0 else sent
        in_before = sent.start > 0 and any(t.lower_ in _SHARE_CONTEXT_BEFORE for t in before)
        if in_before or any(t.lower_ in _SHARE_CONTEXT for t in sent):
            cand.unit = "pp"
        elif cand.raw_unit and "-" in span.doc.text[cand.start : cand.end]:
            return None
    return kept


def _index_level(span: Span, kept: list[_Kept]) -> bool:
    """A bare number after "to"/"at" in a sentence whose earlier figure moved an index by points ("to
    4,577.10")."""
    first = span[0]
    if first.i == 0 or first.nbor(-1).lower_ not in _INDEX_LEVEL_BEFORE:
        return False
    sent = first.sent
    return any(c.unit == "points" and s.root.sent == sent and s.end <= first.i for c, s, _ in kept)


def _claim(body: str, cand: _Cand, sentence_idx: int, year: int | None, flags: list[str], keys: Keys, period):
    low, high = _interval(cand, body[cand.start : cand.end], flags)
    flags = flags + (["change"] if keys.change else [])
    return Claim(
        sentence_idx=sentence_idx,
        start_char=cand.start,
        end_char=cand.end,
        kind="figure",
        text=body[cand.start : cand.end],
        value=_round(cand.value),
        unit=cand.unit,
        raw_value=_round(cand.raw_value),
        raw_unit=cand.raw_unit,
        year=year,
        measure=keys.measure,
        flags=tuple(dict.fromkeys(flags)),  # each flag once, in the order found
        value_low=low,
        value_high=high,
        quantity=_quantity(cand.unit, flags),
        period=period,
        measure_key=keys.measure_key,
        scope=keys.scope,
    )


def find_figures(
    doc: Doc,
    sentences: list[Sentence],
    mentions: list[Mention] | None = None,
    published: dt.date | None = None,
) -> list[Claim]:
    """Numbers with a unit in the body, normalised: money, percentages, quantities, multiples, counts.

    `mentions` (the document's entity mentions: the figures' scope) and `published` (its publication date,
    which anchors "last year") are optional context.
    """
    body = doc.text
    kept = _kept_figures(doc)
    covered = {t.i for _, span, _ in kept for t in span}
    date_ents = [e for e in doc.ents if e.label_ == "DATE"]  # doc.ents is rebuilt on every access
    years = _SentenceYears(covered, date_ents)
    own_years, claimed = _own_years([span for _, span, _ in kept], years)
    periods = _figure_periods([span for _, span, _ in kept], covered, date_ents, published)
    ents = _mention_index(doc, mentions or [])
    starts = [s.start_char for s in sentences]
    claims: list[Claim] = []
    for n, (cand, span, noun) in enumerate(kept):
        flags = list(cand.flags) + _hedge_flags(body, cand.start)
        measured = _figure_measure(cand, span, noun, covered)
        flags += [f for f in measured.flags if f not in flags]
        keys = figure_keys(measured, span, cand.unit, flags, ents)
        year = own_years[n] if n in own_years else _borrowed_year(span, years, claimed, date_ents)
        period = periods[n] or _sentence_period(keys.antecedent, covered, date_ents, published)
        period = period or (str(year) if year is not None else None)
        idx = max(0, bisect_right(starts, cand.start) - 1)
        sentence_idx = sentences[idx].sentence_idx if sentences else 0
        claims.append(_claim(body, cand, sentence_idx, year, flags, keys, period))
    return claims


def _sentence_period(sent: Span | None, covered: set[int], date_ents: list[Span], published) -> str | None:
    """The first period a sentence names (a pronoun measure's antecedent sentence)."""
    found = _periods_in(sent, covered, date_ents, published) if sent is not None else []
    return found[0][0] if found else None
