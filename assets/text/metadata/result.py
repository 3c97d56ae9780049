"""What document metadata is: each value with the evidence it was read from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FIELDS = ("outlet", "url", "published_at", "author", "language")

# Where a value was read (public vocabulary).
SOURCES = (
    "html",  # the page's markup: `name` is the meta field ("og:site_name", "link rel=canonical", …)
    "text",  # a span of the raw text: start/end offsets, raw[start:end] == text
    "model",  # a classifier over the cleaned body (language): `name` is the model
)


@dataclass(frozen=True)
class Evidence:
    """Where one metadata value came from."""

    field: str  # one of FIELDS
    value: str  # the value as read from this span (one author name, an ISO date, …)
    source: str  # one of SOURCES
    name: str  # html: the meta field; text: the rule that read the span ("byline", "copyright", …)
    start: int | None = None  # text: offsets into the raw text
    end: int | None = None
    text: str = ""  # text: raw[start:end]; html: the field's content as written


@dataclass(frozen=True)
class Metadata:
    """A document's publisher, address, publication time, authors and language; None when the page does not say."""

    outlet: str | None = None
    url: str | None = None
    published_at: dt.datetime | dt.date | None = None  # local time as written, no timezone
    author: str | None = None  # every named author, "; "-joined
    language: str | None = None  # ISO 639-1
    evidence: tuple[Evidence, ...] = field(default=())

    def as_dict(self) -> dict:
        """JSON-ready form: published_at as ISO text ("2024-09-16" or "2024-09-16T13:20")."""
        return {
            "outlet": self.outlet,
            "url": self.url,
            "published_at": iso(self.published_at),
            "author": self.author,
            "language": self.language,
            "evidence": [e.__dict__.copy() for e in self.evidence],
        }


# Publication dates outside these years are template residue ("0001-01-01") or misreadings, not dates.
FIRST_YEAR = 1990


def plausible(day: dt.date) -> bool:
    """A publication date between FIRST_YEAR and next year."""
    return FIRST_YEAR <= day.year <= dt.date.today().year + 1


def iso(value: dt.datetime | dt.date | None) -> str | None:
    """A date as YYYY-MM-DD, a datetime as YYYY-MM-DDTHH:MM (to the minute, as pages print times)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def from_iso(text: str | None) -> dt.datetime | dt.date | None:
    """The inverse of `iso` (also accepts an offset, which is dropped: local time as written)."""
    if not text:
        return None
    if "T" not in text:
        return dt.date.fromisoformat(text[:10])
    return dt.datetime.fromisoformat(text).replace(tzinfo=None)
