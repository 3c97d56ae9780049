"""Figure claims of a body: the scanner's candidates kept as figures or counts, with measure, year and flags."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from assets.text.figures.candidate import _Cand, _round
from assets.text.figures.counts import _is_count
from assets.text.figures.durations import _time_figure
from assets.text.figures.hedges import _hedge_flags
from assets.text.figures.measure import _figure_measure
from assets.text.figures.scanner import _Scanner
from assets.text.figures.years import _borrowed_year, _own_years, _SentenceYears
from assets.text.records import Claim, Mention, Sentence

_Kept = tuple[_Cand, Span, Token | None]  # a figure, its tokens and the noun it counts


def _figure_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _kept_figures(doc: Doc) -> list[_Kept]:
    """The scanner's candidates that are figures: those with a unit, and bare numbers that count something."""
    kept: list[_Kept] = []
    for cand in _Scanner(doc).scan():
        span = _figure_span(doc, cand.start, cand.end)
        if span is None or not len(span):
            continue
        if cand.unit is not None:
            kept.append((cand, span, None))
            continue
        timed = _time_figure(cand, span, doc)
        if timed is not None:  # "for 24 years", "67-year-old": a duration or an age, flagged as such
            kind, unit, factor, last = timed
            cand.set(unit, doc.text[span[-1].idx + len(span[-1].text) : last.idx + len(last.text)].strip(" -"),
                     lambda x, f=factor: x * f)
            cand.flags.append(kind)
            cand.end = max(cand.end, last.idx + len(last.text))
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
    return kept


def _claim(
    body: str, cand: _Cand, sentence_idx: int, year: int | None, measure: str | None, flags: list[str]
):
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
        measure=measure,
        flags=tuple(dict.fromkeys(flags)),  # each flag once, in the order found
    )


def find_figures(
    doc: Doc, sentences: list[Sentence], mentions: list[Mention] | None = None, published: dt.date | None = None
) -> list[Claim]:
    """Numbers with a unit in the body, normalised: money, percentages, quantities, multiples, counts.

    `mentions` (the document's entity mentions) and `published` (its publication date, which anchors "last
    year") are optional context.
    """
    body = doc.text
    kept = _kept_figures(doc)
    covered = {t.i for _, span, _ in kept for t in span}
    date_ents = [e for e in doc.ents if e.label_ == "DATE"]  # doc.ents is rebuilt on every access
    years = _SentenceYears(covered, date_ents)
    own_years, claimed = _own_years([span for _, span, _ in kept], years)
    starts = [s.start_char for s in sentences]
    claims: list[Claim] = []
    for n, (cand, span, noun) in enumerate(kept):
        flags = list(cand.flags) + _hedge_flags(body, cand.start)
        measure, more = _figure_measure(cand, span, noun, covered)
        flags += [f for f in more if f not in flags]
        year = own_years[n] if n in own_years else _borrowed_year(span, years, claimed, date_ents)
        idx = max(0, bisect_right(starts, cand.start) - 1)
        sentence_idx = sentences[idx].sentence_idx if sentences else 0
        claims.append(_claim(body, cand, sentence_idx, year, measure, flags))
    return claims
