"""Publication date and time from the date lines a page prints ("Published 16 September 2024, 18:05 BST").

A date line is cut into segments at the separators pages print between date parts and other facts ("|", "·",
"•", " - "); a leading label says whether a segment is the publication or an update time ("Updated 11:02
a.m. ET" is skipped). Each segment is parsed by dateparser, which must find a whole date (year, month and
day) in it and nothing else: a related-link headline with a date in it is not a date line. A segment with
only a clock time completes the date just before it ("2024-09-18 · 11:41 PM ET"). Times are kept as written:
the offset or zone name is dropped, not converted.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from assets.text.lexicon import alternation, ordered, table

from .lines import Line
from .result import plausible

# Separators between the parts of a date line ("Sept. 17, 2024 | Updated 11:02 a.m. ET").
_SEPARATORS = re.compile(r"\s*(?:[|·•]|\s[-–—]\s)\s*")
_TIME_BASE = dt.datetime(1900, 1, 1)
# A writer's credit after the date on one line (blog templates: "Posted on May 16, 2024 by Ann Lee"): the date
# ends where it starts, the writer's names follow it (people.py reads them).
CREDIT_AFTER_DATE = re.compile(r"(?<=\d)\s+by\s+(?=\S)", re.I)
# Lines between a byline and the date printed with it.
NEAR_BYLINE = 3
# Longest line (in words) read as a date line: a dateline is short, a sentence mentioning a date is not.
MAX_WORDS = 16


@functools.cache
def _labels() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Leading publish and update labels (with a trailing ':' or 'on'/'at'), and an update label anywhere."""

    def pattern(key: str) -> re.Pattern:
        return re.compile(
            r"^\s*" + alternation(ordered("metadata", key)) + r"\b\s*:?\s*(?:on\b|at\b)?\s*", re.I
        )

    inside = re.compile(r"\s" + alternation(ordered("metadata", "update_labels")) + r"\b", re.I)
    return pattern("publish_labels"), pattern("update_labels"), inside


@functools.cache
def _parsers(language: str | None) -> tuple:
    from dateparser.date import DateDataParser  # slow import (locale data): only when dates are read

    langs = ["en"] if language in (None, "en") else [language, "en"]
    try:
        full = DateDataParser(
            languages=langs,
            settings={
                "RETURN_TIME_AS_PERIOD": True,
                "PARSERS": ["absolute-time"],
                "REQUIRE_PARTS": ["year", "month", "day"],
            },
        )
        clock = DateDataParser(
            languages=langs,
            settings={
                "RETURN_TIME_AS_PERIOD": True,
                "PARSERS": ["absolute-time"],
                "RELATIVE_BASE": _TIME_BASE,
            },
        )
    except ValueError:  # a language dateparser does not know
        return _parsers(None)
    return full, clock


@dataclass(frozen=True)
class DateCandidate:
    value: dt.datetime | dt.date
    labelled: bool  # the segment carried a publication label ("Published", "Posted:")
    start: int  # raw offsets of the segments read
    end: int
    line: Line


def _segments(line: Line) -> list[tuple[int, int, str]]:
    """(start, end, text) of the separator-delimited parts of a line, offsets into the raw text."""
    out, pos = [], 0
    for m in [*_SEPARATORS.finditer(line.text), None]:
        stop = m.start() if m else len(line.text)
        part = line.text[pos:stop]
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append((line.start + pos + lead, line.start + pos + len(part.rstrip()), part.strip()))
        pos = m.end() if m else pos
    return out


@functools.cache
def _months() -> re.Pattern:
    months = {w for v in table("dates")["months"].values() for w in v.split()}
    return re.compile(r"(?<![^\W\d_])" + alternation(months) + r"(?![^\W\d_])", re.I)


def _date_shaped(text: str) -> bool:
    """A month name, a numeric date with separators ("20/11/2019", "2019-11-20") or CJK date characters.

    dateparser reads "4 55 3" as a date; a date line writes its month as a word or between separators.
    """
    return bool(_months().search(text) or re.search(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d年|\d月", text))


@functools.lru_cache(
    maxsize=20_000
)  # dateparser is slow, and an outlet's template lines recur page after page
def _parse(text: str, language: str | None) -> tuple[dt.datetime | dt.date | None, bool]:
    """(value, clock-only): a whole date (datetime when a time is given), or a bare clock time."""
    full, clock = _parsers(language)
    data = full.get_date_data(text) if _date_shaped(text) else None
    if data is not None and data.date_obj is not None and plausible(data.date_obj.date()):
        value = data.date_obj.replace(tzinfo=None)
        return (value if data.period == "time" else value.date()), False
    data = clock.get_date_data(text)
    if data.date_obj is not None and data.period == "time" and data.date_obj.date() == _TIME_BASE.date():
        return data.date_obj.replace(tzinfo=None), True
    return None, False


def line_dates(line: Line, language: str | None = None) -> list[DateCandidate]:
    """The publication dates a short line states (update times skipped)."""
    if len(line.words) > MAX_WORDS or not any(c.isdigit() for c in line.text):
        return []
    publish, update, update_inside = _labels()
    out: list[DateCandidate] = []
    last: DateCandidate | None = None
    for start, end, text in _segments(line):
        cut = update_inside.search(text)  # "May 14, 2024 Updated May 15, 2024": the update part goes
        if cut:
            text, end = text[: cut.start()], start + cut.start()
        credit = CREDIT_AFTER_DATE.search(text)  # "Posted on May 16, 2024 by Wire Desk": the byline part goes
        if credit:
            text, end = text[: credit.start()], start + credit.start()
        if update.match(text) or not text:
            last = None
            continue
        label = publish.match(text)
        body = text[label.end() :] if label else text
        value, clock_only = (
            _parse(body, language) if body and any(c.isdigit() for c in body) else (None, False)
        )
        if value is None:
            last = None
            continue
        if clock_only:
            if last is not None and type(last.value) is dt.date:
                merged = dt.datetime.combine(last.value, value.time())
                out[-1] = last = DateCandidate(merged, last.labelled, last.start, end, line)
            continue
        last = DateCandidate(value, bool(label), start, end, line)
        out.append(last)
    return out


def published_date(
    lines: list[Line], language: str | None = None, bylines: Iterable[int] = ()
) -> DateCandidate | None:
    """The page's publication date.

    Preference: a labelled publication date ("Published …"); then a date next to a byline (within NEAR_BYLINE
    lines; the date printed with the writer's name); then the date above the article closest to it. A date
    below the article counts only when labelled or next to a byline (it is otherwise a related story's), a
    date inside the article only when the cleaner marked it a dateline or it sits by a byline.
    """
    bylines = sorted(set(bylines))
    body = next((line.index for line in lines if line.zone != "header"), len(lines))
    found: list[tuple[tuple, DateCandidate]] = []
    for line in lines:
        near = any(abs(line.index - b) <= NEAR_BYLINE for b in bylines)
        for c in line_dates(line, language):
            marked = line.zone == "body" and line.reason == "dateline"
            if line.zone != "header" and not (c.labelled or near or marked):
                continue
            closeness = body - line.index if line.zone == "header" else len(lines) + line.index
            found.append(((not c.labelled, not near, closeness), c))
    return min(found, key=lambda f: f[0])[1] if found else None
