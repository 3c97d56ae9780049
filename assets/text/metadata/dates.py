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
from dataclasses import dataclass

from assets.text.lexicon import alternation, ordered

from .lines import Line

# Separators between the parts of a date line ("Sept. 17, 2024 | Updated 11:02 a.m. ET").
_SEPARATORS = re.compile(r"\s*(?:[|·•]|\s[-–—]\s)\s*")
_TIME_BASE = dt.datetime(1900, 1, 1)
# Longest line (in words) read as a date line: a dateline is short, a sentence mentioning a date is not.
MAX_WORDS = 16


@functools.cache
def _labels() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Leading publish and update labels (with a trailing ':' or 'on'/'at'), and an update label anywhere."""
    def pattern(key: str) -> re.Pattern:
        return re.compile(r"^\s*" + alternation(ordered("metadata", key)) + r"\b\s*:?\s*(?:on\b|at\b)?\s*", re.I)
    inside = re.compile(r"\s" + alternation(ordered("metadata", "update_labels")) + r"\b", re.I)
    return pattern("publish_labels"), pattern("update_labels"), inside


@functools.cache
def _parsers(language: str | None) -> tuple:
    from dateparser.date import DateDataParser  # slow import (locale data): only when dates are read

    langs = ["en"] if language in (None, "en") else [language, "en"]
    try:
        full = DateDataParser(languages=langs, settings={
            "RETURN_TIME_AS_PERIOD": True, "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["year", "month", "day"]})
        clock = DateDataParser(languages=langs, settings={
            "RETURN_TIME_AS_PERIOD": True, "PARSERS": ["absolute-time"], "RELATIVE_BASE": _TIME_BASE})
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


def _parse(text: str, language: str | None) -> tuple[dt.datetime | dt.date | None, bool]:
    """(value, clock-only): a whole date (datetime when a time is given), or a bare clock time."""
    full, clock = _parsers(language)
    data = full.get_date_data(text)
    if data.date_obj is not None:
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
        if update.match(text) or not text:
            last = None
            continue
        label = publish.match(text)
        body = text[label.end() :] if label else text
        value, clock_only = _parse(body, language) if body and any(c.isdigit() for c in body) else (None, False)
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


def published_date(lines: list[Line], language: str | None = None) -> DateCandidate | None:
    """The page's publication date: a labelled one first, then the first date above the body, then below it.

    Lines inside the body are read only when the cleaner marked them as datelines.
    """
    found: list[tuple[tuple, DateCandidate]] = []
    for line in lines:
        if line.zone == "body" and line.reason != "dateline":
            continue
        zone_rank = {"header": 0, "footer": 1, "body": 2}[line.zone]
        found += [((not c.labelled, zone_rank, line.index), c) for c in line_dates(line, language)]
    return min(found, key=lambda f: f[0])[1] if found else None
