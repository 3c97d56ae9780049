"""One document's metadata: the HTML page's own fields first, then what the text's page leftovers say."""

from __future__ import annotations

from assets.text.cleaning import Cleaned

from . import language as lang
from .dates import line_dates, published_date
from .lines import lines_of
from .outlet import outlet as find_outlet
from .page import parse_when
from .people import authors, byline_lines
from .result import Evidence, Metadata, from_iso, iso
from .urls import page_url


def document_metadata(raw_text: str, cleaned: Cleaned | None = None, page: dict | None = None) -> Metadata:
    """Outlet, url, published_at, author and language of a document, each with its evidence; None if unsaid.

    `raw_text` is the stored raw text (for HTML: decode's extracted text), `cleaned` the cleaner's result on it
    (its removed spans place each line above, in or below the article), `page` the HTML page's own metadata
    (`page_metadata`, stored by ingest) whose values win over the text's.
    """
    page = page or {}
    lines = lines_of(raw_text, cleaned)
    title = cleaned.title if cleaned is not None else None
    evidence: list[Evidence] = [_html_evidence(e) for e in page.get("evidence", [])]
    have = {e.field for e in evidence}

    # The text's own language when the classifier is sure; a page's declared language is often its
    # template's default ("en" on a German post), so it only decides when the text does not.
    language = page.get("language")
    code, prob = lang.detect((cleaned.body if cleaned is not None else "") or raw_text)
    if code is not None and (language is None or prob >= lang.SURE):
        language = code
        evidence = [e for e in evidence if e.field != "language"]
        evidence.append(Evidence("language", code, "model", lang.MODEL, text=f"p={prob:.2f}"))

    outlet = page.get("outlet")
    if "outlet" not in have and (found := find_outlet(lines, raw_text, title)) is not None:
        outlet = found.value
        evidence.append(_span("outlet", found.value, found.rule, raw_text, found.start, found.end))

    url = page.get("url")
    if "url" not in have and (link := page_url(lines, title)) is not None:
        url = link.value
        evidence.append(_span("url", link.value, "printed_url", raw_text, link.start, link.end))

    dated = [line.index for line in lines if line.zone == "header" and line_dates(line, language)]
    names = authors(lines, dated, title)
    author = page.get("author")
    if "author" not in have:
        author = "; ".join(n for n, _, _ in names) or None
        evidence += [_span("author", n, "byline", raw_text, s, e) for n, s, e in names]

    published = from_iso(page.get("published_at"))
    if "published_at" not in have:
        when = published_date(lines, language, byline_lines(lines, names))
        if when is not None:
            published = when.value
            evidence.append(
                _span("published_at", iso(when.value), "date_line", raw_text, when.start, when.end)
            )
    return Metadata(outlet, url, published, author, language, tuple(evidence))


def _span(field: str, value: str, rule: str, raw: str, start: int, end: int) -> Evidence:
    return Evidence(field, value, "text", rule, start, end, raw[start:end])


def _html_evidence(e: dict) -> Evidence:
    return Evidence(e["field"], e["value"], "html", e["name"], text=e.get("text", ""))


__all__ = ["document_metadata", "parse_when"]
