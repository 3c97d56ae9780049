"""Metadata an HTML page declares about itself: meta fields, the canonical link, JSON-LD, <time> elements.

Each value comes from the first field of its list that the page fills (the lists are the common publishing
vocabularies: Open Graph, Dublin Core, schema.org, the meta names news CMSs write), then from trafilatura's
metadata extraction, then (dates only) from htmldate reading the markup (not its extensive text search).
The result is a plain JSON-ready dict (`decode_file` stores it on `Decoded.page`):
{"outlet", "url", "published_at", "author", "language", "title", "evidence": [{field, value, source, name,
text}]}, published_at as ISO text in the page's local time ("2024-09-17T10:15", the offset dropped).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator

import lxml.html

from .outlet import site_of_title
from .people import names_in
from .result import iso, plausible

# Fields in order of trust, per value. "jsonld:" fields are read from schema.org JSON-LD objects.
OUTLET_FIELDS = ("og:site_name", "jsonld:publisher", "application-name", "twitter:app:name:iphone")
URL_FIELDS = ("link:canonical", "og:url", "jsonld:url", "jsonld:mainEntityOfPage", "twitter:url")
DATE_FIELDS = (
    "article:published_time",
    "og:article:published_time",
    "jsonld:datePublished",
    "datepublished",
    "itemprop:datepublished",
    "time:pubdate",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "og:published_time",
    "release_date",
)
AUTHOR_FIELDS = (
    "author",
    "jsonld:author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
)
LANGUAGE_FIELDS = ("html:lang", "og:locale", "content-language", "dc.language", "jsonld:inLanguage")
TITLE_FIELDS = ("og:title", "twitter:title", "jsonld:headline", "title")


def _fields(tree) -> dict[str, list[str]]:
    """Every declared field name (lower case) with its values in page order."""
    out: dict[str, list[str]] = {}

    def add(name: str | None, value: str | None) -> None:
        if name and value and value.strip():
            out.setdefault(name.strip().lower(), []).append(" ".join(value.split()))

    for meta in tree.iter("meta"):
        for attr in ("property", "name", "itemprop", "http-equiv"):
            add(meta.get(attr), meta.get("content"))
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            add("link:canonical", link.get("href"))
    for el in tree.xpath("//*[@itemprop='datePublished']"):
        add("itemprop:datepublished", el.get("datetime") or el.get("content"))
    for el in tree.xpath("//time[@pubdate]"):
        add("time:pubdate", el.get("datetime"))
    root = tree.getroottree().getroot()
    add("html:lang", root.get("lang") or root.get("xml:lang"))
    title = tree.find(".//title")
    add("title", title.text_content() if title is not None else None)
    site = site_of_title(" ".join(title.text_content().split())) if title is not None else None
    add("title:site", site[0] if site else None)
    for key, value in _jsonld(tree):
        add("jsonld:" + key, value)
    return out


def _jsonld(tree) -> Iterator[tuple[str, str]]:
    """(field, value) pairs of the page's schema.org article/web-page objects."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        for obj in _objects(data):
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(
                isinstance(k, str) and (k.endswith("Article") or k in ("BlogPosting", "WebPage"))
                for k in kinds
            ):
                continue
            for key in ("datePublished", "url", "inLanguage", "headline"):
                if isinstance(obj.get(key), str):
                    yield key, obj[key]
            page = obj.get("mainEntityOfPage")
            page = page.get("@id") if isinstance(page, dict) else page
            if isinstance(page, str):
                yield "mainEntityOfPage", page
            yield from (("publisher", n) for n in _names(obj.get("publisher")))
            yield from (("author", n) for n in _names(obj.get("author")))


def _objects(data) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph", []))


def _names(value) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            yield item["name"]
        elif isinstance(item, str):
            yield item


def parse_when(text: str) -> dt.datetime | dt.date | None:
    """An ISO 8601 date or date-time as written (offset dropped); a bare midnight stays a date."""
    text = text.strip()
    m = re.match(r"^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?(?:\.\d+)?)\s*(Z|[+-]\d\d:?\d\d)?)?", text)
    if not m:
        return None
    try:
        day = dt.date.fromisoformat(m.group(1))
        if not m.group(2):
            return day if plausible(day) else None
        clock = dt.time.fromisoformat(m.group(2)[:8])
    except ValueError:
        return None
    if not plausible(day):
        return None
    if clock == dt.time(0) and not m.group(3):
        return day
    return dt.datetime.combine(day, clock)


def _first(fields: dict[str, list[str]], names: tuple[str, ...], accept) -> tuple[str, str, object] | None:
    """(field name, text, value) of the first field whose value `accept` turns into something."""
    for name in names:
        for text in fields.get(name.lower(), ()):
            value = accept(text)
            if value:
                return name, text, value
    return None


def _outlet(text: str) -> str | None:
    # A bare lower-case host name (trafilatura's fallback) or a @handle is an address, not the name the site
    # gives itself ("Sportsnet.ca" in a page title is); "Name | tagline" is Name.
    text = re.split(r"\s+[|–—-]\s+", text.strip())[0].strip()
    return None if not text or text.startswith("@") or re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", text) else text


def _url(text: str) -> str | None:
    return text if re.match(r"^https?://[^/\s]+/\S*[a-z]", text, re.I) else None


def _authors(text: str) -> list[str] | None:
    if re.match(r"^https?://", text):
        return None
    text = re.sub(r"^\s*by\s+", "", text, flags=re.I)
    names = [n for n, _, _ in names_in(text.replace(";", ","))]
    return names or None


def _language(text: str) -> str | None:
    m = re.match(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$", text.strip(), re.I)
    return m.group(1).lower() if m else None


def page_metadata(html: str, extracted=None) -> dict:
    """Outlet, url, published_at, author, language and title the page declares, with evidence.

    `extracted` is trafilatura's `bare_extraction(..., with_metadata=True)` result when the caller has it
    (decode_file does); it fills what the page's own fields leave empty.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return dict.fromkeys(("outlet", "url", "published_at", "author", "language", "title")) | {
            "evidence": []
        }
    fields = _fields(tree)
    extra = _trafilatura_fields(html, extracted)
    for name, value in extra.items():
        fields.setdefault(name, []).append(value)
    plan = {
        "outlet": (OUTLET_FIELDS + ("title:site", "trafilatura:sitename"), _outlet),
        "url": (URL_FIELDS + ("trafilatura:url",), _url),
        "published_at": (DATE_FIELDS + ("htmldate",), parse_when),
        "author": (AUTHOR_FIELDS + ("trafilatura:author",), _authors),
        "language": (LANGUAGE_FIELDS, _language),
        "title": (TITLE_FIELDS + ("trafilatura:title",), lambda t: t.strip() or None),
    }
    out: dict = {"evidence": []}
    for key, (names, accept) in plan.items():
        if key == "published_at" and not any(fields.get(n.lower()) for n in DATE_FIELDS):
            fields["htmldate"] = [d for d in [_htmldate(html)] if d]
        hit = _first(fields, names, accept)
        value = None if hit is None else "; ".join(hit[2]) if key == "author" else hit[2]
        out[key] = iso(value) if key == "published_at" else value
        if hit is not None:
            out["evidence"].append(
                {"field": key, "value": out[key], "source": "html", "name": hit[0], "text": hit[1]}
            )
    return out


def _trafilatura_fields(html: str, extracted) -> dict[str, str]:
    """trafilatura's metadata (title, sitename, author, url) as extra fields named "trafilatura:…"."""
    if extracted is None:
        import trafilatura

        extracted = trafilatura.extract_metadata(html)
    out = {}
    for key in ("sitename", "author", "url", "title"):
        value = getattr(extracted, key, None) if extracted is not None else None
        if isinstance(value, str) and value.strip():
            out["trafilatura:" + key] = value
    return out


def _htmldate(html: str) -> str | None:
    """The publication date htmldate reads from the markup (meta, time elements, URL), without text search."""
    import htmldate

    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
